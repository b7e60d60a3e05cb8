import { asOfParam, versionAt, whereSet } from '../as-of';
import { decodeCursor, type Page, toPage } from '../pagination';
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
export async function listStatements(
  db: SqlSession,
  t: Tables,
  filter: StatementsFilter,
): Promise<Page<StatementView>> {
  const cursor = filter.cursor ? decodeCursor(filter.cursor) : undefined;
  const params = {
    speaker: filter.speaker?.toLowerCase() ?? null,
    topic: filter.topic ? `%\n${filter.topic.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}\n%` : null,
    country: filter.country ?? null,
    from: filter.from ? new Date(filter.from).toISOString() : null,
    toExclusive: filter.to ? new Date(Date.parse(filter.to.slice(0, 10)) + 86_400_000).toISOString() : null,
    asOf: asOfParam(filter.asOf),
    cursorKey: cursor?.sortKey ?? null,
    cursorId: cursor?.id ?? null,
    limit: filter.limit + 1,
  };
  const where = whereSet(params, [versionAt('s', params.asOf), "s.status = 'recorded'"], {
    speaker: 's.speaker_key = @speaker',
    country: 's.country = @country',
    topic: "s.topics_key LIKE @topic ESCAPE '\\'",
    from: 's.occurred_at >= @from',
    toExclusive: 's.occurred_at < @toExclusive',
    cursorKey: '(s.occurred_at, s.statement_id) < (@cursorKey, @cursorId)',
  });
  const rows = await db.all<{ statement_id: string; occurred_at: string; doc: string }>(
    `SELECT s.statement_id, s.occurred_at, s.doc FROM ${t.rm_statements} s
     WHERE ${where}
     ORDER BY s.occurred_at DESC, s.statement_id DESC
     LIMIT @limit`,
    params,
  );
  return toPage(
    rows,
    filter.limit,
    (r) => [r.occurred_at, r.statement_id],
    (r) => JSON.parse(r.doc) as StatementView,
  );
}
