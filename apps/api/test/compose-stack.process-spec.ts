import { CHROMIUM, launchChromium } from '@tracker/testing/chromium';
import { type AppProcess, READY, startProcess } from '@tracker/testing/app-process';
import { EsdbTestServer } from '@tracker/testing/esdb-test-server/esdb-test-server';
import { statementBody } from '@tracker/testing/fixtures';
import { POSTGRES_URL, READ_MODEL_STORE_FACTORIES } from '@tracker/testing/read-model-stores';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import type { Browser, Page } from 'playwright-core';
import { createKey } from '../../cli/test/keys-cli';
import { COMPOSE, composeContainers, type ContainerSpec } from './compose-service';

// The compose stack's `api` and `projector` containers as `docker-compose config` describes them,
// run as processes of this machine (no Docker engine here): the built apps, with exactly that
// environment and command, except what only exists inside compose, pointed at this machine —
// the service hosts (KurrentDB: the protocol-level EventStoreDB server; PostgreSQL: a fresh
// database on the local server), container paths (the api-keys secret: the file that
// `keys create` wrote; the container's own /app/data: a scratch folder) and the published port.

const ROOT = join(__dirname, '..', '..', '..');
const exec = promisify(execFile);

/** This machine's first IPv4 address that is not loopback: how another host on the network reaches it. */
const LAN_ADDRESS = Object.values(networkInterfaces())
  .flat()
  .find((a) => a?.family === 'IPv4' && !a.internal)?.address;

const problem = [
  !COMPOSE && 'docker-compose is not installed (CI: apt-get install -y docker-compose)',
  !existsSync(CHROMIUM) && `${CHROMIUM} is missing (CI: apt-get install -y chromium)`,
  // Unreachable PostgreSQL: the factory is absent here, or (under CI) present and failing.
  !READ_MODEL_STORE_FACTORIES.some((f) => f.label === 'PostgreSQL') && `PostgreSQL unreachable at ${POSTGRES_URL}`,
  !LAN_ADDRESS && 'this machine has no IPv4 address other than loopback',
]
  .filter(Boolean)
  .join('; ');
const ci = process.env.CI === 'true';
if (problem && !ci) process.stderr.write(`compose-stack test skipped: ${problem}\n`);

/** A free TCP port: where compose would publish the container's port. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((listening) => server.listen(0, '0.0.0.0', listening));
  const { port } = server.address() as AddressInfo;
  await new Promise((closed) => server.close(closed));
  return port;
}

/** Builds the apps as `.ci/run` does before `npm test`, when no build is there yet. */
async function ensureBuilt(): Promise<void> {
  const built = ['api', 'projector'].every((app) => existsSync(join(ROOT, `dist/apps/${app}/src/main.js`)));
  if (!built) await exec('npm', ['run', 'build'], { cwd: ROOT, timeout: 300_000 });
}

/** What stands in, on this machine, for what only exists inside the compose network. */
interface ThisMachine {
  services: string[];
  esdb: string;
  postgres: string;
  scratch: string;
}

/**
 * `value` with compose-only hosts and container paths replaced by this machine's. A host that
 * is neither KurrentDB nor PostgreSQL fails the test: this test would need to learn about it.
 */
function onThisMachine(value: string, mounts: [string, string][], here: ThisMachine): string {
  if (value.startsWith('/')) {
    const mount = mounts.find(([target]) => value === target || value.startsWith(`${target}/`));
    return mount ? mount[1] + value.slice(mount[0].length) : join(here.scratch, value);
  }
  const esdb = /^(?:esdb|kurrentdb)(?:\+discover)?:\/\/([^/?]+)(.*)$/.exec(value);
  if (esdb) {
    const hosts = esdb[1].split(',').map((host) => host.split(':')[0]);
    if (!hosts.every((host) => /^kurrentdb/.test(host) && here.services.includes(host))) {
      throw new Error(`unexpected EventStoreDB hosts in ${value}`);
    }
    return `esdb://${here.esdb}${esdb[2]}`;
  }
  if (/^postgres(?:ql)?:\/\//.test(value)) {
    const host = new URL(value).hostname;
    if (host !== 'postgres' || !here.services.includes(host)) throw new Error(`unexpected PostgreSQL host ${host}`);
    return here.postgres;
  }
  return value;
}

