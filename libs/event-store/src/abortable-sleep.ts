/** Callbacks that end a `sleep` early, each once: whoever has news calls `wakeAll`. */
export type Wakers = Set<() => void>;

/**
 * Resolves after `ms`, at once when `signal` aborts, or when `wakers` are woken. The listener
 * and the waker are removed when the timer fires, so loops that sleep several times a second
 * for their whole life leak nothing.
 */
export function sleep(ms: number, signal?: AbortSignal, wakers?: Wakers): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      wakers?.delete(done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
    wakers?.add(done);
  });
}

/** Ends every `sleep` waiting on `wakers`. */
export function wakeAll(wakers: Wakers): void {
  for (const wake of [...wakers]) wake();
}
