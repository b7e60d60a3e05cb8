import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');

/** A running app process started from source, for crash, restart and multi-process tests. */
export interface AppProcess {
  /** The API's base URL (empty for the projector). */
  readonly url: string;
  readonly child: ChildProcess;
  /** Everything the process printed so far. */
  output(): string;
  /** Resolves when the output matches `pattern` (counting from `fromIndex`), rejects after `timeoutMs`. */
  waitForOutput(pattern: RegExp, timeoutMs?: number, fromIndex?: number): Promise<void>;
  /** Sends a signal and resolves once the process has exited. */
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/** What an app prints once it serves: the API its URL, the projector its start line. */
export const READY: Record<'api' | 'projector', RegExp> = {
  api: /listening on (http:\/\/\S+)/,
  projector: /started \(event store/,
};

/** Starts an app's `main.ts` with ts-node; resolves once its output matches `ready`. */
export function startAppProcess(
  app: 'api' | 'projector',
  env: Record<string, string>,
  ready = READY[app],
  timeoutMs = 60_000,
): Promise<AppProcess> {
  return startProcess(
    app,
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', join(ROOT, `apps/${app}/src/main.ts`)],
    {
      cwd: ROOT,
      env: { ...process.env, TS_NODE_PROJECT: join(ROOT, 'tsconfig.json'), PORT: '0', NO_COLOR: '1', ...env },
    },
    ready,
    timeoutMs,
  );
}

/**
 * Starts `command` with exactly `options.env` (nothing inherited), e.g. a built app as a
 * container would run it; resolves once its output matches `ready`.
 */
export function startProcess(
  label: string,
  command: string,
  args: readonly string[],
  options: { cwd: string; env: Record<string, string> },
  ready: RegExp,
  timeoutMs = 60_000,
): Promise<AppProcess> {
  const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const listeners = new Set<() => void>();
  const onData = (chunk: Buffer) => {
    output += chunk.toString();
    for (const listener of listeners) listener();
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const waitForOutput = (pattern: RegExp, waitMs = 30_000, fromIndex = 0) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (pattern.test(output.slice(fromIndex))) return done(resolve);
        if (child.exitCode !== null || child.signalCode !== null) {
          done(() => reject(new Error(`${label} exited before printing ${pattern}:\n${output}`)));
        }
      };
      const timer = setTimeout(
        () => done(() => reject(new Error(`${label} did not print ${pattern}:\n${output}`))),
        waitMs,
      );
      const done = (finish: () => void) => {
        clearTimeout(timer);
        listeners.delete(check);
        child.off('exit', check);
        finish();
      };
      listeners.add(check);
      child.on('exit', check);
      check();
    });

  return waitForOutput(ready, timeoutMs).then(
    () => ({
      url: (ready.exec(output)?.[1] ?? '').replace('[::1]', '127.0.0.1'),
      child,
      output: () => output,
      waitForOutput,
      kill: async (signal = 'SIGTERM') => {
        if (child.exitCode === null && child.signalCode === null) child.kill(signal);
        // A process that does not stop within 10 s of a polite signal is killed: a test's clean-up must end.
        const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited.finally(() => clearTimeout(force));
      },
    }),
    (error) => {
      child.kill('SIGKILL');
      throw error;
    },
  );
}

/** Runs an app to completion (for startup failures): exit code, output and how long it took. */
export function runAppProcess(app: 'api' | 'projector', env: Record<string, string>, timeoutMs = 60_000) {
  const started = Date.now();
  const child = spawn(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', join(ROOT, `apps/${app}/src/main.ts`)],
    { cwd: ROOT, env: { ...process.env, TS_NODE_PROJECT: join(ROOT, 'tsconfig.json'), PORT: '0', ...env } },
  );
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  return new Promise<{ code: number | null; output: string; ms: number }>((resolve) =>
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output, ms: Date.now() - started });
    }),
  );
}
