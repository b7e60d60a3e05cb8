import { sleep } from '@tracker/event-store/abortable-sleep';
import type { Generation } from '../generations';
import { RetryLater } from '../quarantine';

/** Live state of one generation's loop. */
export interface LoopState {
  readonly state: 'running' | 'retrying' | 'stopped';
  readonly lastError?: string;
}

/** The key of a generation's loop, by which its state, pages and failures are kept. */
export const loopKey = (g: Pick<Generation, 'name' | 'generation'>) => `${g.name}#${g.generation}`;

/** Reports and retry delay the loops read when a run fails. */
export interface GenerationLoopsOptions {
  readonly retryDelayMs?: number;
  readonly onError?: (projection: string, error: unknown) => void;
}

/**
 * The running loop of each live generation, by `loopKey`, so that reconciling, the lease and
 * `stop` can start and stop them: a run that fails is reported and started again (after a
 * `RetryLater`'s delay, else `retryDelayMs`) until its loop is stopped.
 */
export class GenerationLoops {
  private readonly running = new Map<string, { controller: AbortController; done: Promise<void> }>();
  private readonly states = new Map<string, LoopState>();

  constructor(private readonly options: GenerationLoopsOptions) {}

  /** Whether the loop of `key` is running (or retrying). */
  has(key: string): boolean {
    return this.running.has(key);
  }

  /** The state of the loop of `key`, `stopped` if it never ran. */
  state(key: string): LoopState {
    return this.states.get(key) ?? { state: 'stopped' as const };
  }

  /** Starts the loop of `generation`: `run` under `parent`, run again after each failure until the loop stops. */
  start(
    generation: Pick<Generation, 'name' | 'generation'>,
    run: (signal: AbortSignal) => Promise<void>,
    parent: AbortSignal,
  ): void {
    const key = loopKey(generation);
    const controller = new AbortController();
    const signal = AbortSignal.any([parent, controller.signal]);
    const done = (async () => {
      while (!signal.aborted) {
        try {
          this.states.set(key, { state: 'running' });
          await run(signal);
        } catch (error) {
          this.options.onError?.(generation.name, error);
          this.states.set(key, { state: 'retrying', lastError: String(error) });
          const delay = error instanceof RetryLater ? error.delayMs : (this.options.retryDelayMs ?? 1000);
          await sleep(delay, signal);
        }
      }
      this.states.set(key, { state: 'stopped' });
    })();
    this.running.set(key, { controller, done });
  }

  /** Stops the loops whose keys pass `which` and waits for their in-flight batches to commit. */
  async stop(which: (key: string) => boolean = () => true): Promise<void> {
    const stopping = [...this.running.entries()].filter(([k]) => which(k));
    for (const [, loop] of stopping) loop.controller.abort();
    await Promise.all(stopping.map(([, loop]) => loop.done));
    for (const [k] of stopping) this.running.delete(k);
  }
}
