import type Database from 'better-sqlite3';
import type { EventStorePort } from '@tracker/event-store/event-store.port';
import type { ReadModelStore } from '@tracker/read-models/store/read-model-store';

/** Space taken from a SQLite file by the helpers below, and the way to give it back. */
export interface FilledStore {
  /** Pages the file may hold while full: the pages it had when filled. */
  readonly pages: number;
  /** Lifts the cap: writes succeed again. */
  restore(): void;
}

/**
 * Makes a SQLite connection behave as on a full disk, without root or a small filesystem:
 * SQLite's `max_page_count`, set to the pages the file has now, makes the next write that
 * needs a new page fail with `SQLITE_FULL`, the code SQLite gives for `ENOSPC` too. The cap
 * holds for this connection only, so each store's own connection is filled.
 */
export function fillSqliteConnection(db: Database.Database): FilledStore {
  const pages = Number(db.pragma('page_count', { simple: true }));
  db.pragma(`max_page_count = ${pages}`);
  return { pages, restore: () => db.pragma('max_page_count = 4294967294') };
}

/**
 * Fills the SQLite event store's connection (through an `InstrumentedEventStore` too). It
 * reaches into the adapter on purpose: production code has no reason to offer this.
 */
export function fillSqliteEventStore(store: EventStorePort): FilledStore {
  const adapter = (store as { inner?: EventStorePort }).inner ?? store;
  return fillSqliteConnection(connectionOf(adapter, 'db'));
}

/** Fills the writing connection of a SQLite read-model store (e.g. `KEY_STORE`, the idempotency keys). */
export function fillSqliteReadModelStore(store: ReadModelStore): FilledStore {
  return fillSqliteConnection(connectionOf(store, 'writer'));
}

function connectionOf(store: object, field: string): Database.Database {
  const db = (store as Record<string, Database.Database | undefined>)[field];
  if (typeof db?.pragma !== 'function') throw new Error(`${store.constructor.name} is not a SQLite store`);
  return db;
}
