import type {
  EscalationSignalEvent,
  EscalationSignalRecorded,
} from '@tracker/domain/escalation-signal/escalation-signal.decider';
import type { SqliteProjection } from '../projection';
import { reportDate } from './report-date';

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
 * One row per signal, append-only: the list reads `doc`, the escalation timeline sums the metric
 * columns per `report_date`. `recorded_at` carries the as-of convention (`knownAt`).
 */
export const escalationSignalsProjection: SqliteProjection<EscalationSignalEvent> = {
  name: 'escalation-signals',
  version: 1,
  tables: ['rm_escalation_signals'],
  schema: `
    CREATE TABLE IF NOT EXISTS rm_escalation_signals (
      signal_id             TEXT PRIMARY KEY,
      region                TEXT NOT NULL,
      kind                  TEXT NOT NULL,
      report_date           TEXT NOT NULL,
      observed_to           TEXT NOT NULL,
      severity              INTEGER NOT NULL,
      goldstein             REAL,
      aircraft              INTEGER NOT NULL,
      median_line_crossings INTEGER NOT NULL,
      navy_vessels          INTEGER NOT NULL,
      coast_guard_vessels   INTEGER NOT NULL,
      balloons              INTEGER NOT NULL,
      recorded_at           TEXT NOT NULL,
      doc                   TEXT NOT NULL
    );
    CREATE INDEX IF NOT EXISTS rm_escalation_signals_day ON rm_escalation_signals (report_date, region);
    CREATE INDEX IF NOT EXISTS rm_escalation_signals_order ON rm_escalation_signals (observed_to DESC, signal_id DESC);`,
  apply(db, event) {
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
    db.prepare(
      `INSERT INTO rm_escalation_signals (signal_id, region, kind, report_date, observed_to, severity, goldstein,
         aircraft, median_line_crossings, navy_vessels, coast_guard_vessels, balloons, recorded_at, doc)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      signalId,
      facts.region,
      facts.kind,
      date,
      new Date(facts.observedTo).toISOString(),
      facts.severity,
      facts.goldstein ?? null,
      m.aircraft ?? 0,
      m.medianLineCrossings ?? 0,
      m.navyVessels ?? 0,
      m.coastGuardVessels ?? 0,
      m.balloons ?? 0,
      recordedAt,
      JSON.stringify(view),
    );
  },
};
