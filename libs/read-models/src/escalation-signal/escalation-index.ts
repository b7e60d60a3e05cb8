/** Per-day totals an escalation index is computed from. */
export interface EscalationDayTotals {
  /** Σ over the day's signals of severity × (1 + max(0, −goldstein) / 10), in thousandths (`weightedSeverityMilli`). */
  weightedSeverityMilli: number;
  aircraft: number;
  medianLineCrossings: number;
  navyVessels: number;
  coastGuardVessels: number;
  balloons: number;
}

/**
 * Escalation index of one day, deterministic and unbounded above, 0 on a quiet day:
 *
 *   index = Σ_signals severity × (1 + max(0, −goldstein) / 10)
 *         + aircraft / 10 + medianLineCrossings / 5 + (navyVessels + coastGuardVessels) / 5 + balloons / 10
 *
 * rounded to two decimals. The analyst's severity (1–5) is the core; a conflictual CAMEO code
 * amplifies it by up to ×2 (150 show of force −7.2 → ×1.72, 191 blockade −9.5 → ×1.95), while a
 * cooperative or neutral code leaves it as is (a de-escalating act is not negative escalation).
 * Physical volume adds on top: ten aircraft weigh one point; a median-line crossing adds 0.2 to
 * the 0.1 it already counts as an aircraft, since crossing is the escalatory act; a ship-day weighs
 * 0.2 (two sorties); a balloon 0.1. The 24 May 2024 MND report (49 aircraft, 35 crossings, 19 navy,
 * 7 coast guard) coded 150 at severity 5 scores 8.6 + 4.9 + 7 + 5.2 = 25.7.
 */
export function escalationIndex(day: EscalationDayTotals): number {
  const raw =
    day.weightedSeverityMilli / 1000 +
    day.aircraft / 10 +
    day.medianLineCrossings / 5 +
    (day.navyVessels + day.coastGuardVessels) / 5 +
    day.balloons / 10;
  return Math.round(raw * 100) / 100;
}

/**
 * The per-signal term of `escalationIndex` in exact thousandths: severity amplified by a
 * conflictual Goldstein weight (one decimal), as an integer. Read models add these per day, and
 * integer sums are the same whatever the order and batching of the additions, where float sums
 * differ in the last digits (so a replay would not equal the live table).
 */
export function weightedSeverityMilli(severity: number, goldstein: number | null | undefined): number {
  return Math.round(severity * (1000 + Math.max(0, -(goldstein ?? 0)) * 100));
}
