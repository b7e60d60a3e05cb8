import type { SqlSession } from './store/read-model-store';

/**
 * Versioned read-model rows (see `as-of.ts`): a change closes the current version at the
 * recording time of the event that changes it and inserts the next one. Tables need
 * `<key> TEXT, recorded_from TEXT, recorded_to TEXT, doc TEXT` plus their filter columns.
 */
export async function currentDoc<T>(db: SqlSession, table: string, key: string, id: string): Promise<T | undefined> {
  const row = await db.get<{ doc: string }>(`SELECT doc FROM ${table} WHERE ${key} = @id AND recorded_to IS NULL`, {
    id,
  });
  return row && (JSON.parse(row.doc) as T);
}

/** Closes the current version of `id`, if any, at `recordedAt`. */
export async function closeVersion(
  db: SqlSession,
  table: string,
  key: string,
  id: string,
  recordedAt: string,
): Promise<void> {
  await db.run(`UPDATE ${table} SET recorded_to = @recordedAt WHERE ${key} = @id AND recorded_to IS NULL`, {
    id,
    recordedAt,
  });
}

/** Inserts a version valid from `recorded_from`; `row` maps column names to values. */
export async function insertVersion(db: SqlSession, table: string, row: Record<string, unknown>): Promise<void> {
  const columns = Object.keys(row);
  await db.run(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`, row);
}
