import type { AnchorDefined, AnchorEvent } from '@tracker/domain/anchor/anchor.decider';
import type { SqliteProjection } from '../projection';

/** An anchor as lists and timelines show it. */
export type AnchorView = AnchorDefined['data'] & {
  streamId: string;
  revision: number;
  recordedAt: string;
};

/** Key dates by name; append-only, so `recorded_at` alone answers "was it defined as of T". */
export const anchorsProjection: SqliteProjection<AnchorEvent> = {
  name: 'anchors',
  version: 1,
  tables: ['rm_anchors'],
  schema: `
    CREATE TABLE IF NOT EXISTS rm_anchors (
      name        TEXT PRIMARY KEY,
      date        TEXT NOT NULL,
      recorded_at TEXT NOT NULL,
      doc         TEXT NOT NULL
    );
    CREATE INDEX IF NOT EXISTS rm_anchors_order ON rm_anchors (date DESC, name DESC);`,
  apply(db, event) {
    if (event.type !== 'AnchorDefined') return;
    const view: AnchorView = {
      ...event.data,
      streamId: event.streamId,
      revision: Number(event.revision),
      recordedAt: event.recordedAt.toISOString(),
    };
    db.prepare('INSERT INTO rm_anchors (name, date, recorded_at, doc) VALUES (?, ?, ?, ?)').run(
      view.name,
      view.date,
      view.recordedAt,
      JSON.stringify(view),
    );
  },
};
