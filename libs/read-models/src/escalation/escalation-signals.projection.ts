import type {
  EscalationSignalEvent,
  EscalationSignalRecorded,
} from '@tracker/domain/escalation-signal/escalation-signal.decider';
import type { Projection } from '../projection';
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
export const escalationSignalsProjection: Projection<EscalationSignalEvent> = {
  name: 'escalation-signals',
  version: 2,
  tables: ['rm_escalation_signals'],
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
      recorded_at           TEXT NOT NULL,
      doc                   TEXT NOT NULL
    );
    CREATE INDEX IF NOT EXISTS ${t.rm_escalation_signals}_day ON ${t.rm_escalation_signals} (report_date, region);
    CREATE INDEX IF NOT EXISTS ${t.rm_escalation_signals}_order
      ON ${t.rm_escalation_signals} (observed_to DESC, signal_id DESC);`,
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
    await tx.run(
      `INSERT INTO ${t.rm_escalation_signals} (signal_id, region, kind, report_date, observed_to, severity, goldstein,
         aircraft, median_line_crossings, navy_vessels, coast_guard_vessels, balloons, recorded_at, doc)
       VALUES (@signalId, @region, @kind, @reportDate, @observedTo, @severity, @goldstein,
         @aircraft, @medianLineCrossings, @navyVessels, @coastGuardVessels, @balloons, @recordedAt, @doc)`,
      {
        signalId,
        region: facts.region,
        kind: facts.kind,
        reportDate: date,
        observedTo: new Date(facts.observedTo).toISOString(),
        severity: facts.severity,
        goldstein: facts.goldstein ?? null,
        aircraft: m.aircraft ?? 0,
        medianLineCrossings: m.medianLineCrossings ?? 0,
        navyVessels: m.navyVessels ?? 0,
        coastGuardVessels: m.coastGuardVessels ?? 0,
        balloons: m.balloons ?? 0,
        recordedAt,
        doc: JSON.stringify(view),
      },
    );
  },
};