/** Starts a container's command as a process of this machine with its environment (nothing inherited). */
async function run(name: string, spec: ContainerSpec, here: ThisMachine, extra: Record<string, string>) {
  const env = Object.fromEntries(
    Object.entries(spec.env).map(([key, value]) => [key, onThisMachine(value, spec.mounts, here)]),
  );
  // The image makes its data folder (Dockerfile: mkdir -p /app/data).
  if (env.DATA_DIR) mkdirSync(env.DATA_DIR, { recursive: true });
  const [command, ...args] = spec.argv;
  if (command !== 'node') throw new Error(`${name} runs ${command}, not node`);
  // The image's WORKDIR holds what this working tree holds: dist/, node_modules/, apps/api/dashboard/.
  if (spec.workdir !== '/app') throw new Error(`unexpected WORKDIR ${spec.workdir}`);
  return startProcess(
    name,
    process.execPath,
    args,
    // PATH comes from the base image, which this Dockerfile does not show.
    { cwd: ROOT, env: { ...env, PATH: process.env.PATH ?? '/usr/bin:/bin', ...extra } },
    READY[name as 'api' | 'projector'],
  );
}

(problem && !ci ? describe.skip : describe)('the compose stack, started as docker-compose config says', () => {
  let dir: string;
  let keysFile: string;
  const database = `tracker_compose_${randomBytes(5).toString('hex')}`;
  const esdb = new EsdbTestServer({ batchAppend: true });
  const processes: AppProcess[] = [];
  let specs: Record<string, ContainerSpec>;
  let services: string[];
  let base: string;
  let viewerKey: string;
  let analystKey: string;
  let browser: Browser;
  let databaseCreated = false;

  /** PostgreSQL as the shared test server's superuser, for creating and dropping the stack's database. */
  const admin = async <T>(work: (client: Client) => Promise<T>) => {
    const client = new Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 5_000 });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  };

  beforeAll(async () => {
    if (problem) throw new Error(`the compose-stack test cannot run: ${problem}`);
    dir = mkdtempSync(join(tmpdir(), 'tracker-compose-'));
    keysFile = join(dir, 'secrets', 'api-keys.json');
    await ensureBuilt();
    // As the README tells an operator: keys first, then the stack.
    viewerKey = await createKey(keysFile, 'wall', 'viewer');
    analystKey = await createKey(keysFile, 'desk', 'analyst');
    ({ services, containers: specs } = await composeContainers(['api', 'projector'], {
      STACK_API_KEYS_FILE: keysFile,
    }));
    await esdb.start(0);
    await admin((client) => client.query(`CREATE DATABASE ${database}`));
    databaseCreated = true;
    const url = new URL(POSTGRES_URL);
    url.pathname = `/${database}`;
    const port = await freePort();
    const here = (service: string) => ({
      services,
      esdb: `127.0.0.1:${esdb.port}`,
      postgres: url.toString(),
      scratch: join(dir, service),
    });
    processes.push(await run('api', specs.api, here('api'), { PORT: String(port) }));
    processes.push(await run('projector', specs.projector, here('projector'), {}));
    base = `http://${LAN_ADDRESS}:${port}`;
    browser = await launchChromium();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await Promise.all(processes.map((p) => p.kill('SIGTERM')));
    await esdb.stop();
    if (databaseCreated) await admin((client) => client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`));
    if (dir) rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it('gives the api its keys file and all interfaces, and runs both containers from the image', () => {
    expect(specs.api.env).toMatchObject({ HOST: '0.0.0.0', API_KEYS_FILE: expect.stringMatching(/^\//) });
    expect(specs.api.mounts).toContainEqual([specs.api.env.API_KEYS_FILE, keysFile]);
    expect(specs.api.argv).toEqual(['node', 'dist/apps/api/src/main.js']);
    expect(specs.projector.argv).toEqual(['node', 'dist/apps/projector/src/main.js']);
  });

  it('starts, is ready, and answers only with a key, through a non-loopback address', async () => {
    const ready = await fetch(`${base}/health/ready`);
    expect(ready.status).toBe(200);
    expect((await fetch(`${base}/v1/statements`)).status).toBe(401);
    const write = await fetch(`${base}/v1/statements`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${analystKey}` },
      body: JSON.stringify(statementBody({ speaker: 'Compose Stack Check' })),
    });
    expect(write.status).toBe(201);
  });

  /**
   * Console errors that are no problem: a refused request before the key is given (401), and
   * Chromium saying it ignores Cross-Origin-Opener-Policy on an http origin other than loopback
   * (kept: on http://127.0.0.1 and over https it does isolate the page).
   */
  const expected = (text: string) =>
    text.includes('401') || text.startsWith('The Cross-Origin-Opener-Policy header has been ignored');

  /** A Chromium page that records every problem it reports except the `expected` ones. */
  async function page(): Promise<{ page: Page; problems: string[]; urls: string[] }> {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const problems: string[] = [];
    const urls: string[] = [];
    await page.addInitScript({
      content:
        "document.addEventListener('securitypolicyviolation', (e) => (window.__csp = window.__csp || []).push(e.violatedDirective + ' ' + e.blockedURI));",
    });
    page.on('request', (r) => urls.push(r.url()));
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (m) => m.type() === 'error' && !expected(m.text()) && problems.push(`console: ${m.text()}`));
    page.on('requestfailed', (r) => {
      // Closing the page aborts the live feed's request: that is not a failure.
      if (!(r.url().includes('/v1/feed/live') && r.failure()?.errorText === 'net::ERR_ABORTED'))
        problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`);
    });
    return { page, problems, urls };
  }

  const cspViolations = (p: Page) => p.evaluate('window.__csp || []');

  it("loads the dashboard's scripts and styles over plain http, with a strict CSP and no upgrade", async () => {
    const { page: p, problems, urls } = await page();
    const response = await p.goto(`${base}/`);
    expect(response?.status()).toBe(200);

    // The stylesheet applied, uPlot loaded, and the module ran: it asked for a key after a 401.
    expect(await p.evaluate("getComputedStyle(document.documentElement).getPropertyValue('--accent').trim()")).toBe(
      '#0b5cad',
    );
    expect(await p.evaluate('typeof uPlot')).toBe('function');
    await p.waitForSelector('#key-form:not([hidden])', { timeout: 10_000 });
    await p.fill('#api-key', viewerKey);
    await p.press('#api-key', 'Enter');
    await p.waitForSelector('#export-controls[data-state="ready"]', { timeout: 15_000 });
    // The projector (another process, on PostgreSQL) has folded the write the API took.
    await p.waitForSelector('#feed-list li[data-position]', { timeout: 15_000 });
    expect(await p.locator('#feed-list').textContent()).toContain('Compose Stack Check');
    expect(await p.locator('#ec-chart canvas').count()).toBe(1);

    expect(urls.filter((url) => !url.startsWith(`${base}/`))).toEqual([]);
    expect(await cspViolations(p)).toEqual([]);
    await p.close();
    expect(problems).toEqual([]);
    const csp = response?.headers()['content-security-policy'] ?? '';
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(csp).not.toContain('unsafe-inline');
  }, 60_000);

  it('renders the OpenAPI UI at /docs over plain http, its inline code allowed there alone', async () => {
    const { page: p, problems, urls } = await page();
    const response = await p.goto(`${base}/docs`);
    expect(response?.status()).toBe(200);
    await p.waitForSelector('.swagger-ui .info .title', { timeout: 15_000 });
    expect(await p.locator('.swagger-ui .info .title').textContent()).toContain('policy tracker');
    expect(await p.locator('.opblock').count()).toBeGreaterThan(10);
    // swagger-ui.css applied: the operation blocks are laid out as flex rows.
    expect(await p.evaluate("getComputedStyle(document.querySelector('.opblock-summary')).display")).toBe('flex');

    expect(urls.filter((url) => !url.startsWith(`${base}/`))).toEqual([]);
    expect(await cspViolations(p)).toEqual([]);
    await p.close();
    expect(problems).toEqual([]);
    const csp = response?.headers()['content-security-policy'] ?? '';
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(csp).toContain("'unsafe-inline'");
  }, 60_000);
});
