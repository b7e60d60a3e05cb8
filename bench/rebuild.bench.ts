import { headOf } from '@tracker/event-store/position';
import { SqliteEventStore } from '@tracker/event-store/sqlite/sqlite-event-store';
import { ProjectionRunner } from '@tracker/read-models/projection-runner';
import { ALL_PROJECTIONS } from '@tracker/read-models/projections';
import { copyFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { type BenchContext, TARGETS } from './bench-context';
import { sizeName } from './bench-options';
import type { SeedResult } from './dataset';
import type { FloorFigure, FloorMode } from './floor.bench';
import { ISSUE_REFERENCE, type ReferenceFigure, type ReferenceRun } from './reference.bench';
import { scratchReadModels } from './scratch-read-models';
import { withLongestStall, withPeakRss } from './stats';
import { runTask } from './task-runner';

export interface RebuildFigure {
  readonly store: 'sqlite' | 'postgres';
  readonly events: number;
  readonly seconds: number;
  readonly eventsPerSecond: number;
  readonly usPerEvent: number;
  readonly peakRssMb: number;
  readonly startRssMb: number;
  readonly projections: number;
  /** Longest time the rebuilding process's event loop ran no timer (10 ms ticks): how long a co-hosted API would not answer. */
  readonly longestStallMs: number;
  /** CPU time of the rebuilding process (all threads): near `seconds` means CPU-bound, far below means waiting. */
  readonly cpuSeconds: number;
  /** Folder holding the log (`tracker.db`) and the rebuilt read models (`read-models.db`), as the API lays them out (SQLite only). */
  readonly dataDir?: string;
}

const MB = 1024 * 1024;

/**
 * Child task: a full rebuild of every projection (or of those named) from position 0 with the
 * product's `ProjectionRunner` (its default batch of 1,000 events per transaction). SQLite: into
 * `read-models.db` beside the log, as the embedded product lays them out. PostgreSQL: into a fresh schema, dropped afterwards.
 */
export async function rebuildTask(args: {
  store: 'sqlite' | 'postgres';
  eventsFile: string;
  dataDir: string;
  postgresUrl: string;
  projections?: readonly string[];
}): Promise<RebuildFigure> {
  const projections = ALL_PROJECTIONS.filter((p) => !args.projections || args.projections.includes(p.name));
  let filename = args.eventsFile;
  const scratch = await scratchReadModels(args.store, { ...args, prefix: 'bench' });
  const readModels = scratch.store;
  if (args.store === 'sqlite') {
    filename = join(args.dataDir, 'tracker.db');
    copyFileSync(args.eventsFile, filename);
  }
  const store = new SqliteEventStore({ filename });
  try {
    const position = await headOf(store);
    if (!position) throw new Error(`${args.eventsFile} holds no events`);
    const head = Number(position.commit);
    const until = position;
    const errors: string[] = [];
    const runner = new ProjectionRunner(store, readModels, projections, {
      onError: (name, error) => errors.push(`${name}: ${String(error)}`),
    });
    const startRss = process.memoryUsage().rss;
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    const { peakRss, result: stall } = await withPeakRss(() =>
      withLongestStall(async () => {
        await runner.init();
        runner.start();
        await runner.waitFor(until, 60 * 60_000);
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    await runner.stop();
    if (errors.length > 0) throw new Error(`projection errors: ${errors.slice(0, 3).join('; ')}`);
    return {
      store: args.store,
      events: head,
      seconds,
      eventsPerSecond: head / seconds,
      usPerEvent: (seconds * 1e6) / head,
      peakRssMb: peakRss / MB,
      startRssMb: startRss / MB,
      projections: projections.length,
      longestStallMs: stall.longestStallMs,
      cpuSeconds: (cpu.user + cpu.system) / 1e6,
      dataDir: args.store === 'sqlite' ? args.dataDir : undefined,
    };
  } finally {
    await store.close();
    await scratch.close();
  }
}

/** The seeded event log of `size` events, generated once per run. */
export function dataset(ctx: BenchContext, size: number): Promise<SeedResult> {
  return ctx.memo(`seed:${size}`, async () => {
    ctx.log(`dataset: generating ${sizeName(size)} events`);
    const seeded = await runTask<SeedResult>('seed', { filename: join(ctx.tmp, `events-${size}.db`), size });
    ctx.log(
      `dataset: ${seeded.events} events in ${seeded.streams} streams, ${(seeded.bytes / MB).toFixed(0)} MB, ${seeded.seconds.toFixed(1)} s`,
    );
    return seeded;
  });
}

/** A rebuild at `size` into `store`, once per run (queries and scaling reuse the SQLite one). */
export function rebuild(ctx: BenchContext, store: 'sqlite' | 'postgres', size: number): Promise<RebuildFigure> {
  return ctx.memo(`rebuild:${store}:${size}`, async () => {
    const { filename } = await dataset(ctx, size);
    ctx.log(`rebuild: ${sizeName(size)} events into ${store}`);
    const figure = await runTask<RebuildFigure>('rebuild', {
      store,
      eventsFile: filename,
      dataDir: join(ctx.tmp, `rebuilt-${store}-${size}`),
      postgresUrl: ctx.options.postgresUrl,
    });
    ctx.log(`rebuild: ${Math.round(figure.eventsPerSecond)} ev/s, peak RSS ${figure.peakRssMb.toFixed(0)} MB`);
    return figure;
  });
}

/**
 * The rows the SQLite rebuild `rebuilt` wrote, written again with no folding into the store
 * `ours` was rebuilt into (see `floor.bench.ts`), as a figure against `ours`.
 */
async function addFloor(
  ctx: BenchContext,
  rebuilt: RebuildFigure,
  ours: RebuildFigure,
  mode: FloorMode,
): Promise<FloorFigure> {
  const { store } = ours;
  ctx.log(`rebuild: write floor into ${store} (${mode})`);
  const floor = await runTask<FloorFigure>('floor', {
    store,
    mode,
    source: join(rebuilt.dataDir!, 'read-models.db'),
    events: rebuilt.events,
    dataDir: join(ctx.tmp, `floor-${store}-${mode}`),
    postgresUrl: ctx.options.postgresUrl,
  });
  const name = store === 'sqlite' ? 'SQLite' : 'PostgreSQL';
  const how = mode === 'sql' ? `copied by ${name} itself (INSERT … SELECT)` : 'from JS through insertMany';
  ctx.add({
    group: 'rebuild',
    name: `write floor → ${name}, the same rows ${how}`,
    value: floor.eventsPerSecond,
    unit: 'ev/s',
    note: `${floor.rows} rows (${(floor.rows / floor.events).toFixed(1)}/event, ${floor.sourceMb.toFixed(0)} MB), ${floor.seconds.toFixed(1)} s with ${floor.indexSeconds.toFixed(1)} s of index builds; the rebuild runs at ${(ours.eventsPerSecond / floor.eventsPerSecond).toFixed(2)}× of it`,
  });
  return floor;
}

/**
 * The issue's two reference workloads on this machine and this log (see `reference.bench.ts`),
 * each against the issue's own figure, and the SQLite rebuild `ours` against the reference fold.
 */
async function addReference(ctx: BenchContext, ours: RebuildFigure): Promise<ReferenceFigure> {
  const { size } = ctx.options;
  const { filename } = await dataset(ctx, size);
  ctx.log("rebuild: the issue's reference workloads");
  const reference = await runTask<ReferenceFigure>('reference', {
    eventsFile: filename,
    dir: join(ctx.tmp, 'reference'),
    runs: size >= 1_000_000 ? 1 : 3,
  });
  const runs = (run: ReferenceRun) => `runs ${run.runs.map((r) => Math.round(r)).join('/')}, median`;
  const against = (value: number, issue: number) =>
    `the issue's figure ≈ ${issue.toLocaleString('en-US')}, this machine ${(value / issue).toFixed(2)}× of it`;
  const { readParse, fold } = reference;
  ctx.add({
    group: 'rebuild',
    name: 'reference: the log read, its JSON parsed (better-sqlite3, nothing of ours)',
    value: readParse.eventsPerSecond,
    unit: 'ev/s',
    note: `${runs(readParse)}; ${against(readParse.eventsPerSecond, ISSUE_REFERENCE.readParse)}`,
  });
  const perReadModel = (ours.eventsPerSecond * ours.projections) / fold.eventsPerSecond;
  ctx.add({
    group: 'rebuild',
    name: 'reference: that read folded into one SQLite table, 1,000-event transactions',
    value: fold.eventsPerSecond,
    unit: 'ev/s',
    note:
      `${runs(fold)}; ${against(fold.eventsPerSecond, ISSUE_REFERENCE.fold)}; our rebuild folds ${ours.projections} read models ` +
      `at ${(ours.eventsPerSecond / fold.eventsPerSecond).toFixed(2)}× of it, ${perReadModel.toFixed(2)}× per read model`,
  });
  return reference;
}

/**
 * Group `rebuild`: projection rebuild rate into SQLite and PostgreSQL, peak RSS, Emmett's fold,
 * the issue's reference workloads on this machine, and the write floors: what writing the
 * rebuild's rows alone costs each store.
 */
export async function rebuildGroup(ctx: BenchContext): Promise<void> {
  const { size } = ctx.options;
  const label = sizeName(size);
  const sqlite = await rebuild(ctx, 'sqlite', size);
  ctx.add({
    group: 'rebuild',
    name: `all ${sqlite.projections} projections → SQLite, ${label} events`,
    value: sqlite.eventsPerSecond,
    unit: 'ev/s',
    target: TARGETS.rebuildSqlite,
    note: `${sqlite.seconds.toFixed(1)} s (CPU ${sqlite.cpuSeconds.toFixed(1)} s); event loop stalled up to ${(sqlite.longestStallMs / 1000).toFixed(1)} s`,
  });
  ctx.add({
    group: 'rebuild',
    name: `peak RSS during the SQLite rebuild, ${label}`,
    value: sqlite.peakRssMb,
    unit: 'MB',
    target: TARGETS.rebuildRss,
    note: `RSS before the rebuild ${sqlite.startRssMb.toFixed(0)} MB; target is for 1M`,
  });
  const reference = await addReference(ctx, sqlite);
  const floors = [await addFloor(ctx, sqlite, sqlite, 'sql'), await addFloor(ctx, sqlite, sqlite, 'rows')];
  const postgres = await rebuild(ctx, 'postgres', size);
  ctx.add({
    group: 'rebuild',
    name: `all ${postgres.projections} projections → PostgreSQL, ${label} events`,
    value: postgres.eventsPerSecond,
    unit: 'ev/s',
    target: TARGETS.rebuildPostgres,
    note: `${postgres.seconds.toFixed(1)} s (CPU ${postgres.cpuSeconds.toFixed(1)} s), peak RSS ${postgres.peakRssMb.toFixed(0)} MB, stalled up to ${(postgres.longestStallMs / 1000).toFixed(1)} s`,
  });
  floors.push(await addFloor(ctx, sqlite, postgres, 'sql'), await addFloor(ctx, sqlite, postgres, 'rows'));
  const { filename } = await dataset(ctx, size);
  ctx.log(`rebuild: emmett fold of ${label} events`);
  const fold = await runTask<{ events: number; seconds: number; eventsPerSecond: number }>('emmett-fold', {
    eventsFile: filename,
    dir: join(ctx.tmp, `emmett-fold-${size}`),
  });
  ctx.add({
    group: 'rebuild',
    name: `emmett-sqlite read + fold into memory, ${label} events`,
    value: fold.eventsPerSecond,
    unit: 'ev/s',
    note: `${fold.seconds.toFixed(1)} s; ours/emmett (SQLite) ${(sqlite.eventsPerSecond / fold.eventsPerSecond).toFixed(2)}×`,
  });
  ctx.detail('rebuild', { sqlite, postgres, emmettFold: fold, floors, reference });
}

/**
 * Group `projections`: each projection rebuilt alone into SQLite at `--size`. What one fold costs
 * (the issue's reference folds one simple read model), and the floor every projection pays for
 * reading, parsing and upcasting the log: the anchors projection writes almost nothing.
 */
export async function projectionsGroup(ctx: BenchContext): Promise<void> {
  const { size } = ctx.options;
  const label = sizeName(size);
  const { filename } = await dataset(ctx, size);
  const figures: (RebuildFigure & { name: string })[] = [];
  for (const { name } of ALL_PROJECTIONS) {
    ctx.log(`projections: ${name} alone, ${label} events into SQLite`);
    const dataDir = join(ctx.tmp, `rebuilt-${name}-${size}`);
    const figure = await runTask<RebuildFigure>('rebuild', {
      store: 'sqlite',
      eventsFile: filename,
      dataDir,
      postgresUrl: ctx.options.postgresUrl,
      projections: [name],
    });
    rmSync(dataDir, { recursive: true, force: true });
    figures.push({ name, ...figure });
    ctx.add({
      group: 'projections',
      name: `${name} alone → SQLite, ${label} events`,
      value: figure.eventsPerSecond,
      unit: 'ev/s',
      note: `${figure.seconds.toFixed(1)} s (CPU ${figure.cpuSeconds.toFixed(1)} s)`,
    });
  }
  ctx.detail('projections', figures);
}
