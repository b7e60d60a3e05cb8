import type { StatementRecorded } from '@tracker/domain/statement/statement.decider';
import type { SqliteProjection } from '../projection';

/** A statement as lists show it: the recorded facts plus where and when we stored them. */
export type StatementView = Omit<StatementRecorded['data'], 'statementId'> & {
  id: string;
  streamId: string;
  revision: number;
  recordedAt: string;
};

/** Statements list: the view as a JSON document, with the columns that filters and order need. */
export const statementsProjection: SqliteProjection = {
  name: 'statements',
  version: 1,
  tables: ['rm_statements', 'rm_statement_topics'],
  schema: `
    CREATE TABLE IF NOT EXISTS rm_statements (
      statement_id TEXT PRIMARY KEY,
      speaker      TEXT NOT NULL COLLATE NOCASE,
      country      TEXT NOT NULL,
      occurred_at  TEXT NOT NULL,
      doc          TEXT NOT NULL
    );
    CREATE INDEX IF NOT EXISTS rm_statements_occurred ON rm_statements (occurred_at DESC, statement_id DESC);
    CREATE INDEX IF NOT EXISTS rm_statements_speaker ON rm_statements (speaker, occurred_at DESC);
    CREATE TABLE IF NOT EXISTS rm_statement_topics (
      statement_id TEXT NOT NULL,
      topic        TEXT NOT NULL COLLATE NOCASE,
      PRIMARY KEY (topic, statement_id)
    );`,
  apply(db, event) {
    if (event.type !== 'StatementRecorded') return;
    const { statementId, ...facts } = event.data;
    const view: StatementView = {
      id: statementId,
      streamId: event.streamId,
      revision: Number(event.revision),
      recordedAt: event.recordedAt.toISOString(),
      ...facts,
    };
    db.prepare(
      'INSERT INTO rm_statements (statement_id, speaker, country, occurred_at, doc) VALUES (?, ?, ?, ?, ?)',
    ).run(statementId, facts.speaker, facts.country, new Date(facts.occurredAt).toISOString(), JSON.stringify(view));
    const topic = db.prepare('INSERT OR IGNORE INTO rm_statement_topics (statement_id, topic) VALUES (?, ?)');
    for (const t of facts.topics) topic.run(statementId, t);
  },
};
