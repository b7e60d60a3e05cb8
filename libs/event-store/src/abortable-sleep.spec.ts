import { sleep, wakeAll, type Wakers } from './abortable-sleep';

describe('sleep', () => {
  const elapsed = async (wait: Promise<void>) => {
    const started = performance.now();
    await wait;
    return performance.now() - started;
  };

  it('ends after its time, and leaves no waker or abort listener behind', async () => {
    const wakers: Wakers = new Set();
    const controller = new AbortController();
    const removed = jest.spyOn(controller.signal, 'removeEventListener');
    expect(await elapsed(sleep(20, controller.signal, wakers))).toBeGreaterThanOrEqual(15);
    expect(wakers.size).toBe(0);
    expect(removed).toHaveBeenCalledWith('abort', expect.any(Function));
  });

  it('ends at once when woken or aborted, or when the signal was aborted already', async () => {
    const wakers: Wakers = new Set();
    const woken = sleep(10_000, undefined, wakers);
    expect(wakers.size).toBe(1);
    wakeAll(wakers);
    expect(await elapsed(woken)).toBeLessThan(1000);
    expect(wakers.size).toBe(0);

    const controller = new AbortController();
    const aborted = sleep(10_000, controller.signal);
    controller.abort();
    expect(await elapsed(aborted)).toBeLessThan(1000);
    expect(await elapsed(sleep(10_000, controller.signal))).toBeLessThan(1000);
  });
});
