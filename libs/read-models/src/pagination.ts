import { whereSet } from './as-of';
import type { SqlParams, SqlSession } from './store/read-model-store';

/** A page of a list plus the cursor of the next page, absent on the last one. */
export interface Page<T> {
  items: T[];
  nextCursor?: string;
}

/** Opaque cursor over a `(sortKey, id)` keyset. */
export function encodeCursor(sortKey: string, id: string): string {
  return Buffer.from(JSON.stringify([sortKey, id])).toString('base64url');
}

/** Inverse of `encodeCursor`; `undefined` for anything that is not one. */
export function decodeCursor(cursor: string): { sortKey: string; id: string } | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === 'string')) {
      return { sortKey: value[0], id: value[1] };
    }
  } catch {
    // fall through: not a cursor we issued
  }
  return undefined;
}

/** Takes `limit` rows of `limit + 1` fetched and derives the next cursor from the last kept row. */
export function toPage<Row, T>(
  rows: Row[],
  limit: number,
  key: (row: Row) => [string, string],
  map: (row: Row) => T,
): Page<T> {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return {
    items: items.map(map),
    nextCursor: rows.length > limit && last ? encodeCursor(...key(last)) : undefined,
  };
}

/**
 * A list over one read-model table whose rows hold their view as JSON in `doc`, ordered by a
 * text sort key, newest (largest) first, with a unique column breaking ties: the keyset
 * `(sortKey, id)` a cursor resumes after.
 */
export interface KeysetList {
  /** The table's name, and the alias its columns go by in `always` and `when`. */
  readonly table: string;
  readonly alias: string;
  /** Column names, without the alias. */
  readonly sortKey: string;
  readonly id: string;
  /** The filters' parameters; the cursor's and the limit's are added. */
  readonly params: SqlParams;
  /** Conditions every row meets. */
  readonly always?: readonly string[];
  /** Conditions by the parameter that switches each on (see `whereSet`). */
  readonly when?: Readonly<Record<string, string>>;
}

/** The page of `list` after `page.cursor` (from the start without one): at most `page.limit` views and the next cursor. */
export async function keysetPage<T>(
  db: SqlSession,
  page: { readonly limit: number; readonly cursor?: string },
  list: KeysetList,
): Promise<Page<T>> {
  const sortKey = `${list.alias}.${list.sortKey}`;
  const id = `${list.alias}.${list.id}`;
  const cursor = page.cursor ? decodeCursor(page.cursor) : undefined;
  const params = {
    ...list.params,
    cursorKey: cursor?.sortKey ?? null,
    cursorId: cursor?.id ?? null,
    limit: page.limit + 1,
  };
  const where = whereSet(params, list.always ?? [], {
    ...list.when,
    cursorKey: `(${sortKey}, ${id}) < (@cursorKey, @cursorId)`,
  });
  const rows = await db.all<{ sort_key: string; id: string; doc: string }>(
    `SELECT ${sortKey} AS sort_key, ${id} AS id, ${list.alias}.doc FROM ${list.table} ${list.alias}
     WHERE ${where}
     ORDER BY ${sortKey} DESC, ${id} DESC
     LIMIT @limit`,
    params,
  );
  return toPage(
    rows,
    page.limit,
    (r) => [r.sort_key, r.id],
    (r) => JSON.parse(r.doc) as T,
  );
}
