import Database from 'better-sqlite3';
import type { TrackerEvent } from '@tracker/domain/tracker-event';
import type { ProjectedEvent, SqliteProjection } from '@tracker/read-models/projection';

let position = 0n;

/** Wraps domain events as recorded ones with increasing positions, as `$all` would deliver them. */
export function recorded(
  streamId: string,
  events: TrackerEvent[],
  recordedAt = new Date('2024-06-01T00:00:00Z'),
): ProjectedEvent[] {
  return events.map((event, revision) => {
    position += 1n;
    return {
      ...event,
      eventId: `00000000-0000-4000-8000-${position.toString().padStart(12, '0')}`,
      metadata: {},
      streamId,
      revision: BigInt(revision),
      position: { commit: position, prepare: position },
      recordedAt,
    } as ProjectedEvent;
  });
}

/** Given recorded events, folds them through `projection` into a fresh in-memory database and returns it for queries. */
export function givenProjected(projection: SqliteProjection, events: ProjectedEvent[]): Database.Database {
  const db = new Database(':memory:');
  db.exec(projection.schema);
  for (const event of events) projection.apply(db, event);
  return db;
}
