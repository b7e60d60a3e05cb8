import Database from 'better-sqlite3';
import type { DomainEvent } from '@tracker/domain/shared/decider';
import type { ProjectedEvent, SqliteProjection } from '@tracker/read-models/projection';

let position = 0n;

/** Wraps domain events as recorded ones with increasing positions, as `$all` would deliver them. */
export function recorded<E extends DomainEvent>(
  streamId: string,
  events: E[],
  recordedAt = new Date('2024-06-01T00:00:00Z'),
): ProjectedEvent<E>[] {
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
    } as ProjectedEvent<E>;
  });
}

/** Given recorded events, folds them through `projection` into a fresh in-memory database and returns it for queries. */
export function givenProjected<E extends DomainEvent>(
  projection: SqliteProjection<E>,
  events: ProjectedEvent<E>[],
): Database.Database {
  const db = new Database(':memory:');
  db.exec(projection.schema);
  for (const event of events) projection.apply(db, event);
  return db;
}
