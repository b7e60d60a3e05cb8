import type {
  EscalationSignalEvent,
  EscalationSignalRecorded,
} from '@tracker/domain/escalation-signal/escalation-signal.decider';
import type { Projection } from '../projection';
import { weightedSeverityMilli } from './escalation-index';
import { reportDate } from './report-date';

const DAY_TOTALS = {
  update: ['report_date', 'region'],
  combine: {
    signals: 'sum',
    aircraft: 'sum',
    median_line_crossings: 'sum',
    navy_vessels: 'sum',
    coast_guard_vessels: 'sum',
    balloons: 'sum',
    max_severity: 'max',
    weighted_severity_milli: 'sum',
  },
} as const;

/** A signal as lists show it: the recorded facts, the local day it counts on, and when we stored it. */
export type EscalationSignalView = Omit<EscalationSignalRecorded['data'], 'signalId'> & {
  id: string;
  streamId: string;
  revision: number;
  recordedAt: string;
  /** Local date (`YYYY-MM-DD`, in `timeZone`) on which the observation window ends. */
  reportDate: string;
  timeZone: string;
};

/**
 * One row per signal, append-only: the list reads `doc`; `recorded_at` carries the as-of
 * convention (`knownAt`). The metrics are also summed per report date and region, which the
 * escalation timeline reads unless it is asked for a past `asOf` (then it sums the signal rows).
 */
export const escalationSignalsProjection: Projection<EscalationSignalEvent> = {
  name: 'escalation-signals',
  version: 4,
  tables: ['rm_escalation_signals', 'rm_escalation_days'],
  eventTypes: ['EscalationSignalRecorded'],
  // `goldstein` is DOUBLE PRECISION, not REAL: REAL is 4 bytes in PostgreSQL (8 in SQLite, where
  // DOUBLE PRECISION has the same REAL affinity), so −7.2 would come back as −7.19999980926….
  schema: (t) => `
    CREATE TABLE IF NOT EXISTS ${t.rm_escalation_signals} (
      signal_id             TEXT PRIMARY KEY,
      region                TEXT NOT NULL,
      kind                  TEXT NOT NULL,
      report_date           TEXT NOT NULL,
      observed_to           TEXT NOT NULL,
      severity              INTEGER NOT NULL,
      goldstein             DOUBLE PRECISION,
      aircraft              INTEGER NOT NULL,
      median_line_crossings INTEGER NOT NULL,
      navy_vessels          INTEGER NOT NULL,
      coast_guard_vessels   INTEGER NOT NULL,
      balloons              INTEGER NOT NULL,
      weighted_severity_milli INTEGER NOT NULL,
      recorded_at           TEXT NOT NULL,
      doc                   TEXT NOT NULL
    );
    CREATE TABLE IF NOT EXISTS ${t.rm_escalation_days} (
      report_date           TEXT NOT NULL,
      region                TEXT NOT NULL,
      signals               INTEGER NOT NULL,
      aircraft              INTEGER NOT NULL,
      median_line_crossings INTEGER NOT NULL,
      navy_vessels          INTEGER NOT NULL,
      coast_guard_vessels   INTEGER NOT NULL,
      balloons              INTEGER NOT NULL,
      max_severity          INTEGER NOT NULL,
      weighted_severity_milli INTEGER NOT NULL,
      PRIMARY KEY (report_date, region)
    );`,
  indexes: (t) => [
    `CREATE INDEX IF NOT EXISTS ${t.rm_escalation_signals}_day ON ${t.rm_escalation_signals} (report_date, region)`,
    `CREATE INDEX IF NOT EXISTS ${t.rm_escalation_signals}_order ON ${t.rm_escalation_signals} (observed_to DESC, signal_id DESC)`,
  ],
  async apply(tx, event, t) {
    if (event.type !== 'EscalationSignalRecorded') return;
    const { signalId, ...facts } = event.data;
    const { date, timeZone } = reportDate(facts.region, facts.observedTo);
    const recordedAt = event.recordedAt.toISOString();
    const view: EscalationSignalView = {
      id: signalId,
      streamId: event.streamId,
      revision: Number(event.revision),
      recordedAt,
      reportDate: date,
      timeZone,
      ...facts,
    };
    const m = facts.metrics ?? {};
    // The decider refuses a second signal with the same id, so a plain INSERT (a duplicate fails the batch).
    const totals = {
      aircraft: m.aircraft ?? 0,
      median_line_crossings: m.medianLineCrossings ?? 0,
      navy_vessels: m.navyVessels ?? 0,
      coast_guard_vessels: m.coastGuardVessels ?? 0,
      balloons: m.balloons ?? 0,
      weighted_severity_milli: weightedSeverityMilli(facts.severity, facts.goldstein),
    };
    tx.insert(t.rm_escalation_signals, {
      signal_id: signalId,
      region: facts.region,
      kind: facts.kind,
      report_date: date,
      observed_to: new Date(facts.observedTo).toISOString(),
      severity: facts.severity,
      goldstein: facts.goldstein ?? null,
      ...totals,
      recorded_at: recordedAt,
      doc: JSON.stringify(view),
    });
    tx.insert(
      t.rm_escalation_days,
      { report_date: date, region: facts.region, signals: 1, max_severity: facts.severity, ...totals },
      { onConflict: DAY_TOTALS },
    );
  },
};
