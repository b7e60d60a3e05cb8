import {
  appendToStream,
  createEventStoreSchema,
  getSQLiteEventStore,
  readMessagesBatch,
  sqliteConnection,
} from '@event-driven-io/emmett-sqlite';
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ourAppends, WRITER_COUNTS } from './append.bench';
import { type BenchContext, TARGETS } from './bench-context';
import { statementEvent } from './dataset';
import { concurrentLoops, type Latency, latency } from './stats';
import { runTask } from './task-runner';

/** How Emmett is driven; see `bench/README.md` for why both. */
export type EmmettMode = 'connection' | 'store';

export interface EmmettAppendFigure {
  readonly mode: EmmettMode;
  readonly writers: number;
  readonly events: number;
  readonly seconds: number;
  readonly eventsPerSecond: number;
  readonly latencyMs: Latency;
  readonly synchronous: string;
  /** Appends retried after SQLITE_BUSY (the store mode closes its file without waiting for the close). */
  readonly retries: number;
}

/** Calls on one SQLite connection one at a time: Emmett's connection cannot hold two transactions at once. */
function serialised(): <T>(work: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return (work) => {
    const run = tail.then(work);
    tail = run.catch(() => undefined);
    return run;
  };
}

/**
 * Child task: the same workload as `appendTask` through `@event-driven-io/emmett-sqlite` on a
 * fresh WAL file. `connection`: Emmett's `appendToStream` on one long-lived connection (its best
 * case). `store`: `getSQLiteEventStore(...).appendToStream`, its documented entry point, which
 * opens and closes the file on every call. Both are serialised (see `serialised`).
 */
export async function emmettAppendTask(args: {
  dir: string;
  mode: EmmettMode;
  writers: number;
  count: number;
  budgetMs: number;
}): Promise<EmmettAppendFigure> {
  mkdirSync(args.dir, { recursive: true });
  const fileName = join(args.dir, 'emmett.db');
  const connection = sqliteConnection({ fileName });
  await createEventStoreSchema(connection);
  const { synchronous } = (await connection.querySingle<{ synchronous: number }>('PRAGMA synchronous'))!;
  let retries = 0;
  const store = args.mode === 'store' ? getSQLiteEventStore({ fileName }) : undefined;
  if (store) connection.close();
  const lock = serialised();
  const versions = new Array<bigint>(args.writers).fill(0n);
  const streams = Array.from({ length: args.writers }, () => `statement-${statementEvent().data.statementId}`);
  const append = async (writer: number) => {
    const { type, data, metadata } = statementEvent();
    const expectedStreamVersion = versions[writer] === 0n ? 'STREAM_DOES_NOT_EXIST' : versions[writer];
    if (store) {
      const once = () => store.appendToStream(streams[writer], [{ type, data, metadata }], { expectedStreamVersion });
      const result = await lock(async () => {
        for (let attempt = 1; ; attempt++) {
          try {
            return await once();
          } catch (error) {
            if ((error as { code?: string }).code !== 'SQLITE_BUSY' || attempt === 5) throw error;
            retries += 1;
          }
        }
      });
      versions[writer] = result.nextExpectedStreamVersion;
    } else {
      const result = await lock(() =>
        appendToStream(connection, streams[writer], 'statement', [{ type, data, metadata }], { expectedStreamVersion }),
      );
      if (!result.success) throw new Error(`emmett refused an append to ${streams[writer]}`);
      versions[writer] = result.nextStreamPosition;
    }
  };
  for (let i = 0; i < 20; i++) await append(i % args.writers);
  versions.fill(0n);
  streams.forEach((_, i) => (streams[i] = `statement-${statementEvent().data.statementId}`));
  const run = await concurrentLoops(args.writers, args.count, args.budgetMs, append);
  if (!store) connection.close();
  return {
    mode: args.mode,
    writers: args.writers,
    events: run.done,
    seconds: run.seconds,
    eventsPerSecond: run.done / run.seconds,
    latencyMs: latency(run.latencies),
    synchronous: ['OFF', 'NORMAL', 'FULL', 'EXTRA'][synchronous] ?? String(synchronous),
    retries,
  };
}

/** Per-day sums, the shape of our timelines, folded in memory. */
interface FoldState {
  events: number;
  byType: Map<string, number>;
  listingsByDay: Map<string, number>;
  aircraftByDay: Map<string, number>;
}

/**
 * Child task: copies the events of our seeded log into Emmett's schema (created by Emmett), then
 * times Emmett reading them back in `global_position` order with `readMessagesBatch` (what its
 * processors use) and folding them into memory.
 */
