import { asOfParam, knownAt } from '../as-of';
import { containsPattern, likeCondition } from '../like';
import { keysetPage, type Page } from '../pagination';
import type { Tables } from '../projection';
import type { SqlSession } from '../store/read-model-store';
import type { DiplomaticEngagementView } from './diplomatic-engagements.projection';

/** Filters of the engagements list; `from`/`to` are inclusive dates an engagement must overlap. */
export interface DiplomaticEngagementsFilter {
  kind?: string;
  /** Text a participant's name contains, case-insensitive, e.g. `blinken`. */
  participant?: string;
  /** A participant's ISO 3166-1 alpha-2 country, upper case. */
  country?: string;
  from?: string;
  to?: string;
  /** Recorded-time cut-off: the list as the system knew it then. */
  asOf?: string;
  limit: number;
  cursor?: string;
}

/** Latest first by `startsOn`, keyset-paginated. */
export function listDiplomaticEngagements(
  db: SqlSession,
  t: Tables,
  filter: DiplomaticEngagementsFilter,
): Promise<Page<DiplomaticEngagementView>> {
  return keysetPage(db, filter, {
    table: t.rm_diplomatic_engagements,
    alias: 'e',
    sortKey: 'starts_on',
    id: 'engagement_id',
    params: {
      kind: filter.kind ?? null,
      participant: filter.participant ? containsPattern(filter.participant) : null,
      country: filter.country ?? null,
      from: filter.from?.slice(0, 10) ?? null,
      to: filter.to?.slice(0, 10) ?? null,
      asOf: asOfParam(filter.asOf),
    },
    when: {
      asOf: knownAt('e'),
      kind: 'e.kind = @kind',
      participant: `EXISTS (SELECT 1 FROM ${t.rm_diplomatic_engagement_participants} p
         WHERE p.engagement_id = e.engagement_id AND ${likeCondition('p.name', 'participant')})`,
      country: `EXISTS (SELECT 1 FROM ${t.rm_diplomatic_engagement_participants} p
         WHERE p.engagement_id = e.engagement_id AND p.country = @country)`,
      from: 'e.ends_on >= @from',
      to: 'e.starts_on <= @to',
    },
  });
}
