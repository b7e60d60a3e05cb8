/**
 * Resolves after `ms`, or at once when `signal` aborts. The abort listener is removed when the
 * timer fires, so loops that sleep several times a second for their whole life leak nothing.
 */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}
