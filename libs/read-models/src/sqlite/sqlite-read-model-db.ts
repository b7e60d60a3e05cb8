import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Opens the read-model connection. `synchronous=NORMAL`: rows and checkpoint commit together,
 * so a power loss can only roll both back to an earlier consistent point, which the
 * projection then replays from the durable log.
 */
export function openReadModelDb(filename: string): Database.Database {
  if (filename !== ':memory:') mkdirSync(dirname(filename), { recursive: true });
  const db = new Database(filename);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  return db;
}

/** DI token for the read-model `Database`. */
export const READ_MODEL_DB = Symbol('READ_MODEL_DB');
