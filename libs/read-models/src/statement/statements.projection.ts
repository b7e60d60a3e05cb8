import type { StatementEvent, StatementRecorded } from '@tracker/domain/statement/statement.decider';
import type { Projection } from '../projection';
import { currentDoc, preloadCurrent, putVersion } from '../versioned-rows';

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
export const statementsProjection: Projection<StatementEvent> = {
  name: 'statements',
  version: 4,
  tables: ['rm_statements'],
  eventTypes: ['StatementRecorded', 'StatementCorrected', 'StatementRetracted'],
  schema: (t) => `
    CREATE TABLE IF NOT EXISTS ${t.rm_statements} (
      statement_id  TEXT NOT NULL,
      recorded_from TEXT NOT NULL,
      recorded_to   TEXT,
      status        TEXT NOT NULL,
      speaker_key   TEXT NOT NULL,
      country       TEXT NOT NULL,
      topics_key    TEXT NOT NULL,
      occurred_at   TEXT NOT NULL,
      doc           TEXT NOT NULL
    );
    CREATE INDEX IF NOT EXISTS ${t.rm_statements}_id ON ${t.rm_statements} (statement_id, recorded_to);`,
  indexes: (t) => [
    `CREATE INDEX IF NOT EXISTS ${t.rm_statements}_current ON ${t.rm_statements} (recorded_to, occurred_at, statement_id)`,
  ],
  prefetch: (tx, events, t) =>
    preloadCurrent(
      tx,
      t.rm_statements,
      'statement_id',
      events.flatMap((e) =>
        e.type === 'StatementCorrected' || e.type === 'StatementRetracted' ? [e.data.statementId] : [],
      ),
    ),
  async apply(tx, event, t) {
    const table = t.rm_statements;
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
        const current = await currentDoc<StatementView>(tx, table, 'statement_id', event.data.statementId);
        if (!current) return;
        const { reason, changes } = event.data;
        const corrections = [...current.corrections, { reason, recordedAt, fields: Object.keys(changes) }];
        view = { ...current, ...changes, ...base, corrections };
        break;
      }
      case 'StatementRetracted': {
        const current = await currentDoc<StatementView>(tx, table, 'statement_id', event.data.statementId);
        if (!current) return;
        view = { ...current, ...base, status: 'retracted', retraction: { reason: event.data.reason, recordedAt } };
        break;
      }
      default:
        return;
    }
    const row = {
      statement_id: view.id,
      recorded_from: recordedAt,
      status: view.status,
      speaker_key: view.speaker.toLowerCase(),
      country: view.country,
      // Newline-delimited so a topic filter is a portable LIKE, not a JSON function.
      topics_key: `\n${view.topics.map((topic) => topic.toLowerCase()).join('\n')}\n`,
      occurred_at: new Date(view.occurredAt).toISOString(),
      doc: view,
    };
    await putVersion(tx, table, 'statement_id', row, event.type === 'StatementRecorded');
  },
};
