import { Worker } from 'node:worker_threads';

/** Value at quantile `q` (0–1) of ascending `sorted` values (nearest rank); `NaN` when empty. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

/** Latency summary in milliseconds. */
export interface Latency {
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
}

/** p50, p99 and max of `ms` (any length: a 1M-append run has a million samples). */
export function latency(ms: readonly number[]): Latency {
  const sorted = Float64Array.from(ms).sort();
  const values = Array.from(sorted);
  return { p50: quantile(values, 0.5), p99: quantile(values, 0.99), max: values.at(-1) ?? Number.NaN };
}

const RSS_SAMPLER = `
  const { parentPort, workerData } = require('node:worker_threads');
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), workerData);
  parentPort.once('message', () => {
    clearInterval(timer);
    parentPort.postMessage(Math.max(peak, process.memoryUsage.rss()));
  });`;

/**
 * Highest resident set size of this process while `work` runs, sampled every `everyMs` on a
 * worker thread: a rebuild can keep the main thread's event loop busy for its whole duration
 * (one long chain of microtasks), which would starve a `setInterval` sampler there.
 */
export async function withPeakRss<T>(work: () => Promise<T>, everyMs = 50): Promise<{ result: T; peakRss: number }> {
  const sampler = new Worker(RSS_SAMPLER, { eval: true, workerData: everyMs });
  await new Promise((resolve) => sampler.once('online', resolve));
  try {
    const result = await work();
    sampler.postMessage('stop');
    const peakRss = await new Promise<number>((resolve) => sampler.once('message', resolve));
    return { result, peakRss };
  } finally {
    await sampler.terminate();
  }
}

/** Whether timers ran while `work` ran: the longest gap between 10 ms ticks, in ms. */
export async function withLongestStall<T>(work: () => Promise<T>): Promise<{ result: T; longestStallMs: number }> {
  let last = performance.now();
  let longest = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 10);
  try {
    const result = await work();
    longest = Math.max(longest, performance.now() - last);
    return { result, longestStallMs: longest };
  } finally {
    clearInterval(timer);
  }
}

/**
 * Runs `writers` concurrent loops of `step(writer, i)` until `count` steps are done in total or
 * `budgetMs` has passed (slow stores are measured on fewer events rather than for minutes).
 */
export async function concurrentLoops(
  writers: number,
  count: number,
  budgetMs: number,
  step: (writer: number, i: number) => Promise<void>,
): Promise<{ done: number; seconds: number; latencies: number[] }> {
  const latencies: number[] = [];
  let claimed = 0;
  const started = performance.now();
  const deadline = started + budgetMs;
  await Promise.all(
    Array.from({ length: writers }, async (_, writer) => {
      for (let i = 0; claimed < count && performance.now() < deadline; i++) {
        claimed += 1;
        const t = performance.now();
        await step(writer, i);
        latencies.push(performance.now() - t);
      }
    }),
  );
  return { done: latencies.length, seconds: (performance.now() - started) / 1000, latencies };
}

/** Runs `measure` `times` times in a row and returns the run with the median `key`, plus every run's value. */
export async function medianOf<T>(
  times: number,
  measure: () => Promise<T>,
  key: (t: T) => number,
): Promise<T & { runs: number[] }> {
  const results: T[] = [];
  for (let i = 0; i < times; i++) results.push(await measure());
  const sorted = [...results].sort((a, b) => key(a) - key(b));
  return { ...sorted[Math.floor((sorted.length - 1) / 2)], runs: results.map(key) };
}
