import type Database from 'better-sqlite3';

/** Filters of the export-controls timeline; dates are inclusive `YYYY-MM-DD`. */
export interface ExportControlsTimelineFilter {
  list?: string;
  country?: string;
  from?: string;
  to?: string;
}

/** One day on which listings changed. */
export interface ExportControlsDay {
  date: string;
  added: number;
  removed: number;
  /** Entities listed at the end of the day, counting changes before `from` too. */
  cumulative: number;
}

/** Per-day additions, removals and the running total, on effective dates. */
export function exportControlsTimeline(
  db: Database.Database,
  filter: ExportControlsTimelineFilter,
): ExportControlsDay[] {
  const where = ['(@list IS NULL OR list = @list)', '(@country IS NULL OR country = @country)'];
  const params = {
    list: filter.list ?? null,
    country: filter.country ?? null,
    from: filter.from ?? null,
    to: filter.to ?? null,
  };
  const base = db
    .prepare<typeof params, { total: number | null }>(
      `SELECT sum(added) - sum(removed) AS total FROM rm_export_control_changes
       WHERE ${where.join(' AND ')} AND @from IS NOT NULL AND day < @from`,
    )
    .get(params);
  const rows = db
    .prepare<typeof params, { day: string; added: number; removed: number }>(
      `SELECT day, sum(added) AS added, sum(removed) AS removed FROM rm_export_control_changes
       WHERE ${where.join(' AND ')} AND (@from IS NULL OR day >= @from) AND (@to IS NULL OR day <= @to)
       GROUP BY day ORDER BY day`,
    )
    .all(params);
  let cumulative = base?.total ?? 0;
  return rows.map((row) => {
    cumulative += row.added - row.removed;
    return { date: row.day, added: row.added, removed: row.removed, cumulative };
  });
}
