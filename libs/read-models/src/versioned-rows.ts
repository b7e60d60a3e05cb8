import type Database from 'better-sqlite3';

/**
 * Versioned read-model rows (see `as-of.ts`): a change closes the current version at the
 * recording time of the event that changes it and inserts the next one. Tables need
 * `<key> TEXT, recorded_from TEXT, recorded_to TEXT, doc TEXT` plus their filter columns.
 */
export function currentDoc<T>(db: Database.Database, table: string, key: string, id: string): T | undefined {
  const row = db
    .prepare<[string], { doc: string }>(`SELECT doc FROM ${table} WHERE ${key} = ? AND recorded_to IS NULL`)
    .get(id);
  return row && (JSON.parse(row.doc) as T);
}

/** Closes the current version of `id`, if any, at `recordedAt`. */
export function closeVersion(db: Database.Database, table: string, key: string, id: string, recordedAt: string): void {
  db.prepare(`UPDATE ${table} SET recorded_to = ? WHERE ${key} = ? AND recorded_to IS NULL`).run(recordedAt, id);
}

/** Inserts a version valid from `recorded_from`; `row` maps column names to values. */
export function insertVersion(db: Database.Database, table: string, row: Record<string, unknown>): void {
  const columns = Object.keys(row);
  db.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`).run(
    row,
  );
}
