import { preload, type ProjectionSession } from './projection-session';

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
 * batch is read and closed in memory, and its rows reach the store in one bulk insert; the
 * closes of versions from earlier batches are queued (`ProjectionSession.update`) and the
 * current versions a batch will change can be read up front in bulk (`preloadCurrent`).
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
 * Reads the current versions of `ids` in bulk into the batch's memo, so that `currentDoc`
 * answers them without a query each (one round trip per chunk instead of one per record).
 */
export function preloadCurrent(
  tx: ProjectionSession,
  table: string,
  key: string,
  ids: Iterable<string>,
): Promise<void> {
  return preload<{ id: string; doc: string }>(
    tx,
    ids,
    (id) => memoKey(table, id),
    (list) => `SELECT ${key} AS id, doc FROM ${table} WHERE ${key} ${list} AND recorded_to IS NULL`,
    (row): Current => ({ doc: JSON.parse(row.doc) }),
    { doc: undefined } satisfies Current,
  );
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
    tx.update(table, key, 'recorded_to', id, row.recorded_from, 'recorded_to IS NULL');
  }
  const queued = tx.insert(table, { ...row, recorded_to: null, doc: JSON.stringify(row.doc) });
  tx.memo.set(memoKey(table, id), { doc: row.doc, queued });
}
