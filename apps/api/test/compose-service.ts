import { execFile, execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { load } from 'js-yaml';

const ROOT = join(__dirname, '..', '..', '..');
const exec = promisify(execFile);

/** The part of `docker-compose config`'s output these tests read. */
interface ComposeConfig {
  services: Record<string, ComposeService>;
  secrets?: Record<string, { file?: string }>;
}

interface ComposeService {
  image?: string;
  command?: string | string[];
  entrypoint?: string | string[];
  environment?: Record<string, string | number | boolean | null> | string[];
  secrets?: (string | { source: string; target?: string })[];
  volumes?: (string | { type?: string; source?: string; target: string })[];
}

/** What the image itself gives a container (its last stage): `ENV`, `WORKDIR`, `ENTRYPOINT`, `CMD`. */
interface ImageConfig {
  env: Record<string, string>;
  workdir: string;
  entrypoint: string[];
  cmd: string[];
}

/** How a compose service's container would start: argv, environment, and the host files mounted into it. */
export interface ContainerSpec {
  argv: string[];
  env: Record<string, string>;
  workdir: string;
  /** Container path → host path, from the service's secrets and bind mounts. */
  mounts: [string, string][];
}

/** `docker-compose` (1.29, as CI installs it) or else Compose v2's `docker compose`; undefined if neither runs. */
export const COMPOSE: string[] | undefined = [['docker-compose'], ['docker', 'compose']].find((command) => {
  try {
    execFileSync(command[0], [...command.slice(1), 'version'], { stdio: 'ignore', timeout: 10_000 });
    return true;
  } catch {
    return false;
  }
});

/**
 * Every service's name, and the containers `docker-compose config` describes for `services`, with `env` added to the
 * environment compose interpolates from (e.g. `STACK_API_KEYS_FILE`): the image's `ENV` overlaid
 * with the service's `environment`, the service's `command` or else the image's `CMD`.
 */
export async function composeContainers(
  services: string[],
  env: Record<string, string>,
): Promise<{ services: string[]; containers: Record<string, ContainerSpec> }> {
  if (!COMPOSE) throw new Error('neither docker-compose nor docker compose is installed');
  const { stdout } = await exec(COMPOSE[0], [...COMPOSE.slice(1), 'config'], {
    cwd: ROOT,
    env: { ...process.env, ...env },
  });
  const config = load(stdout) as ComposeConfig;
  const image = imageConfig(readFileSync(join(ROOT, 'Dockerfile'), 'utf8'));
  const specs: Record<string, ContainerSpec> = {};
  for (const name of services) {
    const service = config.services[name];
    if (!service) throw new Error(`docker-compose config has no service ${name}`);
    const entrypoint = service.entrypoint === undefined ? image.entrypoint : words(service.entrypoint);
    // As Docker does: a service's own entrypoint drops the image's CMD.
    const cmd = service.command !== undefined ? words(service.command) : service.entrypoint ? [] : image.cmd;
    specs[name] = {
      argv: [...entrypoint, ...cmd],
      env: { ...image.env, ...environmentOf(service) },
      workdir: image.workdir,
      mounts: mountsOf(service, config),
    };
  }
  return { services: Object.keys(config.services), containers: specs };
}

function words(value: string | string[]): string[] {
  return typeof value === 'string' ? value.split(/\s+/).filter(Boolean) : value;
}

function environmentOf(service: ComposeService): Record<string, string> {
  const env: Record<string, string> = {};
  const entries = Array.isArray(service.environment)
    ? service.environment.map((line) => {
        const at = line.indexOf('=');
        return at < 0 ? [line, null] : [line.slice(0, at), line.slice(at + 1)];
      })
    : Object.entries(service.environment ?? {});
  // A name without a value passes the shell's variable through; nothing here sets one.
  for (const [name, value] of entries) if (value !== null && name) env[name as string] = String(value);
  return env;
}

function mountsOf(service: ComposeService, config: ComposeConfig): [string, string][] {
  const mounts: [string, string][] = [];
  for (const secret of service.secrets ?? []) {
    const { source, target = source } = typeof secret === 'string' ? { source: secret } : secret;
    const file = config.secrets?.[source]?.file;
    if (!file) throw new Error(`secret ${source} has no file in docker-compose config`);
    mounts.push([target.startsWith('/') ? target : `/run/secrets/${target}`, file]);
  }
  for (const volume of service.volumes ?? []) {
    if (typeof volume === 'string') {
      const [source, target] = volume.split(':');
      if (source.startsWith('/') && target) mounts.push([target, source]);
    } else if (volume.type === 'bind' && volume.source) {
      mounts.push([volume.target, volume.source]);
    }
  }
  return mounts;
}

/** The last stage's `ENV`, `WORKDIR`, `ENTRYPOINT` and `CMD` (exec form) of a Dockerfile. */
export function imageConfig(dockerfile: string): ImageConfig {
  const instructions = dockerfile
    .split('\n')
    .filter((line) => !/^\s*#/.test(line))
    .join('\n')
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const stage = instructions.slice(instructions.findLastIndex((line) => /^FROM\s/i.test(line)));
  const image: ImageConfig = { env: {}, workdir: '/', entrypoint: [], cmd: [] };
  for (const line of stage) {
    const [, keyword, rest] = /^(\w+)\s+(.*)$/.exec(line) ?? [];
    switch (keyword?.toUpperCase()) {
      case 'ENV':
        for (const [, name, value] of rest.matchAll(/(\w+)=(\S*)/g)) {
          if (/[$"']/.test(value)) throw new Error(`ENV ${name}: quoted or substituted values are not read here`);
          image.env[name] = value;
        }
        break;
      case 'WORKDIR':
        image.workdir = rest;
        break;
      case 'ENTRYPOINT':
        image.entrypoint = JSON.parse(rest) as string[];
        break;
      case 'CMD':
        image.cmd = JSON.parse(rest) as string[];
        break;
    }
  }
  return image;
}
