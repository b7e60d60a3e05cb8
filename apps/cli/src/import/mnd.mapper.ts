import type {
  EscalationMetrics,
  EscalationSignalFacts,
} from '@tracker/domain/escalation-signal/escalation-signal.decider';
import { readCsv } from './csv-records';
import { isRecordDate } from '@tracker/domain/shared/calendar-date';
import { type RejectedRow, type RowRef } from './import-result';

/** Source publisher and page of Taiwan's daily PLA activity reports. */
export const MND_SOURCE = { publisher: 'Ministry of National Defense, ROC (Taiwan)', url: 'https://www.mnd.gov.tw/' };

/** One day's report, ready to record as an escalation signal. */
export interface MndReport extends RowRef {
  /** The report date (the day the 06:00–06:00 window ends). */
  readonly date: string;
  readonly facts: EscalationSignalFacts;
}

const METRIC_COLUMNS: Record<string, keyof EscalationMetrics> = {
  aircraft: 'aircraft',
  median_line_crossings: 'medianLineCrossings',
  navy_vessels: 'navyVessels',
  coast_guard_vessels: 'coastGuardVessels',
  balloons: 'balloons',
};

/**
 * Severity from the day's aircraft count when the file gives none: 1 below 10, 2 from 10, 3 from 20,
 * 4 from 30, 5 from 45 (the level of the May 2024 Joint Sword days, 49 and 62 aircraft).
 */
export function severityFromAircraft(aircraft: number): number {
  return aircraft >= 45 ? 5 : aircraft >= 30 ? 4 : aircraft >= 20 ? 3 : aircraft >= 10 ? 2 : 1;
}

/** The previous calendar day of `YYYY-MM-DD`. */
const dayBefore = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

/**
 * Maps `date,aircraft,median_line_crossings,navy_vessels,coast_guard_vessels,balloons[,note][,severity]`
 * to signals in `taiwan-strait`, observed from 06:00 (Asia/Taipei, +08:00) the day before to 06:00 on
 * the date. A blank count is "not reported"; kind is `exercise` when the note names an exercise or drill.
 */
export function mapMndCsv(text: string, file: string): { reports: MndReport[]; rejected: RejectedRow[] } {
  const { header, records } = readCsv(text);
  if (!header.includes('date') || !header.includes('aircraft')) {
    throw new Error('not an MND activity CSV: the header needs "date" and "aircraft" columns');
  }
  const reports: MndReport[] = [];
  const rejected: RejectedRow[] = [];
  for (const { values, problem, ...ref } of records) {
    const reject = (reason: string) => rejected.push({ ...ref, reason });
    const date = values.date?.trim() ?? '';
    if (problem) reject(problem);
    else if (!isRecordDate(date)) reject(`date "${date}" is not a date (YYYY-MM-DD)`);
    else {
      const metrics: EscalationMetrics = {};
      let bad: string | undefined;
      for (const [column, metric] of Object.entries(METRIC_COLUMNS)) {
        const cell = values[column]?.trim() ?? '';
        if (cell === '') continue;
        if (!/^\d+$/.test(cell)) bad ??= `${column} "${cell}" is not a whole number`;
        else metrics[metric] = Number(cell);
      }
      const severityCell = values.severity?.trim() ?? '';
      if (!bad && metrics.aircraft === undefined && severityCell === '')
        bad = 'aircraft is empty and no severity given';
      if (!bad && severityCell !== '' && !/^[1-5]$/.test(severityCell)) bad = `severity "${severityCell}" is not 1–5`;
      if (bad) {
        reject(bad);
        continue;
      }
      const note = values.note?.trim() || undefined;
      const facts: EscalationSignalFacts = {
        region: 'taiwan-strait',
        kind: note && /exercise|drill/i.test(note) ? 'exercise' : 'air',
        observedFrom: `${dayBefore(date)}T06:00:00+08:00`,
        observedTo: `${date}T06:00:00+08:00`,
        metrics,
        severity: severityCell ? Number(severityCell) : severityFromAircraft(metrics.aircraft ?? 0),
        ...(note ? { summary: note } : {}),
        source: { ...MND_SOURCE, citation: `${file} ${ref.at}` },
      };
      reports.push({ ...ref, date, facts });
    }
  }
  return { reports, rejected };
}
