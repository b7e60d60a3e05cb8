import Database from 'better-sqlite3';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { medianOf } from './stats';

/** The issue's own figures for the two reference workloads, "seen on this kind of machine". */
export const ISSUE_REFERENCE = { readParse: 210_000, fold: 100_000 } as const;

/** One reference workload: the median run and every run's rate. */
export interface ReferenceRun {
  readonly events: number;
  readonly seconds: number;
  readonly eventsPerSecond: number;
  readonly runs: number[];
}

/** Both reference workloads, measured on the log the rebuild reads. */
export interface ReferenceFigure {
  readonly readParse: ReferenceRun;
  readonly fold: ReferenceRun;
}

/** Events per transaction of the reference fold, as the issue states it (and as the runner batches). */
const BATCH_EVENTS = 1000;

interface LogRow {
  readonly position: number;
  readonly type: string;
  readonly data: string;
  readonly metadata: string;
}

/** Every event of the log in order, read and parsed with better-sqlite3 and nothing of ours. */
function* rawEvents(log: Database.Database) {
  const rows = log.prepare<[], LogRow>('SELECT position, type, data, metadata FROM events ORDER BY position');
  for (const row of rows.iterate()) {
    yield { position: row.position, type: row.type, data: JSON.parse(row.data), metadata: JSON.parse(row.metadata) };
  }
}

/** The day an event is about (the dates our record kinds carry), else the day it was recorded. */
function dayOf(data: Record<string, unknown>, metadata: { recordedAt: string }): string {
  const { occurredAt, effectiveFrom, effectiveOn, observedTo, startsOn, date } = data;
  return String(
    occurredAt ?? effectiveFrom ?? effectiveOn ?? observedTo ?? startsOn ?? date ?? metadata.recordedAt,
  ).slice(0, 10);
}

function timed(count: () => number) {
  const started = performance.now();
  const events = count();
  const seconds = (performance.now() - started) / 1000;
  return { events, seconds, eventsPerSecond: events / seconds };
}

/**
 * Child task: the two workloads behind the issue's rebuild targets, timed on this machine against
 * `eventsFile` (the run's seeded log), `runs` times each, median reported. `readParse`: every
 * event read and its data and metadata parsed. `fold`: the same, with one upsert per event into
 * one SQLite table of counts by type and by the day the event is about, and a checkpoint row, in
 * 1,000-event transactions (WAL, `synchronous=NORMAL`, as our read models). The rebuild folds
 * eight read models where this folds one: the ratio of the two is what the eight cost against it.
 */
export async function referenceTask(args: { eventsFile: string; dir: string; runs: number }): Promise<ReferenceFigure> {
  const log = new Database(args.eventsFile, { readonly: true });
  mkdirSync(args.dir, { recursive: true });
  try {
    // One untimed pass first, so that the first timed run is not also compiling the loop.
    for (const event of rawEvents(log)) if (!event.data) break;
    const readParse = await medianOf(
      args.runs,
      async () =>
        timed(() => {
          let events = 0;
          for (const event of rawEvents(log)) if (event.data) events += 1;
          return events;
        }),
      (run) => run.eventsPerSecond,
    );
    const fold = await medianOf(
      args.runs,
      async () => foldOnce(log, join(args.dir, 'reference-fold.db')),
      (run) => run.eventsPerSecond,
    );
    return { readParse, fold };
  } finally {
    log.close();
    rmSync(args.dir, { recursive: true, force: true });
  }
}

/** One timed run of the reference fold into a new file `filename`. */
function foldOnce(log: Database.Database, filename: string) {
  for (const file of [filename, `${filename}-wal`, `${filename}-shm`]) rmSync(file, { force: true });
  const db = new Database(filename);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.exec(`CREATE TABLE days (day TEXT NOT NULL, type TEXT NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (day, type));
      CREATE TABLE checkpoint (id INTEGER PRIMARY KEY, position INTEGER NOT NULL);`);
    const count = db.prepare('INSERT INTO days VALUES (?, ?, 1) ON CONFLICT (day, type) DO UPDATE SET n = n + 1');
    const checkpoint = db.prepare(
      'INSERT INTO checkpoint VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET position = excluded.position',
    );
    const commit = db.transaction((batch: { day: string; type: string; position: number }[]) => {
      for (const { day, type } of batch) count.run(day, type);
      checkpoint.run(batch[batch.length - 1].position);
    });
    return timed(() => {
      let events = 0;
      let batch: { day: string; type: string; position: number }[] = [];
      for (const { position, type, data, metadata } of rawEvents(log)) {
        batch.push({ day: dayOf(data, metadata), type, position });
        events += 1;
        if (batch.length === BATCH_EVENTS) {
          commit(batch);
          batch = [];
        }
      }
      if (batch.length > 0) commit(batch);
      return events;
    });
  } finally {
    db.close();
  }
}
