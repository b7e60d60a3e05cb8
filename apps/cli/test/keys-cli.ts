import { spawn } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');

/** Runs `npm run cli -- keys …` as an operator would, with `input` on its stdin (not a terminal). */
export function keysCli(args: string[], input = ''): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'apps/cli/src/main.ts', 'keys', ...args],
    { cwd: ROOT, env: { ...process.env, TS_NODE_PROJECT: join(ROOT, 'tsconfig.json') } },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdin.end(input);
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, stdout, stderr })));
}

/** The `key: …` and `entry: …` lines that `keys create` and `keys hash` print. */
export function printed(stdout: string): { key?: string; entry?: { name: string; role: string; sha256: string } } {
  const key = /^key: (\S+)$/m.exec(stdout)?.[1];
  const entry = /^entry: (.+)$/m.exec(stdout)?.[1];
  return { key, entry: entry === undefined ? undefined : JSON.parse(entry) };
}

/** `keys create --name … --role … --file <file>`, as the README tells an operator; resolves the new key. */
export async function createKey(file: string, name: string, role: string): Promise<string> {
  const result = await keysCli(['create', '--name', name, '--role', role, '--file', file]);
  const { key } = printed(result.stdout);
  if (result.code !== 0 || !key) throw new Error(`keys create failed (${result.code}): ${result.stderr}`);
  return key;
}
