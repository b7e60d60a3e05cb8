import type Database from 'better-sqlite3';
import { asOfParam, versionAt } from '../as-of';
import { decodeCursor, type Page, toPage } from '../pagination';
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
export function listStatements(db: Database.Database, filter: StatementsFilter): Page<StatementView> {
  const cursor = filter.cursor ? decodeCursor(filter.cursor) : undefined;
  const params = {
    speaker: filter.speaker ?? null,
    topic: filter.topic ?? null,
    country: filter.country ?? null,
    from: filter.from ? new Date(filter.from).toISOString() : null,
    toExclusive: filter.to ? new Date(Date.parse(filter.to.slice(0, 10)) + 86_400_000).toISOString() : null,
    asOf: asOfParam(filter.asOf),
    cursorKey: cursor?.sortKey ?? null,
    cursorId: cursor?.id ?? null,
    limit: filter.limit + 1,
  };
  const rows = db
    .prepare<typeof params, { statement_id: string; occurred_at: string; doc: string }>(
      `SELECT s.statement_id, s.occurred_at, s.doc FROM rm_statements s
       WHERE ${versionAt('s')} AND s.status = 'recorded'
         AND (@speaker IS NULL OR s.speaker = @speaker)
         AND (@country IS NULL OR s.country = @country)
         AND (@topic IS NULL OR EXISTS (SELECT 1 FROM json_each(s.doc, '$.topics') t WHERE t.value = @topic COLLATE NOCASE))
         AND (@from IS NULL OR s.occurred_at >= @from)
         AND (@toExclusive IS NULL OR s.occurred_at < @toExclusive)
         AND (@cursorKey IS NULL OR (s.occurred_at, s.statement_id) < (@cursorKey, @cursorId))
       ORDER BY s.occurred_at DESC, s.statement_id DESC
       LIMIT @limit`,
    )
    .all(params);
  return toPage(
    rows,
    filter.limit,
    (r) => [r.occurred_at, r.statement_id],
    (r) => JSON.parse(r.doc) as StatementView,
  );
}
