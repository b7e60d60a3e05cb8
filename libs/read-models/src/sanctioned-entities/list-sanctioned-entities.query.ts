import type Database from 'better-sqlite3';
import { decodeCursor, type Page, toPage } from '../pagination';
import type { SanctionedEntityView } from './sanctioned-entities.projection';

/** Filters of the registry; `q` matches names and aliases. */
export interface SanctionedEntitiesFilter {
  list?: string;
  country?: string;
  q?: string;
  limit: number;
  cursor?: string;
}

/** Most recently effective first, keyset-paginated. */
export function listSanctionedEntities(
  db: Database.Database,
  filter: SanctionedEntitiesFilter,
): Page<SanctionedEntityView> {
  const cursor = filter.cursor ? decodeCursor(filter.cursor) : undefined;
  const params = {
    list: filter.list ?? null,
    country: filter.country ?? null,
    q: filter.q ? `%${filter.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null,
    cursorKey: cursor?.sortKey ?? null,
    cursorId: cursor?.id ?? null,
    limit: filter.limit + 1,
  };
  const rows = db
    .prepare<typeof params, { entity_id: string; effective_from: string; doc: string }>(
      `SELECT entity_id, effective_from, doc FROM rm_sanctioned_entities
       WHERE (@list IS NULL OR list = @list)
         AND (@country IS NULL OR country = @country)
         AND (@q IS NULL OR search_text LIKE @q ESCAPE '\\')
         AND (@cursorKey IS NULL OR (effective_from, entity_id) < (@cursorKey, @cursorId))
       ORDER BY effective_from DESC, entity_id DESC
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
