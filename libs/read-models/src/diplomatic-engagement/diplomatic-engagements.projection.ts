import type {
  DiplomaticEngagementEvent,
  DiplomaticEngagementRecorded,
} from '@tracker/domain/diplomatic-engagement/diplomatic-engagement.decider';
import type { Projection } from '../projection';

/** An engagement as lists show it: the recorded facts plus where and when we stored them. */
export type DiplomaticEngagementView = Omit<DiplomaticEngagementRecorded['data'], 'engagementId'> & {
  id: string;
  streamId: string;
  revision: number;
  recordedAt: string;
};

/** Engagements list (append-only rows, read with `knownAt`), with participants for filters. */
export const diplomaticEngagementsProjection: Projection<DiplomaticEngagementEvent> = {
  name: 'diplomatic-engagements',
  version: 3,
  tables: ['rm_diplomatic_engagements', 'rm_diplomatic_engagement_participants'],
  eventTypes: ['DiplomaticEngagementRecorded'],
  schema: (t) => `
    CREATE TABLE IF NOT EXISTS ${t.rm_diplomatic_engagements} (
      engagement_id TEXT PRIMARY KEY,
      kind          TEXT NOT NULL,
      starts_on     TEXT NOT NULL,
      ends_on       TEXT NOT NULL,
      recorded_at   TEXT NOT NULL,
      doc           TEXT NOT NULL
    );
    CREATE TABLE IF NOT EXISTS ${t.rm_diplomatic_engagement_participants} (
      engagement_id TEXT NOT NULL,
      position      INTEGER NOT NULL,
      name          TEXT NOT NULL,
      country       TEXT NOT NULL,
      PRIMARY KEY (engagement_id, position)
    );`,
  indexes: (t) => [
    `CREATE INDEX IF NOT EXISTS ${t.rm_diplomatic_engagements}_order ON ${t.rm_diplomatic_engagements} (starts_on DESC, engagement_id DESC)`,
    `CREATE INDEX IF NOT EXISTS ${t.rm_diplomatic_engagement_participants}_country ON ${t.rm_diplomatic_engagement_participants} (country, engagement_id)`,
  ],
  async apply(tx, event, t) {
    if (event.type !== 'DiplomaticEngagementRecorded') return;
    const { engagementId, ...facts } = event.data;
    const view: DiplomaticEngagementView = {
      id: engagementId,
      streamId: event.streamId,
      revision: Number(event.revision),
      recordedAt: event.recordedAt.toISOString(),
      ...facts,
    };
    tx.insert(t.rm_diplomatic_engagements, {
      engagement_id: engagementId,
      kind: facts.kind,
      starts_on: facts.startsOn,
      ends_on: facts.endsOn,
      recorded_at: view.recordedAt,
      doc: JSON.stringify(view),
    });
    for (const [position, participant] of facts.participants.entries()) {
      tx.insert(t.rm_diplomatic_engagement_participants, {
        engagement_id: engagementId,
        position,
        name: participant.name.toLowerCase(),
        country: participant.country,
      });
    }
  },
};
