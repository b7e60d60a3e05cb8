import type { StatementEvent, StatementRecorded } from '@tracker/domain/statement/statement.decider';
import type { SqliteProjection } from '../projection';
import { closeVersion, currentDoc, insertVersion } from '../versioned-rows';

/** A statement as lists show it: the facts as last corrected, plus where and when we stored them. */
export type StatementView = Omit<StatementRecorded['data'], 'statementId'> & {
  id: string;
  streamId: string;
  revision: number;
  status: 'recorded' | 'retracted';
  recordedAt: string;
  /** Every correction so far, oldest first. */
  corrections: { reason: string; recordedAt: string; fields: string[] }[];
  retraction?: { reason: string; recordedAt: string };
};

/** Statements, one version per change, so lists answer as of any recorded time. */
export const statementsProjection: SqliteProjection<StatementEvent> = {
  name: 'statements',
  version: 2,
  tables: ['rm_statements'],
  schema: `
    CREATE TABLE IF NOT EXISTS rm_statements (
      statement_id  TEXT NOT NULL,
      recorded_from TEXT NOT NULL,
      recorded_to   TEXT,
      status        TEXT NOT NULL,
      speaker       TEXT NOT NULL COLLATE NOCASE,
      country       TEXT NOT NULL,
      occurred_at   TEXT NOT NULL,
      doc           TEXT NOT NULL
    );
    CREATE INDEX IF NOT EXISTS rm_statements_current ON rm_statements (recorded_to, occurred_at DESC, statement_id DESC);
    CREATE INDEX IF NOT EXISTS rm_statements_id ON rm_statements (statement_id, recorded_to);`,
  apply(db, event) {
    const recordedAt = event.recordedAt.toISOString();
    const base = { streamId: event.streamId, revision: Number(event.revision) };
    let view: StatementView;
    switch (event.type) {
      case 'StatementRecorded': {
        const { statementId, ...facts } = event.data;
        view = { id: statementId, ...base, status: 'recorded', recordedAt, corrections: [], ...facts };
        break;
      }
      case 'StatementCorrected': {
        const current = currentDoc<StatementView>(db, 'rm_statements', 'statement_id', event.data.statementId);
        if (!current) return;
        const { reason, changes } = event.data;
        const corrections = [...current.corrections, { reason, recordedAt, fields: Object.keys(changes) }];
        view = { ...current, ...changes, ...base, corrections };
        break;
      }
      case 'StatementRetracted': {
        const current = currentDoc<StatementView>(db, 'rm_statements', 'statement_id', event.data.statementId);
        if (!current) return;
        view = { ...current, ...base, status: 'retracted', retraction: { reason: event.data.reason, recordedAt } };
        break;
      }
      default:
        return;
    }
    closeVersion(db, 'rm_statements', 'statement_id', view.id, recordedAt);
    insertVersion(db, 'rm_statements', {
      statement_id: view.id,
      recorded_from: recordedAt,
      recorded_to: null,
      status: view.status,
      speaker: view.speaker,
      country: view.country,
      occurred_at: new Date(view.occurredAt).toISOString(),
      doc: JSON.stringify(view),
    });
  },
};
