import { asOfParam, knownAt } from '../as-of';
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
  const rows = await db.all<{ name: string; date: string; doc: string }>(
    `SELECT a.name, a.date, a.doc FROM ${t.rm_anchors} a
     WHERE ${knownAt('a')}
       AND (CAST(@cursorKey AS TEXT) IS NULL OR (a.date, a.name) < (@cursorKey, @cursorId))
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
  const row = await db.get<{ doc: string }>(
    `SELECT a.doc FROM ${t.rm_anchors} a WHERE a.name = @name AND ${knownAt('a')}`,
    {
      name,
      asOf: asOfParam(asOf),
    },
  );
  return row ? (JSON.parse(row.doc) as AnchorView) : undefined;
}
