import { findAnchor } from '../anchor/list-anchors.sql';
import { asOfParam, knownAt, whereSet } from '../as-of';
import type { Tables } from '../projection';
import type { SqlSession } from '../store/read-model-store';
import { escalationIndex } from './escalation-index';

/** Window around an anchor, in days, optionally one region, as known at `asOf`. */
export interface EscalationTimelineFilter {
  anchor: string;
  before: number;
  after: number;
  region?: string;
  asOf?: string;
}

/** One day of the window; all zeros on a quiet day. */
export interface EscalationDay {
  date: string;
  /** Days from the anchor date: negative before, 0 on it. */
  offset: number;
  signals: number;
  aircraft: number;
  medianLineCrossings: number;
  navyVessels: number;
  coastGuardVessels: number;
  balloons: number;
  /** Highest severity among the day's signals, 0 without any. */
  maxSeverity: number;
  /** See `escalationIndex`. */
  escalationIndex: number;
}

/** The timeline: the anchor and one entry per day from `date − before` to `date + after`. */
export interface EscalationTimeline {
  anchor: { name: string; date: string; title: string };
  days: EscalationDay[];
}

type DayRow = Omit<EscalationDay, 'offset' | 'escalationIndex'> & { weightedSeverityMilli: number };

const QUIET_DAY: Omit<DayRow, 'date'> = {
  signals: 0,
  aircraft: 0,
  medianLineCrossings: 0,
  navyVessels: 0,
  coastGuardVessels: 0,
  balloons: 0,
  maxSeverity: 0,
  weightedSeverityMilli: 0,
};

const DAY_MS = 86_400_000;
const shiftDate = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/**
 * Signals summed per report date around an anchor; `undefined` when the anchor is unknown as of
 * `asOf` (a later definition does not exist yet then). Signals recorded after `asOf` are not counted.
 * `t` maps both `rm_anchors` and `rm_escalation_signals` to their active generations.
 *
 * Aliases are quoted because PostgreSQL folds unquoted ones to lower case; sums and counts are
 * cast to INTEGER because PostgreSQL returns BIGINT for `count` and for `sum` of an INTEGER.
 */
export async function escalationTimeline(
  db: SqlSession,
  t: Tables,
  filter: EscalationTimelineFilter,
): Promise<EscalationTimeline | undefined> {
  const anchor = await findAnchor(db, t, filter.anchor, filter.asOf);
  if (!anchor) return undefined;
  const params = {
    first: shiftDate(anchor.date, -filter.before),
    last: shiftDate(anchor.date, filter.after),
    region: filter.region ?? null,
    asOf: asOfParam(filter.asOf),
  };
  // The per-day totals now; as of a past time, the signal rows recorded by then.
  const [table, signals, maxSeverity] = params.asOf
    ? [t.rm_escalation_signals, 'count(*)', 'max(s.severity)']
    : [t.rm_escalation_days, 'sum(s.signals)', 'max(s.max_severity)'];
  const where = whereSet(params, ['s.report_date BETWEEN @first AND @last'], {
    region: 's.region = @region',
    asOf: knownAt('s'),
  });
  const rows = await db.all<DayRow>(
    `SELECT s.report_date AS "date", CAST(${signals} AS INTEGER) AS "signals",
       CAST(sum(s.aircraft) AS INTEGER) AS "aircraft",
       CAST(sum(s.median_line_crossings) AS INTEGER) AS "medianLineCrossings",
       CAST(sum(s.navy_vessels) AS INTEGER) AS "navyVessels",
       CAST(sum(s.coast_guard_vessels) AS INTEGER) AS "coastGuardVessels",
       CAST(sum(s.balloons) AS INTEGER) AS "balloons",
       ${maxSeverity} AS "maxSeverity", CAST(sum(s.weighted_severity_milli) AS INTEGER) AS "weightedSeverityMilli"
     FROM ${table} s WHERE ${where}
     GROUP BY s.report_date`,
    params,
  );
  const byDate = new Map(rows.map((row) => [row.date, row]));
  const days: EscalationDay[] = [];
  // `0 - before`, not `-before`: a window with before=0 would otherwise start at -0.
  for (let offset = 0 - filter.before; offset <= filter.after; offset++) {
    const date = shiftDate(anchor.date, offset);
    const day = byDate.get(date) ?? QUIET_DAY;
    days.push({
      date,
      offset,
      signals: day.signals,
      aircraft: day.aircraft,
      medianLineCrossings: day.medianLineCrossings,
      navyVessels: day.navyVessels,
      coastGuardVessels: day.coastGuardVessels,
      balloons: day.balloons,
      maxSeverity: day.maxSeverity,
      escalationIndex: escalationIndex(day),
    });
  }
  return { anchor: { name: anchor.name, date: anchor.date, title: anchor.title }, days };
}
