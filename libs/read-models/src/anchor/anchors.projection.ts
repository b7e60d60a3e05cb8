import type { AnchorDefined, AnchorEvent } from '@tracker/domain/anchor/anchor.decider';
import type { Projection } from '../projection';

/** An anchor as lists and timelines show it. */
export type AnchorView = AnchorDefined['data'] & {
  streamId: string;
  revision: number;
  recordedAt: string;
};

/** Key dates by name; append-only, so `recorded_at` alone answers "was it defined as of T". */
export const anchorsProjection: Projection<AnchorEvent> = {
  name: 'anchors',
  version: 3,
  tables: ['rm_anchors'],
  eventTypes: ['AnchorDefined'],
  schema: (t) => `
    CREATE TABLE IF NOT EXISTS ${t.rm_anchors} (
      name        TEXT PRIMARY KEY,
      date        TEXT NOT NULL,
      recorded_at TEXT NOT NULL,
      doc         TEXT NOT NULL
    );
    CREATE INDEX IF NOT EXISTS ${t.rm_anchors}_order ON ${t.rm_anchors} (date DESC, name DESC);`,
  async apply(tx, event, t) {
    if (event.type !== 'AnchorDefined') return;
    const view: AnchorView = {
      ...event.data,
      streamId: event.streamId,
      revision: Number(event.revision),
      recordedAt: event.recordedAt.toISOString(),
    };
    // The decider refuses a second definition of a name, so a plain INSERT (a duplicate fails the batch).
    tx.insert(t.rm_anchors, {
      name: view.name,
      date: view.date,
      recorded_at: view.recordedAt,
      doc: JSON.stringify(view),
    });
  },
};