export async function emmettFoldTask(args: { eventsFile: string; dir: string }): Promise<{
  events: number;
  seconds: number;
  eventsPerSecond: number;
}> {
  mkdirSync(args.dir, { recursive: true });
  const fileName = join(args.dir, 'emmett-fold.db');
  const setup = sqliteConnection({ fileName });
  await createEventStoreSchema(setup);
  setup.close();
  const db = new Database(fileName);
  db.exec(`ATTACH DATABASE '${args.eventsFile.replace(/'/g, "''")}' AS ours`);
  db.exec(`BEGIN;
    INSERT INTO emt_messages (stream_id, stream_position, partition, message_kind, message_data, message_metadata,
      message_schema_version, message_type, message_id, is_archived, global_position)
    SELECT stream_id, revision + 1, 'emt:default', 'E', data,
      json_set(metadata, '$.streamName', stream_id, '$.messageId', event_id, '$.streamPosition', revision + 1),
      CAST(revision AS TEXT), type, event_id, 0, position FROM ours.events ORDER BY position;
    INSERT INTO emt_streams (stream_id, stream_position, partition, stream_type, stream_metadata, is_archived)
    SELECT stream_id, max(revision) + 1, 'emt:default', substr(stream_id, 1, instr(stream_id, '-') - 1), '[]', 0
    FROM ours.events GROUP BY stream_id;
    COMMIT;`);
  db.close();
  const connection = sqliteConnection({ fileName });
  const state: FoldState = { events: 0, byType: new Map(), listingsByDay: new Map(), aircraftByDay: new Map() };
  const started = performance.now();
  let after = 0n;
  for (;;) {
    const batch = await readMessagesBatch<{ type: string; data: Record<string, any> }>(connection, {
      after,
      batchSize: 1000,
    });
    for (const message of batch.messages) fold(state, message.type, message.data);
    after = batch.currentGlobalPosition;
    if (!batch.areEventsLeft) break;
  }
  const seconds = (performance.now() - started) / 1000;
  connection.close();
  return { events: state.events, seconds, eventsPerSecond: state.events / seconds };
}

function fold(state: FoldState, type: string, data: Record<string, any>): void {
  state.events += 1;
  state.byType.set(type, (state.byType.get(type) ?? 0) + 1);
  if (type === 'SanctionedEntityAdded' || type === 'SanctionedEntityRemoved') {
    const day = type === 'SanctionedEntityAdded' ? data.effectiveFrom : data.effectiveOn;
    state.listingsByDay.set(day, (state.listingsByDay.get(day) ?? 0) + (type === 'SanctionedEntityAdded' ? 1 : -1));
  } else if (type === 'EscalationSignalRecorded') {
    const day = String(data.observedTo).slice(0, 10);
    state.aircraftByDay.set(day, (state.aircraftByDay.get(day) ?? 0) + (data.metrics?.aircraft ?? 0));
  }
}

/** Group `emmett`: the append workload through Emmett-SQLite, and our ratio to its best mode. */
export async function emmettGroup(ctx: BenchContext): Promise<void> {
  const rows: EmmettAppendFigure[] = [];
  for (const writers of WRITER_COUNTS) {
    const best: EmmettAppendFigure[] = [];
    for (const mode of ['connection', 'store'] as const) {
      ctx.log(`emmett: ${mode}, ${writers} writer(s)`);
      const dir = join(ctx.tmp, `emmett-${mode}-${writers}`);
      const count = mode === 'store' ? Math.min(ctx.options.appendCount, 3000) : ctx.options.appendCount;
      const figure = await runTask<EmmettAppendFigure>('emmett-append', {
        dir,
        mode,
        writers,
        count,
        budgetMs: ctx.options.appendBudgetMs / (mode === 'store' ? 2 : 1),
      });
      rows.push(figure);
      best.push(figure);
      ctx.add({
        group: 'emmett',
        name: `emmett-sqlite ${mode === 'store' ? 'getSQLiteEventStore' : 'one connection'}, ${writers} writer${writers > 1 ? 's' : ''}`,
        value: figure.eventsPerSecond,
        unit: 'ev/s',
        note:
          `${figure.events} events, p99 ${figure.latencyMs.p99.toFixed(1)} ms, synchronous=${figure.synchronous}` +
          (figure.retries > 0 ? `, ${figure.retries} retried after SQLITE_BUSY` : ''),
      });
    }
    const ours = await ourAppends(ctx, writers);
    const peer = Math.max(...best.map((f) => f.eventsPerSecond));
    ctx.add({
      group: 'emmett',
      name: `ratio ours/emmett (best mode), ${writers} writer${writers > 1 ? 's' : ''}`,
      value: ours.eventsPerSecond / peer,
      unit: '×',
      target: writers === 64 ? TARGETS.emmettRatio64 : undefined,
      note: `${Math.round(ours.eventsPerSecond)} vs ${Math.round(peer)} ev/s`,
    });
  }
  ctx.detail('emmett', rows);
}
