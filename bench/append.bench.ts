import { createEventStore } from '@tracker/event-store/create-event-store';
import { loadConfig } from '@tracker/runtime/app.config';
import { join } from 'node:path';
import { type BenchContext, TARGETS } from './bench-context';
import { statementEvent } from './dataset';
import { concurrentLoops, type Latency, latency, medianOf } from './stats';
import { runTask } from './task-runner';

/** One append run: `writers` concurrent writers, each on its own stream, one event per append. */
export interface AppendFigure {
  readonly writers: number;
  readonly events: number;
  readonly seconds: number;
  readonly eventsPerSecond: number;
  readonly usPerEvent: number;
  readonly latencyMs: Latency;
  readonly synchronous: string;
}

export const WRITER_COUNTS = [1, 16, 64] as const;

/**
 * Child task: a fresh SQLite file opened exactly as the API opens it (`createEventStore` with the
 * shipped `SQLITE_SYNCHRONOUS`, i.e. FULL, WAL); each writer appends `StatementRecorded` events
 * to its own stream, stating the exact expected revision every time.
 */
export async function appendTask(args: {
  dir: string;
  writers: number;
  count: number;
  budgetMs: number;
}): Promise<AppendFigure> {
  const { SQLITE_SYNCHRONOUS } = loadConfig({});
  const store = await createEventStore({
    kind: 'sqlite',
    filename: join(args.dir, 'tracker.db'),
    synchronous: SQLITE_SYNCHRONOUS,
  });
  const streams = Array.from({ length: args.writers }, () => `statement-${statementEvent().data.statementId}`);
  const revisions = new Array<bigint>(args.writers).fill(-1n);
  // A short warm-up on other streams, so the JIT and the file's first pages are not in the figure.
  for (let i = 0; i < 50; i++) {
    await store.appendToStream(`statement-warmup-${i}`, [statementEvent()], { expectedRevision: 'no_stream' });
  }
  try {
    const run = await concurrentLoops(args.writers, args.count, args.budgetMs, async (writer) => {
      const expected = revisions[writer];
      const result = await store.appendToStream(streams[writer], [statementEvent()], {
        expectedRevision: expected < 0n ? 'no_stream' : expected,
      });
      revisions[writer] = result.nextRevision;
    });
    const eventsPerSecond = run.done / run.seconds;
    return {
      writers: args.writers,
      events: run.done,
      seconds: run.seconds,
      eventsPerSecond,
      usPerEvent: 1e6 / eventsPerSecond,
      latencyMs: latency(run.latencies),
      synchronous: SQLITE_SYNCHRONOUS,
    };
  } finally {
    await store.close();
  }
}

/** Our appends at `writers`, measured once per run (emmett's ratios reuse them); median of `--repeat` runs. */
export function ourAppends(
  ctx: BenchContext,
  writers: number,
  count = ctx.options.appendCount,
): Promise<AppendFigure & { runs: number[] }> {
  return ctx.memo(`append:${writers}:${count}`, async () => {
    // The fixed-count figures are short and noisy, so they are repeated; a scaling run of N events is not.
    const fixed = count === ctx.options.appendCount;
    const budgetMs = fixed ? ctx.options.appendBudgetMs : 30 * 60_000;
    let run = 0;
    return medianOf(
      fixed ? ctx.options.repeat : 1,
      () => {
        ctx.log(`append: ${writers} writer(s), up to ${count} events (run ${++run})`);
        const dir = join(ctx.tmp, `append-${writers}-${count}-${run}`);
        return runTask<AppendFigure>('append', { dir, writers, count, budgetMs });
      },
      (f) => f.eventsPerSecond,
    );
  });
}

/** `a/b/c` of the runs' figures, for notes. */
export const runsNote = (runs: readonly number[]) =>
  runs.length > 1 ? `runs ${runs.map((r) => Math.round(r)).join('/')}, median; ` : '';

/** Group `append`: events/s through `EventStorePort` on SQLite with 1, 16 and 64 writers. */
export async function appendGroup(ctx: BenchContext): Promise<void> {
  const figures: AppendFigure[] = [];
  for (const writers of WRITER_COUNTS) {
    const figure = await ourAppends(ctx, writers);
    figures.push(figure);
    ctx.add({
      group: 'append',
      name: `SqliteEventStore, ${writers} writer${writers > 1 ? 's' : ''}`,
      value: figure.eventsPerSecond,
      unit: 'ev/s',
      target: writers === 64 ? TARGETS.append64 : undefined,
      note: `${runsNote(figure.runs)}${figure.events} events, p99 ${figure.latencyMs.p99.toFixed(1)} ms, synchronous=${figure.synchronous}`,
    });
  }
  ctx.detail('append', figures);
}
