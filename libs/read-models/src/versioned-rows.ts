import type { ProjectionSession } from './projection-session';

/** The current version of one key as this batch knows it: the queued row, if it was written in the batch. */
interface Current {
  readonly doc: unknown;
  readonly queued?: Record<string, unknown>;
}

const memoKey = (table: string, id: string) => `versioned\u0000${table}\u0000${id}`;

/**
 * Versioned read-model rows (see `as-of.ts`): a change closes the current version at the
 * recording time of the event that changes it and inserts the next one. Tables need
 * `<key> TEXT, recorded_from TEXT, recorded_to TEXT, doc TEXT` plus their filter columns.
 * Within a batch every version written is remembered, so a record changed again in the same
 * batch is read and closed in memory, and its rows reach the store in one bulk insert.
 */
export async function currentDoc<T>(
  tx: ProjectionSession,
  table: string,
  key: string,
  id: string,
): Promise<T | undefined> {
  const known = tx.memo.get(memoKey(table, id)) as Current | undefined;
  if (known) return known.doc as T | undefined;
  // Every queued version of this table is in the memo, so the table itself is current for `id`.
  const row = await tx.direct.get<{ doc: string }>(
    `SELECT doc FROM ${table} WHERE ${key} = @id AND recorded_to IS NULL`,
    { id },
  );
  const doc = row && (JSON.parse(row.doc) as T);
  tx.memo.set(memoKey(table, id), { doc });
  return doc;
}

/**
 * Makes `row` (with `recorded_from`, `doc` and the key column `key`) the current version of
 * its key, closing the previous one at `recorded_from`. `first`: the record's first event,
 * so there is no previous version to close.
 */
export async function putVersion(
  tx: ProjectionSession,
  table: string,
  key: string,
  row: Record<string, unknown> & { recorded_from: string; doc: unknown },
  first = false,
): Promise<void> {
  const id = String(row[key]);
  const previous = tx.memo.get(memoKey(table, id)) as Current | undefined;
  if (previous?.queued) previous.queued.recorded_to = row.recorded_from;
  else if (!first && (previous === undefined || previous.doc !== undefined)) {
    await tx.direct.run(`UPDATE ${table} SET recorded_to = @recordedAt WHERE ${key} = @id AND recorded_to IS NULL`, {
      id,
      recordedAt: row.recorded_from,
    });
  }
  const queued = tx.insert(table, { ...row, recorded_to: null, doc: JSON.stringify(row.doc) });
  tx.memo.set(memoKey(table, id), { doc: row.doc, queued });
}
