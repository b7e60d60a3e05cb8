import { type ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';

/** The same loaders `npm run bench` uses, so children run the TypeScript sources as they are. */
const EXEC_ARGV = ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register'];

function spawn(entry: string, args: string[], stdout: 'inherit' | 'ignore' = 'inherit'): ChildProcess {
  return fork(join(__dirname, entry), args, {
    execArgv: EXEC_ARGV,
    stdio: ['ignore', stdout, 'inherit', 'ipc'],
    env: { ...process.env, TS_NODE_PROJECT: join(__dirname, '..', 'tsconfig.json') },
  });
}

/**
 * Runs one measurement in a fresh Node process (see `task-main.ts`): its heap, JIT state and
 * RSS belong to that measurement alone, and a server under load gets a core of its own.
 */
export function runTask<T>(task: string, args: object): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn('task-main.ts', [task, JSON.stringify(args)], 'ignore');
    let settled = false;
    child.on('message', (message: { ok?: T; error?: string }) => {
      settled = true;
      if (message.error !== undefined) reject(new Error(`${task}: ${message.error}`));
      else resolve(message.ok as T);
    });
    child.on('exit', (code) => {
      if (!settled) reject(new Error(`${task}: child exited with ${code} before reporting`));
    });
  });
}

/** A server running in its own process until `stop()`. */
export interface ServerProcess {
  readonly port: number;
  stop(): Promise<void>;
}

/**
 * Starts `bench/http-server.main.ts` (`api` or `noop`) and resolves once it listens. Its stdout
 * (the API's info-level request log, as shipped) goes to /dev/null: written, but not shown.
 */
export function startServer(kind: 'api' | 'noop', dataDir: string): Promise<ServerProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn('http-server.main.ts', [kind, dataDir], 'ignore');
    const exited = new Promise<void>((done) => child.once('exit', () => done()));
    child.once('message', (message: { port?: number; error?: string }) => {
      if (message.port === undefined) return reject(new Error(`${kind} server: ${message.error}`));
      resolve({
        port: message.port,
        stop: async () => {
          child.send('stop');
          await exited;
        },
      });
    });
    child.once('exit', (code) => reject(new Error(`${kind} server exited with ${code}`)));
  });
}
