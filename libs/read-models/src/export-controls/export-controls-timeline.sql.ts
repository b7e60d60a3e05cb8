import { asOfParam, knownAt, whereSet } from '../as-of';
import type { Tables } from '../projection';
import { ALL } from './export-controls.projection';
import type { SqlSession } from '../store/read-model-store';

/** Filters of the export-controls timeline; dates are inclusive `YYYY-MM-DD`, `asOf` a recorded-time cut-off. */
export interface ExportControlsTimelineFilter {
  list?: string;
  country?: string;
  from?: string;
  to?: string;
  asOf?: string;
}

/** One day on which listings changed. */
export interface ExportControlsDay {
  date: string;
  added: number;
  removed: number;
  /** Entities listed at the end of the day (named listings), counting changes before `from` too. */
  cumulative: number;
  /** Listings announced by rules that published only counts. */
  announced: number;
  announcedCumulative: number;
}

interface Sums {
  added: number;
  removed: number;
  announced: number;
}

/**
 * Per-day additions, removals, announced counts and running totals, on effective dates. Reads
 * the per-day totals; as of a past time it sums the change rows recorded by then instead.
 */
export async function exportControlsTimeline(
  db: SqlSession,
  t: Tables,
  filter: ExportControlsTimelineFilter,
): Promise<ExportControlsDay[]> {
  const params = {
    list: filter.list ?? null,
    country: filter.country ?? null,
    from: filter.from ?? null,
    to: filter.to ?? null,
    asOf: asOfParam(filter.asOf),
  };
  // Per-day totals have a row per day for each list and country and for all of them (`ALL`).
  const totals = !params.asOf;
  const table = totals ? t.rm_export_control_days : t.rm_export_control_changes;
  if (totals) Object.assign(params, { list: params.list ?? ALL, country: params.country ?? ALL });
  const filters = { list: 'c.list = @list', country: 'c.country = @country', asOf: knownAt('c') };
  // CAST … AS INTEGER: PostgreSQL's sum of integers is a BIGINT, which must come back as a number on both stores.
  const sums = ['added', 'removed', 'announced']
    .map((column) => `CAST(coalesce(sum(c.${column}), 0) AS INTEGER) AS ${column}`)
    .join(', ');
  const base: Sums = params.from
    ? (await db.get<Sums>(
        `SELECT ${sums} FROM ${table} c WHERE ${whereSet(params, ['c.day < @from'], filters)}`,
        params,
      ))!
    : { added: 0, removed: 0, announced: 0 };
  const where = whereSet(params, [], { ...filters, from: 'c.day >= @from', to: 'c.day <= @to' });
  // The totals hold exactly one row per day for a list and country (or `ALL`): read in key order, nothing to add up.
  const rows = await db.all<Sums & { day: string }>(
    totals
      ? `SELECT c.day, c.added, c.removed, c.announced FROM ${table} c WHERE ${where} ORDER BY c.day`
      : `SELECT c.day, ${sums} FROM ${table} c WHERE ${where} GROUP BY c.day ORDER BY c.day`,
    params,
  );
  let cumulative = base.added - base.removed;
  let announcedCumulative = base.announced;
  return rows.map((row) => {
    cumulative += row.added - row.removed;
    announcedCumulative += row.announced;
    return {
      date: row.day,
      added: row.added,
      removed: row.removed,
      cumulative,
      announced: row.announced,
      announcedCumulative,
    };
  });
}
