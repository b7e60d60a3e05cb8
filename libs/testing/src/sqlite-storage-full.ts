import type Database from 'better-sqlite3';
import type { EventStorePort } from '@tracker/event-store/event-store.port';

/** Space taken from a SQLite event store by `fillSqliteEventStore`, and the way to give it back. */
export interface FilledStore {
  /** Pages the file may hold while full: the pages it had when filled. */
  readonly pages: number;
  /** Lifts the cap: appends and `checkWritable` succeed again. */
  restore(): void;
}

/**
 * Makes a SQLite event store behave as on a full disk, without root or a small filesystem:
 * SQLite's `max_page_count`, set on the store's own connection to the pages the file has
 * now, makes the next append that needs a new page fail with `SQLITE_FULL`, the same code
 * SQLite gives for `ENOSPC`. It reaches into the adapter (through an `InstrumentedEventStore`
 * too) on purpose: production code has no reason to offer this.
 */
export function fillSqliteEventStore(store: EventStorePort): FilledStore {
  const adapter = (store as { inner?: EventStorePort }).inner ?? store;
  const db = (adapter as unknown as { db?: Database.Database }).db;
  if (!db?.pragma) throw new Error('fillSqliteEventStore needs the SQLite event store');
  const pages = Number(db.pragma('page_count', { simple: true }));
  db.pragma(`max_page_count = ${pages}`);
  return { pages, restore: () => db.pragma('max_page_count = 4294967294') };
}
