import {
  chunks,
  combineValues,
  type InsertOptions,
  inList,
  type SqlDialect,
  type SqlParams,
  type SqlSession,
} from './store/read-model-store';

interface Queue {
  readonly table: string;
  readonly columns: readonly string[];
  readonly options: InsertOptions;
  /** Rows by key: upserts combine rows of one key, other inserts use a running number. */
  readonly rows: Map<string | number, Record<string, unknown>>;
}

interface UpdateQueue {
  readonly table: string;
  readonly key: string;
  readonly column: string;
  readonly where: string;
  /** The new value of `column`, by key. */
  readonly values: Map<string, unknown>;
}

/**
 * What a projection writes through during one batch: plain SQL, plus `insert`, which queues
 * rows and writes them in bulk (`insertMany`) when the batch ends or just before any
 * statement that names their table. Folding a thousand events then costs a handful of round
 * trips per table instead of one per row, and reads still see every earlier write. `update`
 * queues single-column updates of rows already in a table the same way.
 */
export class ProjectionSession implements SqlSession {
  readonly dialect: SqlDialect;
  /** Per-batch state of helpers such as `versioned-rows.ts`, dropped with the batch. */
  readonly memo = new Map<string, unknown>();
  private readonly queues = new Map<string, Queue>();
  private readonly updates = new Map<string, UpdateQueue>();

  /** `direct` is the batch's transaction; reads through it skip the queue (see `versioned-rows.ts`). */
  constructor(readonly direct: SqlSession) {
    this.dialect = direct.dialect;
  }

  /**
   * Queues one row of `table`; rows with the same columns and options are written together.
   * The returned object is the queued row: changing it before the flush changes what is written.
   */
  insert(table: string, row: Record<string, unknown>, options: InsertOptions = {}): Record<string, unknown> {
    const columns = Object.keys(row);
    // Plain inserts (most rows) need no serialising of their options.
    const conflictKey = options.onConflict === undefined ? '' : JSON.stringify(options.onConflict);
    const key = `${table}\u0000${columns.join(',')}\u0000${conflictKey}`;
    let queue = this.queues.get(key);
    if (!queue) this.queues.set(key, (queue = { table, columns, options, rows: new Map() }));
    const { onConflict } = options;
    if (typeof onConflict === 'object') {
      // Upserts of one key are combined here, as two statements in a row would combine them.
      const id = JSON.stringify(onConflict.update.map((column) => row[column]));
      const earlier = queue.rows.get(id);
      if (earlier) {
        for (const column of columns)
          row[column] = combineValues(onConflict.combine?.[column], earlier[column], row[column]);
      }
      queue.rows.set(id, row);
    } else {
      queue.rows.set(queue.rows.size, row);
    }
    return row;
  }

  /**
   * Queues `UPDATE table SET column = value WHERE key = id AND (where)`, written with the batch's
   * other updates of that shape in one statement per chunk of keys, before the table's queued
   * inserts: so it changes only rows that were in the table before this batch. One per `id`.
   */
  update(table: string, key: string, column: string, id: string, value: unknown, where = ''): void {
    const shape = `${table}\u0000${key}\u0000${column}\u0000${where}`;
    let queue = this.updates.get(shape);
    if (!queue) this.updates.set(shape, (queue = { table, key, column, where, values: new Map() }));
    if (queue.values.has(id)) throw new RangeError(`${table}: a second queued update of ${key} ${id} in one batch`);
    queue.values.set(id, value);
  }

  async run(sql: string, params?: SqlParams): Promise<number> {
    await this.flush(sql);
    return this.direct.run(sql, params);
  }
  async get<T>(sql: string, params?: SqlParams): Promise<T | undefined> {
    await this.flush(sql);
    return this.direct.get<T>(sql, params);
  }
  async all<T>(sql: string, params?: SqlParams): Promise<T[]> {
    await this.flush(sql);
    return this.direct.all<T>(sql, params);
  }
  async exec(sql: string): Promise<void> {
    await this.flush();
    return this.direct.exec(sql);
  }
  async insertMany(table: string, columns: readonly string[], rows: readonly unknown[][], options?: InsertOptions) {
    await this.flush(table);
    return this.direct.insertMany(table, columns, rows, options);
  }

  /** Writes the queued updates, then the queued rows, of every table named in `sql` (all of them without `sql`). */
  async flush(sql?: string): Promise<void> {
    for (const [shape, queue] of this.updates) {
      if (sql !== undefined && !sql.includes(queue.table)) continue;
      this.updates.delete(shape);
      for (const ids of chunks([...queue.values.keys()])) {
        const keys = inList(ids, 'k');
        const values = inList(
          ids.map((id) => queue.values.get(id)),
          'v',
        );
        const cases = Object.keys(keys.params).map((k, i) => `WHEN @${k} THEN @v${i}`);
        await this.direct.run(
          `UPDATE ${queue.table} SET ${queue.column} = CASE ${queue.key} ${cases.join(' ')} END
           WHERE ${queue.key} ${keys.sql}${queue.where ? ` AND (${queue.where})` : ''}`,
          { ...keys.params, ...values.params },
        );
      }
    }
    for (const [key, queue] of this.queues) {
      if (sql !== undefined && !sql.includes(queue.table)) continue;
      this.queues.delete(key);
      const rows = [...queue.rows.values()].map((row) => queue.columns.map((column) => row[column]));
      await this.direct.insertMany(queue.table, queue.columns, rows, queue.options);
    }
  }
}

/**
 * Reads the rows of `ids` in bulk into `tx.memo`, one query per chunk of keys: `select` gets the
 * `IN (…)` list to put after its key column, and must return each row's key as `id`. Keys already
 * in the memo are skipped; a key without a row is remembered as `missing`.
 */
export async function preload<R extends { id: string }>(
  tx: ProjectionSession,
  ids: Iterable<string>,
  memoKey: (id: string) => string,
  select: (inList: string) => string,
  value: (row: R) => unknown,
  missing?: unknown,
): Promise<void> {
  const wanted = [...new Set(ids)].filter((id) => !tx.memo.has(memoKey(id)));
  for (const chunk of chunks(wanted)) {
    const { sql, params } = inList(chunk);
    const rows = await tx.direct.all<R>(select(sql), params);
    for (const id of chunk) tx.memo.set(memoKey(id), missing);
    for (const row of rows) tx.memo.set(memoKey(row.id), value(row));
  }
}
