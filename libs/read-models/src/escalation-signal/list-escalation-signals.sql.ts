import { asOfParam, knownAt, whereSet } from '../as-of';
import { decodeCursor, type Page, toPage } from '../pagination';
import type { Tables } from '../projection';
import type { SqlSession } from '../store/read-model-store';
import type { EscalationSignalView } from './escalation-signals.projection';

/** Filters of the signals list; `from`/`to` are inclusive report dates `YYYY-MM-DD`, `asOf` a recorded-time cut-off. */
export interface EscalationSignalsFilter {
  region?: string;
  kind?: string;
  from?: string;
  to?: string;
  asOf?: string;
  limit: number;
  cursor?: string;
}

/** Newest first by the end of the observation window, keyset-paginated. */
export async function listEscalationSignals(
  db: SqlSession,
  t: Tables,
  filter: EscalationSignalsFilter,
): Promise<Page<EscalationSignalView>> {
  const cursor = filter.cursor ? decodeCursor(filter.cursor) : undefined;
  const params = {
    region: filter.region ?? null,
    kind: filter.kind ?? null,
    from: filter.from ?? null,
    to: filter.to ?? null,
    asOf: asOfParam(filter.asOf),
    cursorKey: cursor?.sortKey ?? null,
    cursorId: cursor?.id ?? null,
    limit: filter.limit + 1,
  };
  const where = whereSet(params, [], {
    region: 's.region = @region',
    kind: 's.kind = @kind',
    from: 's.report_date >= @from',
    to: 's.report_date <= @to',
    asOf: knownAt('s'),
    cursorKey: '(s.observed_to, s.signal_id) < (@cursorKey, @cursorId)',
  });
  const rows = await db.all<{ signal_id: string; observed_to: string; doc: string }>(
    `SELECT s.signal_id, s.observed_to, s.doc FROM ${t.rm_escalation_signals} s
     WHERE ${where}
     ORDER BY s.observed_to DESC, s.signal_id DESC
     LIMIT @limit`,
    params,
  );
  return toPage(
    rows,
    filter.limit,
    (r) => [r.observed_to, r.signal_id],
    (r) => JSON.parse(r.doc) as EscalationSignalView,
  );
}
