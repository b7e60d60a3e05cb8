import { ourAppends } from './append.bench';
import { type BenchContext, TARGETS } from './bench-context';
import { scalingSizes, sizeName } from './bench-options';
import { rebuild } from './rebuild.bench';

/**
 * Group `scaling`: cost per event of appending a log of N events (16 writers, from an empty
 * file, shipped durability) and of rebuilding every projection from N events into SQLite, for
 * N = 10k, 100k, 1M up to `--size`, and the ratio of the largest size's cost to 10k's.
 */
export async function scalingGroup(ctx: BenchContext): Promise<void> {
  const sizes = scalingSizes(ctx.options.size);
  const costs = { append: new Map<number, number>(), rebuild: new Map<number, number>() };
  for (const size of sizes) {
    const append = await ourAppends(ctx, 16, size);
    costs.append.set(size, append.usPerEvent);
    ctx.add({
      group: 'scaling',
      name: `append, 16 writers, ${sizeName(size)} events`,
      value: append.usPerEvent,
      unit: 'µs/ev',
      note: `${Math.round(append.eventsPerSecond)} ev/s over ${append.seconds.toFixed(1)} s`,
    });
    const built = await rebuild(ctx, 'sqlite', size);
    costs.rebuild.set(size, built.usPerEvent);
    ctx.add({
      group: 'scaling',
      name: `rebuild → SQLite, ${sizeName(size)} events`,
      value: built.usPerEvent,
      unit: 'µs/ev',
      note: `${Math.round(built.eventsPerSecond)} ev/s, peak RSS ${built.peakRssMb.toFixed(0)} MB`,
    });
  }
  const largest = sizes[sizes.length - 1];
  for (const kind of ['append', 'rebuild'] as const) {
    const ratio = costs[kind].get(largest)! / costs[kind].get(sizes[0])!;
    ctx.add({
      group: 'scaling',
      name: `${kind} cost ${sizeName(largest)} / 10k`,
      value: sizes.length > 1 ? ratio : Number.NaN,
      unit: '×',
      target: TARGETS.scalingRatio,
      note: sizes.length > 1 ? undefined : 'needs --size 100k or 1m',
    });
  }
  ctx.detail('scaling', {
    sizes,
    usPerEvent: { append: Object.fromEntries(costs.append), rebuild: Object.fromEntries(costs.rebuild) },
  });
}
