import type {
  DiplomaticEngagementEvent,
  DiplomaticEngagementRecorded,
} from '@tracker/domain/diplomatic-engagement/diplomatic-engagement.decider';
import type { SqliteProjection } from '../projection';

/** An engagement as lists show it: the recorded facts plus where and when we stored them. */
export type DiplomaticEngagementView = Omit<DiplomaticEngagementRecorded['data'], 'engagementId'> & {
  id: string;
  streamId: string;
  revision: number;
  recordedAt: string;
};

/** Engagements list (append-only rows, read with `knownAt`), with participants for filters. */
export const diplomaticEngagementsProjection: SqliteProjection<DiplomaticEngagementEvent> = {
  name: 'diplomatic-engagements',
  version: 1,
  tables: ['rm_diplomatic_engagements', 'rm_diplomatic_engagement_participants'],
  schema: `
    CREATE TABLE IF NOT EXISTS rm_diplomatic_engagements (
      engagement_id TEXT PRIMARY KEY,
      kind          TEXT NOT NULL,
      starts_on     TEXT NOT NULL,
      ends_on       TEXT NOT NULL,
      recorded_at   TEXT NOT NULL,
      doc           TEXT NOT NULL
    );
    CREATE INDEX IF NOT EXISTS rm_diplomatic_engagements_order ON rm_diplomatic_engagements (starts_on DESC, engagement_id DESC);
    CREATE TABLE IF NOT EXISTS rm_diplomatic_engagement_participants (
      engagement_id TEXT NOT NULL,
      position      INTEGER NOT NULL,
      name          TEXT NOT NULL,
      country       TEXT NOT NULL,
      PRIMARY KEY (engagement_id, position)
    );
    CREATE INDEX IF NOT EXISTS rm_diplomatic_engagement_participants_country
      ON rm_diplomatic_engagement_participants (country, engagement_id);`,
  apply(db, event) {
    if (event.type !== 'DiplomaticEngagementRecorded') return;
    const { engagementId, ...facts } = event.data;
    const view: DiplomaticEngagementView = {
      id: engagementId,
      streamId: event.streamId,
      revision: Number(event.revision),
      recordedAt: event.recordedAt.toISOString(),
      ...facts,
    };
    db.prepare(
      `INSERT INTO rm_diplomatic_engagements (engagement_id, kind, starts_on, ends_on, recorded_at, doc)
       VALUES (?, ?, ?, ?, ?, ?)`,
    ).run(engagementId, facts.kind, facts.startsOn, facts.endsOn, view.recordedAt, JSON.stringify(view));
    const participant = db.prepare(
      `INSERT INTO rm_diplomatic_engagement_participants (engagement_id, position, name, country)
       VALUES (?, ?, ?, ?)`,
    );
    facts.participants.forEach((p, i) => participant.run(engagementId, i, p.name.toLowerCase(), p.country));
  },
};
