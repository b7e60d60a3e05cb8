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
