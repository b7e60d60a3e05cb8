import { asOfParam, knownAt, whereSet } from '../as-of';
import { decodeCursor, type Page, toPage } from '../pagination';
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
export async function listDiplomaticEngagements(
  db: SqlSession,
  t: Tables,
  filter: DiplomaticEngagementsFilter,
): Promise<Page<DiplomaticEngagementView>> {
  const cursor = filter.cursor ? decodeCursor(filter.cursor) : undefined;
  const params = {
    kind: filter.kind ?? null,
    participant: filter.participant
      ? `%${filter.participant.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`
      : null,
    country: filter.country ?? null,
    from: filter.from?.slice(0, 10) ?? null,
    to: filter.to?.slice(0, 10) ?? null,
    asOf: asOfParam(filter.asOf),
    cursorKey: cursor?.sortKey ?? null,
    cursorId: cursor?.id ?? null,
    limit: filter.limit + 1,
  };
  const where = whereSet(params, [], {
    asOf: knownAt('e'),
    kind: 'e.kind = @kind',
    participant: `EXISTS (SELECT 1 FROM ${t.rm_diplomatic_engagement_participants} p
         WHERE p.engagement_id = e.engagement_id AND p.name LIKE @participant ESCAPE '\\')`,
    country: `EXISTS (SELECT 1 FROM ${t.rm_diplomatic_engagement_participants} p
         WHERE p.engagement_id = e.engagement_id AND p.country = @country)`,
    from: 'e.ends_on >= @from',
    to: 'e.starts_on <= @to',
    cursorKey: '(e.starts_on, e.engagement_id) < (@cursorKey, @cursorId)',
  });
  const rows = await db.all<{ engagement_id: string; starts_on: string; doc: string }>(
    `SELECT e.engagement_id, e.starts_on, e.doc FROM ${t.rm_diplomatic_engagements} e
     WHERE ${where}
     ORDER BY e.starts_on DESC, e.engagement_id DESC
     LIMIT @limit`,
    params,
  );
  return toPage(
    rows,
    filter.limit,
    (r) => [r.starts_on, r.engagement_id],
    (r) => JSON.parse(r.doc) as DiplomaticEngagementView,
  );
}
