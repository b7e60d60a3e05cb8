import type Database from 'better-sqlite3';
import { asOfParam, knownAt } from '../as-of';
import { decodeCursor, type Page, toPage } from '../pagination';
import type { FeedItem } from './feed.projection';

/** Filters of the feed. */
export interface FeedFilter {
  kind?: FeedItem['kind'];
  asOf?: string;
  limit: number;
  cursor?: string;
}

/** Newest developments first (by log position), keyset-paginated. */
export function listFeed(db: Database.Database, filter: FeedFilter): Page<FeedItem> {
  const cursor = filter.cursor ? decodeCursor(filter.cursor) : undefined;
  const params = {
    kind: filter.kind ?? null,
    asOf: asOfParam(filter.asOf),
    cursorCommit: cursor ? Number(cursor.sortKey) : null,
    cursorPrepare: cursor ? Number(cursor.id) : null,
    limit: filter.limit + 1,
  };
  const rows = db
    .prepare<typeof params, { commit_pos: number; prepare_pos: number; doc: string }>(
      `SELECT f.commit_pos, f.prepare_pos, f.doc FROM rm_feed f
       WHERE ${knownAt('f')} AND (@kind IS NULL OR f.kind = @kind)
         AND (@cursorCommit IS NULL OR (f.commit_pos, f.prepare_pos) < (@cursorCommit, @cursorPrepare))
       ORDER BY f.commit_pos DESC, f.prepare_pos DESC
       LIMIT @limit`,
    )
    .all(params);
  return toPage(
    rows,
    filter.limit,
    (r) => [String(r.commit_pos), String(r.prepare_pos)],
    (r) => JSON.parse(r.doc) as FeedItem,
  );
}

/** Items recorded after `position` (commit, prepare), oldest first: what a live client missed. */
export function feedAfter(db: Database.Database, commit: bigint, prepare: bigint, limit = 500): FeedItem[] {
  return db
    .prepare<[bigint, bigint, number], { doc: string }>(
      `SELECT doc FROM rm_feed WHERE (commit_pos, prepare_pos) > (?, ?) ORDER BY commit_pos, prepare_pos LIMIT ?`,
    )
    .all(commit, prepare, limit)
    .map((r) => JSON.parse(r.doc) as FeedItem);
}
