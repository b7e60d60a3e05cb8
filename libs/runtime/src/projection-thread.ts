import type { EventStorePort, Position } from '@tracker/event-store/event-store.port';
import type { Generation } from '@tracker/read-models/generations';
import { type LoopState, ProjectionRunner, type ProjectionRunnerOptions } from '@tracker/read-models/projection-runner';
import { ALL_PROJECTIONS } from '@tracker/read-models/projections';
import type { ReadModelStore } from '@tracker/read-models/store/read-model-store';
import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { AppConfig } from './app.config';

/** A question the main thread asks the projection thread. */
export type ThreadCall = { readonly id: number } & (
  | { readonly method: 'status' }
  | { readonly method: 'waitFor'; readonly position: Position; readonly timeoutMs?: number }
  | { readonly method: 'stop' }
);

/** What the projection thread tells the main thread: an answer, or news its runner reported. */
export type ThreadMessage =
  | { readonly kind: 'reply'; readonly id: number; readonly value?: unknown; readonly error?: string }
  | { readonly kind: 'error'; readonly projection: string; readonly message: string }
  | { readonly kind: 'switch'; readonly projection: string; readonly generation: number };

/** What the worker is given: the configuration, to open its own connections to the same stores. */
export interface ThreadData {
  readonly config: AppConfig;
}

/** A stopping thread that has not exited after this long is terminated. */
const STOP_TIMEOUT_MS = 15_000;

/**
 * A `ProjectionRunner` whose loops run on a worker thread of this process, with their own
 * connections to the same stores (`projection-thread.worker.ts`): folding read models and
 * committing them never holds up a request on the main thread. The registry, `init` and
 * rebuild requests work here as they do in `ProjectionRunner` (the thread's loops pick a
 * request up on their next reconcile); `status` and `waitFor` are answered by the thread,
 * which knows its loops' states. A thread that dies is started again after `retryDelayMs`.
 */
export class ThreadedProjectionRunner extends ProjectionRunner {
  private worker?: Worker;
  private exited: Promise<void> = Promise.resolve();
  private stopping = false;
  private nextId = 0;
  private readonly calls = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();

  constructor(
    private readonly config: AppConfig,
    store: EventStorePort,
    db: ReadModelStore,
    private readonly reports: Pick<ProjectionRunnerOptions, 'onError' | 'onSwitch' | 'retryDelayMs'> = {},
  ) {
    super(store, db, ALL_PROJECTIONS, reports);
  }

  /** Starts the projection thread. */
  override start(): void {
    this.stopping = false;
    if (!this.worker) this.spawn();
  }

  /** Asks the thread to stop its loops (in-flight batches commit) and waits for it to exit. */
  override async stop(): Promise<void> {
    this.stopping = true;
    const worker = this.worker;
    if (!worker) return;
    const timer = setTimeout(() => void worker.terminate(), STOP_TIMEOUT_MS);
    try {
      await this.call({ method: 'stop' }).catch(() => undefined);
      await this.exited;
    } finally {
      clearTimeout(timer);
    }
  }

  /** The thread's answer; without a thread (not started, or between a death and its restart), the registry's, loops stopped. */
  override async status(): Promise<(Generation & LoopState)[]> {
    const answer = await this.call({ method: 'status' }).catch(unlessGone);
    return answer === GONE ? super.status() : (answer as (Generation & LoopState)[]);
  }

  /** Answered by the thread; without one, by polling the registry's checkpoints as `ProjectionRunner` does. */
  override async waitFor(position: Position, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    if ((await this.call({ method: 'waitFor', position, timeoutMs }).catch(unlessGone)) !== GONE) return;
    await super.waitFor(position, Math.max(0, deadline - Date.now()));
  }

  private call(question: DistributiveOmit<ThreadCall, 'id'>): Promise<unknown> {
    const worker = this.worker;
    if (!worker) return Promise.reject(new ThreadGoneError('the projection thread is not running'));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.calls.set(id, { resolve, reject });
      worker.postMessage({ ...question, id } satisfies ThreadCall);
    });
  }

  private spawn(): void {
    const worker = startWorker({ config: { ...this.config } });
    this.worker = worker;
    worker.on('message', (message: ThreadMessage) => {
      if (message.kind === 'reply') {
        const call = this.calls.get(message.id);
        this.calls.delete(message.id);
        if (message.error === undefined) call?.resolve(message.value);
        else call?.reject(new Error(message.error));
      } else if (message.kind === 'error') {
        this.reports.onError?.(message.projection, message.message);
      } else {
        this.reports.onSwitch?.(message.projection, message.generation);
      }
    });
    worker.on('error', (error) => this.reports.onError?.('projection thread', error));
    this.exited = new Promise((done) =>
      worker.once('exit', (code) => {
        this.worker = undefined;
        for (const call of this.calls.values())
          call.reject(new ThreadGoneError(`the projection thread exited (${code})`));
        this.calls.clear();
        if (!this.stopping) {
          this.reports.onError?.('projection thread', new Error(`exited with code ${code}; starting it again`));
          setTimeout(() => this.stopping || this.worker || this.spawn(), this.reports.retryDelayMs ?? 1000).unref();
        }
        done();
      }),
    );
  }
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** A call that found no thread, or whose thread died before answering. */
class ThreadGoneError extends Error {
  override readonly name = 'ThreadGoneError';
}

const GONE = Symbol('gone');

/** Turns a `ThreadGoneError` into `GONE`; other failures stay failures. */
function unlessGone(error: unknown): typeof GONE {
  if (error instanceof ThreadGoneError) return GONE;
  throw error;
}

/** The worker, compiled (`dist/`) or, from the TypeScript sources, compiled the way this process was. */
function startWorker(workerData: ThreadData): Worker {
  const file = join(__dirname, `projection-thread.worker${extname(__filename)}`);
  if (file.endsWith('.js')) return new Worker(file, { workerData });
  const load = ['ts-node/register/transpile-only', 'tsconfig-paths/register', file];
  return new Worker(load.map((module) => `require(${JSON.stringify(module)});`).join(''), { eval: true, workerData });
}
