import { asOfParam, versionAt } from '../as-of';
import { containsPattern, likeCondition } from '../like';
import { keysetPage, type Page } from '../pagination';
import type { Tables } from '../projection';
import type { SqlSession } from '../store/read-model-store';
import type { StatementView } from './statements.projection';

/** Filters of the statements list; `from`/`to` are inclusive dates, `asOf` a recorded-time cut-off. */
export interface StatementsFilter {
  speaker?: string;
  topic?: string;
  country?: string;
  from?: string;
  to?: string;
  asOf?: string;
  limit: number;
  cursor?: string;
}

/** Newest first by `occurredAt`, keyset-paginated; retracted statements are left out. */
export function listStatements(db: SqlSession, t: Tables, filter: StatementsFilter): Promise<Page<StatementView>> {
  const asOf = asOfParam(filter.asOf);
  return keysetPage(db, filter, {
    table: t.rm_statements,
    alias: 's',
    sortKey: 'occurred_at',
    id: 'statement_id',
    params: {
      speaker: filter.speaker?.toLowerCase() ?? null,
      // `topics_key` holds each topic on a line of its own: the whole line must match.
      topic: filter.topic ? containsPattern(`\n${filter.topic}\n`) : null,
      country: filter.country ?? null,
      from: filter.from ? new Date(filter.from).toISOString() : null,
      toExclusive: filter.to ? new Date(Date.parse(filter.to.slice(0, 10)) + 86_400_000).toISOString() : null,
      asOf,
    },
    always: [versionAt('s', asOf), "s.status = 'recorded'"],
    when: {
      speaker: 's.speaker_key = @speaker',
      country: 's.country = @country',
      topic: likeCondition('s.topics_key', 'topic'),
      from: 's.occurred_at >= @from',
      toExclusive: 's.occurred_at < @toExclusive',
    },
  });
}
