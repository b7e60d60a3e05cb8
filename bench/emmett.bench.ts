import {
  appendToStream,
  createEventStoreSchema,
  getSQLiteEventStore,
  sqliteConnection,
} from '@event-driven-io/emmett-sqlite';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ourAppends, runsNote, WRITER_COUNTS } from './append.bench';
import { type BenchContext, TARGETS } from './bench-context';
import { statementEvent } from './dataset';
import { concurrentLoops, type Latency, latency, medianOf } from './stats';
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

/** Group `emmett`: the append workload through Emmett-SQLite, and our ratio to its best mode. */
export async function emmettGroup(ctx: BenchContext): Promise<void> {
  const rows: EmmettAppendFigure[] = [];
  for (const writers of WRITER_COUNTS) {
    const best: EmmettAppendFigure[] = [];
    for (const mode of ['connection', 'store'] as const) {
      // The store mode (a file opened per call) is far slower: one shorter run says enough.
      const count = mode === 'store' ? Math.min(ctx.options.appendCount, 2000) : ctx.options.appendCount;
      let run = 0;
      const figure = await medianOf(
        mode === 'store' ? 1 : ctx.options.repeat,
        () => {
          ctx.log(`emmett: ${mode}, ${writers} writer(s) (run ${++run})`);
          return runTask<EmmettAppendFigure>('emmett-append', {
            dir: join(ctx.tmp, `emmett-${mode}-${writers}-${run}`),
            mode,
            writers,
            count,
            budgetMs: ctx.options.appendBudgetMs / (mode === 'store' ? 2 : 1),
          });
        },
        (f) => f.eventsPerSecond,
      );
      rows.push(figure);
      best.push(figure);
      ctx.add({
        group: 'emmett',
        name: `emmett-sqlite ${mode === 'store' ? 'getSQLiteEventStore' : 'one connection'}, ${writers} writer${writers > 1 ? 's' : ''}`,
        value: figure.eventsPerSecond,
        unit: 'ev/s',
        note:
          `${runsNote(figure.runs)}${figure.events} events, p99 ${figure.latencyMs.p99.toFixed(1)} ms, synchronous=${figure.synchronous}` +
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
