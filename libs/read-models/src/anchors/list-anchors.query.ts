import type Database from 'better-sqlite3';
import { asOfParam, knownAt } from '../as-of';
import { decodeCursor, type Page, toPage } from '../pagination';
import type { AnchorView } from './anchors.projection';

/** Paging and recorded-time cut-off of the anchors list. */
export interface AnchorsFilter {
  asOf?: string;
  limit: number;
  cursor?: string;
}

/** Latest key date first, keyset-paginated. */
export function listAnchors(db: Database.Database, filter: AnchorsFilter): Page<AnchorView> {
  const cursor = filter.cursor ? decodeCursor(filter.cursor) : undefined;
  const params = {
    asOf: asOfParam(filter.asOf),
    cursorKey: cursor?.sortKey ?? null,
    cursorId: cursor?.id ?? null,
    limit: filter.limit + 1,
  };
  const rows = db
    .prepare<typeof params, { name: string; date: string; doc: string }>(
      `SELECT a.name, a.date, a.doc FROM rm_anchors a
       WHERE ${knownAt('a')}
         AND (@cursorKey IS NULL OR (a.date, a.name) < (@cursorKey, @cursorId))
       ORDER BY a.date DESC, a.name DESC
       LIMIT @limit`,
    )
    .all(params);
  return toPage(
    rows,
    filter.limit,
    (r) => [r.date, r.name],
    (r) => JSON.parse(r.doc) as AnchorView,
  );
}

/** One anchor by name as known at `asOf` (now when absent), or `undefined`. */
export function findAnchor(db: Database.Database, name: string, asOf?: string): AnchorView | undefined {
  const row = db
    .prepare<{ name: string; asOf: string | null }, { doc: string }>(
      `SELECT a.doc FROM rm_anchors a WHERE a.name = @name AND ${knownAt('a')}`,
    )
    .get({ name, asOf: asOfParam(asOf) });
  return row ? (JSON.parse(row.doc) as AnchorView) : undefined;
}
