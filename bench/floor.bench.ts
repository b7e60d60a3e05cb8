import { DEFAULT_BATCH_SIZE } from '@tracker/read-models/fold';
import { tablesOf } from '@tracker/read-models/projection';
import { ALL_PROJECTIONS } from '@tracker/read-models/projections';
import type { ReadModelStore } from '@tracker/read-models/store/read-model-store';
import Database from 'better-sqlite3';
import { rmSync, statSync } from 'node:fs';
import { scratchReadModels } from './scratch-read-models';

/** How the floor writes the rows: the database copying them itself, or our store adapter taking them from JS. */
export type FloorMode = 'sql' | 'rows';

/** What writing the rows of a finished rebuild again costs, with no reading of the log and no folding. */
export interface FloorFigure {
  readonly store: 'sqlite' | 'postgres';
  readonly mode: FloorMode;
  readonly events: number;
  readonly rows: number;
  /** Size of the rebuilt read models (the source file), MB. */
  readonly sourceMb: number;
  readonly seconds: number;
  /** Of `seconds`, building the query-only indexes once the rows are in, as a caught-up generation does. */
  readonly indexSeconds: number;
  readonly eventsPerSecond: number;
  readonly usPerEvent: number;
}

/**
 * Child task: the rows a rebuild of `events` events wrote (the active generations in
 * `source`, a rebuilt `read-models.db`) written again into empty tables of the same schema,
 * then the query-only indexes built: the cost of the writes alone, which no projection code
 * can go below. `sql`: `INSERT … SELECT`, one transaction per table, so no row passes through
 * JS (SQLite: from the attached source; PostgreSQL: from tables of its own, filled first and
 * not timed). `rows`: each projection's share of every 1,000-event batch in one transaction
 * through the store's `insertMany`, as the runner's batches write (without their reads and
 * checkpoint updates).
 */
export async function floorTask(args: {
  store: 'sqlite' | 'postgres';
  mode: FloorMode;
  source: string;
  events: number;
  dataDir: string;
  postgresUrl: string;
}): Promise<FloorFigure> {
  const source = new Database(args.source, { readonly: true });
  const generation = source.prepare<[string], { generation: number }>(
    `SELECT generation FROM projection_generations WHERE name = ? AND status = 'active'`,
  );
  const projections = ALL_PROJECTIONS.map((projection) => {
    const row = generation.get(projection.name);
    if (!row) throw new Error(`${args.source} has no active generation of ${projection.name}`);
    return { projection, t: tablesOf(projection, row.generation) };
  });
  rmSync(args.dataDir, { recursive: true, force: true });
  const scratch = await scratchReadModels(args.store, { ...args, prefix: 'floor' });
  const { store } = scratch;
  try {
    // What `sql` copies from: the attached file (SQLite), or the same rows loaded into the server first, untimed (PostgreSQL).
    const staged = args.mode === 'sql' && args.store === 'postgres';
    if (staged) {
      for (const { projection, t } of projections) await store.exec(projection.schema(t));
      await copyInBatches(args.source, store, projections, Math.ceil(args.events / 10_000));
    } else if (args.mode === 'sql') {
      await store.exec(`ATTACH DATABASE '${args.source.replaceAll("'", "''")}' AS src`);
    }
    const targets = projections.map(({ projection, t }) => ({
      projection,
      t: staged ? tablesOf(projection, 0) : t,
      from: staged ? t : Object.fromEntries(Object.entries(t).map(([logical, table]) => [logical, `src.${table}`])),
    }));
    for (const { projection, t } of targets) await store.exec(projection.schema(t));
    const started = performance.now();
    let rows = 0;
    if (args.mode === 'sql') {
      for (const { t, from } of targets) {
        for (const [logical, table] of Object.entries(t)) {
          rows += await store.transaction((tx) => tx.run(`INSERT INTO ${table} SELECT * FROM ${from[logical]}`));
        }
      }
    } else {
      rows = await copyInBatches(args.source, store, projections, Math.ceil(args.events / DEFAULT_BATCH_SIZE));
    }
    const indexing = performance.now();
    for (const { projection, t } of targets) for (const sql of projection.indexes?.(t) ?? []) await store.exec(sql);
    const seconds = (performance.now() - started) / 1000;
    return {
      store: args.store,
      mode: args.mode,
      events: args.events,
      rows,
      sourceMb: statSync(args.source).size / (1024 * 1024),
      seconds,
      indexSeconds: (performance.now() - indexing) / 1000,
      eventsPerSecond: args.events / seconds,
      usPerEvent: (seconds * 1e6) / args.events,
    };
  } finally {
    source.close();
    await scratch.close();
  }
}

/** Each table's rows, in `batches` equal slices; slice `b` of a projection's tables commits in one transaction. */
async function copyInBatches(
  sourceFile: string,
  store: ReadModelStore,
  projections: readonly { t: Record<string, string> }[],
  batches: number,
): Promise<number> {
  // A connection per table: better-sqlite3 runs nothing else on a connection while one of its iterators is open.
  const readers = projections.map(({ t }) =>
    Object.values(t).map((table) => {
      const db = new Database(sourceFile, { readonly: true });
      const count = db.prepare<[], { n: number }>(`SELECT count(*) AS n FROM ${table}`).get()!.n;
      const select = db.prepare(`SELECT * FROM ${table}`).raw(true);
      const columns = select.columns().map((column) => column.name);
      return {
        db,
        table,
        columns,
        perBatch: Math.ceil(count / batches),
        rows: select.iterate() as Iterator<unknown[]>,
      };
    }),
  );
  let rows = 0;
  try {
    for (let batch = 0; batch < batches; batch++) {
      for (const tables of readers) {
        await store.transaction(async (tx) => {
          for (const reader of tables) {
            const slice: unknown[][] = [];
            for (let next = reader.rows.next(); !next.done; next = reader.rows.next()) {
              slice.push(next.value);
              if (slice.length === reader.perBatch) break;
            }
            if (slice.length > 0) await tx.insertMany(reader.table, reader.columns, slice);
            rows += slice.length;
          }
        });
      }
    }
  } finally {
    for (const reader of readers.flat()) {
      reader.rows.return?.();
      reader.db.close();
    }
  }
  return rows;
}
