import { asOfParam, versionAt, whereSet } from '../as-of';
import { decodeCursor, type Page, toPage } from '../pagination';
import type { Tables } from '../projection';
import type { SqlSession } from '../store/read-model-store';
import type { SanctionedEntityView } from './sanctioned-entities.projection';

/** Filters of the registry; `q` matches names and aliases; `status` defaults to listed. */
export interface SanctionedEntitiesFilter {
  list?: string;
  country?: string;
  q?: string;
  status?: 'listed' | 'removed' | 'any';
  asOf?: string;
  limit: number;
  cursor?: string;
}

/** Most recently effective first, keyset-paginated. */
export async function listSanctionedEntities(
  db: SqlSession,
  t: Tables,
  filter: SanctionedEntitiesFilter,
): Promise<Page<SanctionedEntityView>> {
  const cursor = filter.cursor ? decodeCursor(filter.cursor) : undefined;
  const status = filter.status ?? 'listed';
  const params = {
    list: filter.list ?? null,
    country: filter.country ?? null,
    q: filter.q ? `%${filter.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null,
    status: status === 'any' ? null : status,
    asOf: asOfParam(filter.asOf),
    cursorKey: cursor?.sortKey ?? null,
    cursorId: cursor?.id ?? null,
    limit: filter.limit + 1,
  };
  const where = whereSet(params, [versionAt('e', params.asOf)], {
    status: 'e.status = @status',
    list: 'e.list = @list',
    country: 'e.country = @country',
    q: "e.search_text LIKE @q ESCAPE '\\'",
    cursorKey: '(e.effective_from, e.entity_id) < (@cursorKey, @cursorId)',
  });
  const rows = await db.all<{ entity_id: string; effective_from: string; doc: string }>(
    `SELECT e.entity_id, e.effective_from, e.doc FROM ${t.rm_sanctioned_entities} e
     WHERE ${where}
     ORDER BY e.effective_from DESC, e.entity_id DESC
     LIMIT @limit`,
    params,
  );
  return toPage(
    rows,
    filter.limit,
    (r) => [r.effective_from, r.entity_id],
    (r) => JSON.parse(r.doc) as SanctionedEntityView,
  );
}

/** One listing, current or as known at `asOf`; `undefined` if unknown then. */
export async function getSanctionedEntity(
  db: SqlSession,
  t: Tables,
  id: string,
  asOf: string | undefined,
): Promise<SanctionedEntityView | undefined> {
  const params = { id, asOf: asOfParam(asOf) };
  const where = whereSet(params, ['e.entity_id = @id', versionAt('e', params.asOf)], {});
  const row = await db.get<{ doc: string }>(`SELECT e.doc FROM ${t.rm_sanctioned_entities} e WHERE ${where}`, params);
  return row && (JSON.parse(row.doc) as SanctionedEntityView);
}
