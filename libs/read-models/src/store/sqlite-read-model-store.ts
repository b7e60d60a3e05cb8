import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  type InsertOptions,
  onConflictClause,
  type ReadModelStore,
  type SqlParams,
  type SqlSession,
} from './read-model-store';

/** better-sqlite3 binds neither `undefined` nor booleans. */
const bindValue = (value: unknown) =>
  value === undefined ? null : typeof value === 'boolean' ? (value ? 1 : 0) : value;

function bind(params: SqlParams = {}): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(params)) out[key] = bindValue(value);
  return out;
}

function session(db: Database.Database): SqlSession {
  const cache = new Map<string, Database.Statement>();
  const prepare = (sql: string) => {
    let statement = cache.get(sql);
    if (!statement) cache.set(sql, (statement = db.prepare(sql)));
    return statement;
  };
  return {
    dialect: 'sqlite',
    run: async (sql, params) => prepare(sql).run(bind(params)).changes,
    get: async <T>(sql: string, params?: SqlParams) => prepare(sql).get(bind(params)) as T | undefined,
    all: async <T>(sql: string, params?: SqlParams) => prepare(sql).all(bind(params)) as T[],
    exec: async (sql) => void db.exec(sql),
    // One prepared single-row statement run per row: inside a transaction SQLite needs no more.
    insertMany: async (table, columns, rows, options?: InsertOptions) => {
      const placeholders = columns.map(() => '?').join(', ');
      const insert = prepare(
        `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${placeholders})${onConflictClause(table, columns, options)}`,
      );
      for (const row of rows) insert.run(row.map(bindValue));
    },
  };
}

function open(filename: string): Database.Database {
  const db = new Database(filename);
  db.pragma('journal_mode = WAL');
  // Rows and checkpoint commit together, so a power loss rolls both back to a consistent
  // earlier point, which the projection replays from the durable log.
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  // Checkpoint the WAL into the file every ~40 MB rather than every 4 MB: a rebuild's batches rewrite the
  // same index pages many times, and each checkpoint copies them again (about 15% of a rebuild here).
  db.pragma('wal_autocheckpoint = 10000');
  db.pragma('journal_size_limit = 67108864');
  return db;
}

/**
 * Read models in one SQLite file (WAL). Two connections: reads never see a projection's
 * uncommitted batch, and transactions on the writer are serialised by a queue, because a
 * transaction's awaits would otherwise let another projection's statements into it.
 */
export class SqliteReadModelStore implements ReadModelStore {
  readonly dialect = 'sqlite' as const;
  private readonly writer: Database.Database;
  private readonly reader: Database.Database;
  private readonly writes: SqlSession;
  private readonly reads: SqlSession;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(filename: string) {
    if (filename !== ':memory:') mkdirSync(dirname(filename), { recursive: true });
    this.writer = open(filename);
    // ':memory:' databases are per connection: tests on them read through the writer.
    this.reader = filename === ':memory:' ? this.writer : open(filename);
    this.writes = session(this.writer);
    this.reads = filename === ':memory:' ? this.writes : session(this.reader);
  }

  run(sql: string, params?: SqlParams) {
    return this.serialised(() => this.writes.run(sql, params));
  }
  get<T>(sql: string, params?: SqlParams) {
    return this.reads.get<T>(sql, params);
  }
  all<T>(sql: string, params?: SqlParams) {
    return this.reads.all<T>(sql, params);
  }
  exec(sql: string) {
    return this.serialised(() => this.writes.exec(sql));
  }
  insertMany(table: string, columns: readonly string[], rows: readonly unknown[][], options?: InsertOptions) {
    return this.transaction((tx) => tx.insertMany(table, columns, rows, options));
  }

  /**
   * `work` must await only this store's calls, never timers or I/O: while it holds the write
   * lock, a turn of the event loop could start an append on the log's own connection to this
   * file, which would then block the thread waiting for the lock (`busy_timeout`).
   */
  transaction<T>(work: (tx: SqlSession) => Promise<T>): Promise<T> {
    return this.serialised(async () => {
      this.writer.exec('BEGIN IMMEDIATE');
      try {
        const result = await work(this.writes);
        this.writer.exec('COMMIT');
        return result;
      } catch (error) {
        if (this.writer.inTransaction) this.writer.exec('ROLLBACK');
        throw error;
      }
    });
  }

  async ping(): Promise<void> {
    this.reader.prepare('SELECT 1').get();
  }

  async close(): Promise<void> {
    await this.queue.catch(() => undefined);
    if (this.reader !== this.writer && this.reader.open) this.reader.close();
    if (this.writer.open) this.writer.close();
  }

  private serialised<T>(work: () => Promise<T>): Promise<T> {
    const result = this.queue.then(work, work);
    this.queue = result.catch(() => undefined);
    return result;
  }
}
