import { asOfParam, knownAt } from '../as-of';
import type { Tables } from '../projection';
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

/** Per-day additions, removals, announced counts and running totals, on effective dates. */
export async function exportControlsTimeline(
  db: SqlSession,
  t: Tables,
  filter: ExportControlsTimelineFilter,
): Promise<ExportControlsDay[]> {
  const where = `${knownAt('c')}
    AND (CAST(@list AS TEXT) IS NULL OR c.list = @list)
    AND (CAST(@country AS TEXT) IS NULL OR c.country = @country)`;
  const params = {
    list: filter.list ?? null,
    country: filter.country ?? null,
    from: filter.from ?? null,
    to: filter.to ?? null,
    asOf: asOfParam(filter.asOf),
  };
  // CAST … AS INTEGER: PostgreSQL's sum of integers is a BIGINT, which must come back as a number on both stores.
  const sums = ['added', 'removed', 'announced']
    .map((column) => `CAST(coalesce(sum(c.${column}), 0) AS INTEGER) AS ${column}`)
    .join(', ');
  const base = (await db.get<Sums>(
    `SELECT ${sums} FROM ${t.rm_export_control_changes} c
     WHERE ${where} AND CAST(@from AS TEXT) IS NOT NULL AND c.day < @from`,
    params,
  ))!;
  const rows = await db.all<Sums & { day: string }>(
    `SELECT c.day, ${sums} FROM ${t.rm_export_control_changes} c
     WHERE ${where} AND (CAST(@from AS TEXT) IS NULL OR c.day >= @from) AND (CAST(@to AS TEXT) IS NULL OR c.day <= @to)
     GROUP BY c.day ORDER BY c.day`,
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
