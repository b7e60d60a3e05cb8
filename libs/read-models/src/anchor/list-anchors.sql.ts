import { asOfParam, knownAt, whereSet } from '../as-of';
import { decodeCursor, type Page, toPage } from '../pagination';
import type { Tables } from '../projection';
import type { SqlSession } from '../store/read-model-store';
import type { AnchorView } from './anchors.projection';

/** Paging and recorded-time cut-off of the anchors list. */
export interface AnchorsFilter {
  asOf?: string;
  limit: number;
  cursor?: string;
}

/** Latest key date first, keyset-paginated. */
export async function listAnchors(db: SqlSession, t: Tables, filter: AnchorsFilter): Promise<Page<AnchorView>> {
  const cursor = filter.cursor ? decodeCursor(filter.cursor) : undefined;
  const params = {
    asOf: asOfParam(filter.asOf),
    cursorKey: cursor?.sortKey ?? null,
    cursorId: cursor?.id ?? null,
    limit: filter.limit + 1,
  };
  const where = whereSet(params, [], {
    asOf: knownAt('a'),
    cursorKey: '(a.date, a.name) < (@cursorKey, @cursorId)',
  });
  const rows = await db.all<{ name: string; date: string; doc: string }>(
    `SELECT a.name, a.date, a.doc FROM ${t.rm_anchors} a
     WHERE ${where}
     ORDER BY a.date DESC, a.name DESC
     LIMIT @limit`,
    params,
  );
  return toPage(
    rows,
    filter.limit,
    (r) => [r.date, r.name],
    (r) => JSON.parse(r.doc) as AnchorView,
  );
}

/** One anchor by name as known at `asOf` (now when absent), or `undefined`. */
export async function findAnchor(
  db: SqlSession,
  t: Tables,
  name: string,
  asOf?: string,
): Promise<AnchorView | undefined> {
  const params = {
    name,
    asOf: asOfParam(asOf),
  };
  const where = whereSet(params, ['a.name = @name'], { asOf: knownAt('a') });
  const row = await db.get<{ doc: string }>(`SELECT a.doc FROM ${t.rm_anchors} a WHERE ${where}`, params);
  return row ? (JSON.parse(row.doc) as AnchorView) : undefined;
}
