import { Pool, type PoolClient, types } from 'pg';
import {
  type InsertOptions,
  onConflictClause,
  type ReadModelStore,
  type SqlParams,
  type SqlSession,
} from './read-model-store';

// BIGINT (log positions) as JS numbers: positions stay far below 2^53.
types.setTypeParser(types.builtins.INT8, (value) => Number(value));

const compiled = new Map<string, { text: string; names: string[] }>();

/** Rewrites `@name` parameters to `$n` (one number per distinct name) and orders the values to match. */
export function toPositional(sql: string, params: SqlParams = {}): { text: string; values: unknown[] } {
  let shape = compiled.get(sql);
  if (!shape) {
    const names: string[] = [];
    const text = sql.replace(/@([A-Za-z_]\w*)/g, (_, name: string) => {
      let index = names.indexOf(name);
      if (index < 0) index = names.push(name) - 1;
      return `$${index + 1}`;
    });
    shape = { text, names };
    // SQL texts are few (one per statement and table generation); the bound only guards against misuse.
    if (compiled.size > 10_000) compiled.clear();
    compiled.set(sql, shape);
  }
  const values = shape.names.map((name) => {
    if (!(name in params)) throw new RangeError(`Missing SQL parameter @${name}`);
    return toValue(params[name]);
  });
  return { text: shape.text, values };
}

/**
 * DDL with every TEXT column of a CREATE TABLE collated `"C"`: PostgreSQL then compares text by
 * bytes, as SQLite does, whatever the database's locale, so ORDER BY, keyset cursors and
 * `<`/`>` give both stores the same answers in the same order (an en_US database would put
 * `b` before `C` and ignore punctuation in ties).
 */
export function collateC(ddl: string): string {
  return ddl
    .split(';')
    .map((statement) =>
      /^\s*CREATE\s+TABLE\b/i.test(statement)
        ? statement.replace(/\bTEXT\b(?!\s+COLLATE)/g, 'TEXT COLLATE "C"')
        : statement,
    )
    .join(';');
}

const toValue = (value: unknown) => (value === undefined ? null : typeof value === 'bigint' ? value.toString() : value);

/** Most parameters in one multi-row INSERT (PostgreSQL allows 65,535). */
const MAX_PARAMS = 30_000;

type Query = (text: string, values: unknown[]) => Promise<{ rows: unknown[]; rowCount: number | null }>;

function session(query: Query): SqlSession {
  const run = (sql: string, params?: SqlParams) => {
    const { text, values } = toPositional(sql, params);
    return query(text, values);
  };
  return {
    dialect: 'postgres',
    run: async (sql, params) => (await run(sql, params)).rowCount ?? 0,
    get: async <T>(sql: string, params?: SqlParams) => (await run(sql, params)).rows[0] as T | undefined,
    all: async <T>(sql: string, params?: SqlParams) => (await run(sql, params)).rows as T[],
    exec: async (sql) => void (await query(collateC(sql), [])),
    // Multi-row VALUES lists: one round trip per chunk instead of one per row.
    insertMany: async (table, columns, rows, options?: InsertOptions) => {
      const perChunk = Math.max(1, Math.floor(MAX_PARAMS / columns.length));
      const head = `INSERT INTO ${table} (${columns.join(', ')}) VALUES `;
      const tail = onConflictClause(table, columns, options);
      for (let start = 0; start < rows.length; start += perChunk) {
        const chunk = rows.slice(start, start + perChunk);
        const values: unknown[] = [];
        const tuples = chunk.map((row) => {
          const first = values.length;
          for (const value of row) values.push(toValue(value));
          return `(${row.map((_, i) => `$${first + i + 1}`).join(', ')})`;
        });
        await query(head + tuples.join(', ') + tail, values);
      }
    },
  };
}

/** Read models in PostgreSQL, shared by every API replica; transactions take a pooled client. */
export class PostgresReadModelStore implements ReadModelStore {
  readonly dialect = 'postgres' as const;
  private readonly pool: Pool;
  private readonly pooled: SqlSession;

  constructor(connectionString: string, options: { max?: number; schema?: string } = {}) {
    this.pool = new Pool({
      connectionString,
      max: options.max ?? 10,
      // A dedicated schema per test run keeps suites apart on one shared database.
      options: options.schema ? `-c search_path=${options.schema}` : undefined,
    });
    this.pooled = session((text, values) => this.pool.query(text, values));
  }

  run(sql: string, params?: SqlParams) {
    return this.pooled.run(sql, params);
  }
  get<T>(sql: string, params?: SqlParams) {
    return this.pooled.get<T>(sql, params);
  }
  all<T>(sql: string, params?: SqlParams) {
    return this.pooled.all<T>(sql, params);
  }
  exec(sql: string) {
    return this.pooled.exec(sql);
  }
  insertMany(table: string, columns: readonly string[], rows: readonly unknown[][], options?: InsertOptions) {
    // Several chunks commit together or not at all.
    return this.transaction((tx) => tx.insertMany(table, columns, rows, options));
  }

  async transaction<T>(work: (tx: SqlSession) => Promise<T>): Promise<T> {
    const client: PoolClient = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(session((text, values) => client.query(text, values)));
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async ping(): Promise<void> {
    await this.pool.query('SELECT 1');
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
