import type Database from 'better-sqlite3';
import { asOfParam, versionAt } from '../as-of';
import { decodeCursor, type Page, toPage } from '../pagination';
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
export function listSanctionedEntities(
  db: Database.Database,
  filter: SanctionedEntitiesFilter,
): Page<SanctionedEntityView> {
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
  const rows = db
    .prepare<typeof params, { entity_id: string; effective_from: string; doc: string }>(
      `SELECT e.entity_id, e.effective_from, e.doc FROM rm_sanctioned_entities e
       WHERE ${versionAt('e')}
         AND (@status IS NULL OR e.status = @status)
         AND (@list IS NULL OR e.list = @list)
         AND (@country IS NULL OR e.country = @country)
         AND (@q IS NULL OR e.search_text LIKE @q ESCAPE '\\')
         AND (@cursorKey IS NULL OR (e.effective_from, e.entity_id) < (@cursorKey, @cursorId))
       ORDER BY e.effective_from DESC, e.entity_id DESC
       LIMIT @limit`,
    )
    .all(params);
  return toPage(
    rows,
    filter.limit,
    (r) => [r.effective_from, r.entity_id],
    (r) => JSON.parse(r.doc) as SanctionedEntityView,
  );
}

/** One listing, current or as known at `asOf`; `undefined` if unknown then. */
export function getSanctionedEntity(
  db: Database.Database,
  id: string,
  asOf: string | undefined,
): SanctionedEntityView | undefined {
  const row = db
    .prepare<{ id: string; asOf: string | null }, { doc: string }>(
      `SELECT e.doc FROM rm_sanctioned_entities e WHERE e.entity_id = @id AND ${versionAt('e')}`,
    )
    .get({ id, asOf: asOfParam(asOf) });
  return row && (JSON.parse(row.doc) as SanctionedEntityView);
}
