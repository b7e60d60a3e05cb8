import type Database from 'better-sqlite3';
import { asOfParam, knownAt } from '../as-of';

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

/** Per-day additions, removals, announced counts and running totals, on effective dates. */
export function exportControlsTimeline(
  db: Database.Database,
  filter: ExportControlsTimelineFilter,
): ExportControlsDay[] {
  const where = `${knownAt('c')}
    AND (@list IS NULL OR c.list = @list)
    AND (@country IS NULL OR c.country = @country)`;
  const params = {
    list: filter.list ?? null,
    country: filter.country ?? null,
    from: filter.from ?? null,
    to: filter.to ?? null,
    asOf: asOfParam(filter.asOf),
  };
  const sums =
    'coalesce(sum(c.added), 0) AS added, coalesce(sum(c.removed), 0) AS removed, coalesce(sum(c.announced), 0) AS announced';
  const base = db
    .prepare<typeof params, Sums>(
      `SELECT ${sums} FROM rm_export_control_changes c WHERE ${where} AND @from IS NOT NULL AND c.day < @from`,
    )
    .get(params)!;
  const rows = db
    .prepare<typeof params, Sums & { day: string }>(
      `SELECT c.day, ${sums} FROM rm_export_control_changes c
       WHERE ${where} AND (@from IS NULL OR c.day >= @from) AND (@to IS NULL OR c.day <= @to)
       GROUP BY c.day ORDER BY c.day`,
    )
    .all(params);
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
