import { asOfParam, knownAt } from '../as-of';
import { keysetPage, type Page } from '../pagination';
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
export function listEscalationSignals(
  db: SqlSession,
  t: Tables,
  filter: EscalationSignalsFilter,
): Promise<Page<EscalationSignalView>> {
  return keysetPage(db, filter, {
    table: t.rm_escalation_signals,
    alias: 's',
    sortKey: 'observed_to',
    id: 'signal_id',
    params: {
      region: filter.region ?? null,
      kind: filter.kind ?? null,
      from: filter.from ?? null,
      to: filter.to ?? null,
      asOf: asOfParam(filter.asOf),
    },
    when: {
      region: 's.region = @region',
      kind: 's.kind = @kind',
      from: 's.report_date >= @from',
      to: 's.report_date <= @to',
      asOf: knownAt('s'),
    },
  });
}
