import { asOfParam, knownAt, whereSet } from '../as-of';
import { keysetPage, type Page } from '../pagination';
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
export function listAnchors(db: SqlSession, t: Tables, filter: AnchorsFilter): Promise<Page<AnchorView>> {
  return keysetPage(db, filter, {
    table: t.rm_anchors,
    alias: 'a',
    sortKey: 'date',
    id: 'name',
    params: { asOf: asOfParam(filter.asOf) },
    when: { asOf: knownAt('a') },
  });
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
