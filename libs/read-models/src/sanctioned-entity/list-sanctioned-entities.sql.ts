import { asOfParam, versionAt, whereSet } from '../as-of';
import { containsPattern, likeCondition } from '../like';
import { keysetPage, type Page } from '../pagination';
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
export function listSanctionedEntities(
  db: SqlSession,
  t: Tables,
  filter: SanctionedEntitiesFilter,
): Promise<Page<SanctionedEntityView>> {
  const status = filter.status ?? 'listed';
  const asOf = asOfParam(filter.asOf);
  return keysetPage(db, filter, {
    table: t.rm_sanctioned_entities,
    alias: 'e',
    sortKey: 'effective_from',
    id: 'entity_id',
    params: {
      list: filter.list ?? null,
      country: filter.country ?? null,
      q: filter.q ? containsPattern(filter.q) : null,
      status: status === 'any' ? null : status,
      asOf,
    },
    always: [versionAt('e', asOf)],
    when: {
      status: 'e.status = @status',
      list: 'e.list = @list',
      country: 'e.country = @country',
      q: likeCondition('e.search_text', 'q'),
    },
  });
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
