/**
 * The read-model store port: plain SQL with `@name` parameters that both SQLite and
 * PostgreSQL run unchanged. Projections and queries are written once against it; the
 * contract suite (`read-model-store.contract-suite.ts`) holds both adapters to the same
 * answers. Write portable SQL: `ON CONFLICT` rather than `INSERT OR …`, lower-cased
 * columns rather than `COLLATE NOCASE`, `CAST(sum(…) AS INTEGER)` so both return numbers,
 * `BIGINT` for log positions, and no JSON functions (keep filter columns beside the doc).
 */

/** Named parameters: `@name` in SQL, `{ name: value }` here; `undefined` binds as NULL. */
export type SqlParams = Record<string, unknown>;

/** Which SQL dialect a store speaks, for the rare statement that must differ. */
export type SqlDialect = 'sqlite' | 'postgres';

/** How a column of an existing row takes the value of a conflicting insert: replaced, added to, or the larger kept. */
export type Combine = 'replace' | 'sum' | 'max';

/** How `insertMany` treats a row whose unique key is already taken. */
export interface InsertOptions {
  /**
   * `'ignore'`: skip the row (`ON CONFLICT DO NOTHING`). `{ update: key, combine }`: update the
   * row with that key, each other column as `combine` says (`'replace'` when not named).
   */
  readonly onConflict?:
    'ignore' | { readonly update: readonly string[]; readonly combine?: Readonly<Record<string, Combine>> };
}

/** Statements on one connection (or inside one transaction). */
export interface SqlSession {
  readonly dialect: SqlDialect;
  /** Runs a statement; resolves to the number of rows it changed. */
  run(sql: string, params?: SqlParams): Promise<number>;
  /** First row, or `undefined`. */
  get<T>(sql: string, params?: SqlParams): Promise<T | undefined>;
  /** Every row. */
  all<T>(sql: string, params?: SqlParams): Promise<T[]>;
  /** Runs several `;`-separated statements without parameters (DDL). */
  exec(sql: string): Promise<void>;
  /**
   * Inserts `rows` (values in `columns` order) in as few round trips as the store allows.
   * With `{ update: key }`, rows sharing a key must not repeat within one call.
   */
  insertMany(
    table: string,
    columns: readonly string[],
    rows: readonly unknown[][],
    options?: InsertOptions,
  ): Promise<void>;
}

/**
 * The `ON CONFLICT` clause of `options`, in the dialect both stores share (existing values are
 * qualified by the table name, which PostgreSQL requires; a CASE, not `max`/`GREATEST`).
 */
export function onConflictClause(table: string, columns: readonly string[], options: InsertOptions = {}): string {
  const { onConflict } = options;
  if (!onConflict) return '';
  if (onConflict === 'ignore') return ' ON CONFLICT DO NOTHING';
  const set = columns
    .filter((column) => !onConflict.update.includes(column))
    .map((c) => {
      const [old, now] = [`${table}.${c}`, `excluded.${c}`];
      const combine = onConflict.combine?.[c] ?? 'replace';
      const value =
        combine === 'sum'
          ? `${old} + ${now}`
          : combine === 'max'
            ? `CASE WHEN ${now} > ${old} THEN ${now} ELSE ${old} END`
            : now;
      return `${c} = ${value}`;
    });
  return ` ON CONFLICT (${onConflict.update.join(', ')}) DO UPDATE SET ${set.join(', ')}`;
}

/** Most values in one `inList`: bulk reads and updates go in chunks of this many keys. */
export const IN_LIST_CHUNK = 256;

/**
 * `IN (@<prefix>0, …)` for `values` (at most `IN_LIST_CHUNK`), padded to a power of two by
 * repeating the last value, so that a table has a handful of distinct statements to prepare.
 */
export function inList(values: readonly unknown[], prefix = 'in'): { sql: string; params: SqlParams } {
  if (values.length === 0 || values.length > IN_LIST_CHUNK)
    throw new RangeError(`inList takes 1 to ${IN_LIST_CHUNK} values`);
  const size = 2 ** Math.ceil(Math.log2(values.length));
  const params: SqlParams = {};
  const names: string[] = [];
  for (let i = 0; i < size; i++) {
    names.push(`@${prefix}${i}`);
    params[`${prefix}${i}`] = values[Math.min(i, values.length - 1)];
  }
  return { sql: `IN (${names.join(', ')})`, params };
}

/** `values` in chunks of at most `IN_LIST_CHUNK`. */
export function chunks<T>(values: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < values.length; start += IN_LIST_CHUNK)
    out.push(values.slice(start, start + IN_LIST_CHUNK));
  return out;
}

/** The value of one column after a conflicting row `now` meets `old`, as `onConflictClause` computes it. */
export function combineValues(combine: Combine | undefined, old: unknown, now: unknown): unknown {
  if (combine === 'sum') return Number(old) + Number(now);
  if (combine === 'max') return Number(now) > Number(old) ? now : old;
  return now;
}

/** A read-model database: sessions for reads, serialisable-enough transactions for projections. */
export interface ReadModelStore extends SqlSession {
  /** Runs `work` in one transaction: all of it commits, or none of it. */
  transaction<T>(work: (tx: SqlSession) => Promise<T>): Promise<T>;
  /** Cheap connectivity probe for health checks. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** DI token for the configured `ReadModelStore`. */
export const READ_MODEL_STORE = Symbol('READ_MODEL_STORE');
