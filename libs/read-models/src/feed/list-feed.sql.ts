import { asOfParam, knownAt, whereSet } from '../as-of';
import { decodeCursor, type Page, toPage } from '../pagination';
import type { Tables } from '../projection';
import type { SqlSession } from '../store/read-model-store';
import type { FeedItem } from './feed.projection';

/** Filters of the feed. */
export interface FeedFilter {
  kind?: FeedItem['kind'];
  asOf?: string;
  limit: number;
  cursor?: string;
}

/** A log position part of a cursor, exact as a BigInt; `null` (no bound) for anything but digits. */
const positionPart = (text: string | undefined) => (text !== undefined && /^\d+$/.test(text) ? BigInt(text) : null);

/** Newest developments first (by log position), keyset-paginated. */
export async function listFeed(db: SqlSession, t: Tables, filter: FeedFilter): Promise<Page<FeedItem>> {
  const cursor = filter.cursor ? decodeCursor(filter.cursor) : undefined;
  const params = {
    kind: filter.kind ?? null,
    asOf: asOfParam(filter.asOf),
    cursorCommit: positionPart(cursor?.sortKey),
    cursorPrepare: positionPart(cursor?.id),
    limit: filter.limit + 1,
  };
  const where = whereSet(params, [], {
    asOf: knownAt('f'),
    kind: 'f.kind = @kind',
    cursorCommit: '(f.commit_pos, f.prepare_pos) < (@cursorCommit, @cursorPrepare)',
  });
  const rows = await db.all<{ commit_pos: number; prepare_pos: number; doc: string }>(
    `SELECT f.commit_pos, f.prepare_pos, f.doc FROM ${t.rm_feed} f
     WHERE ${where}
     ORDER BY f.commit_pos DESC, f.prepare_pos DESC
     LIMIT @limit`,
    params,
  );
  return toPage(
    rows,
    filter.limit,
    (r) => [String(r.commit_pos), String(r.prepare_pos)],
    (r) => JSON.parse(r.doc) as FeedItem,
  );
}

/** Items recorded after `position` (commit, prepare), oldest first: what a live client missed. */
export async function feedAfter(
  db: SqlSession,
  t: Tables,
  commit: bigint,
  prepare: bigint,
  limit = 500,
): Promise<FeedItem[]> {
  const rows = await db.all<{ doc: string }>(
    `SELECT f.doc FROM ${t.rm_feed} f
     WHERE (f.commit_pos, f.prepare_pos) > (@commit, @prepare)
     ORDER BY f.commit_pos, f.prepare_pos
     LIMIT @limit`,
    { commit, prepare, limit },
  );
  return rows.map((r) => JSON.parse(r.doc) as FeedItem);
}
