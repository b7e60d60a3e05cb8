import type { DomainEvent } from '@tracker/domain/shared/decider';
import { foldBatch } from '@tracker/read-models/fold';
import {
  fullSchema,
  type ProjectedEvent,
  type Projection,
  type Tables,
  tablesOf,
} from '@tracker/read-models/projection';
import type { ReadModelStore } from '@tracker/read-models/store/read-model-store';
import { SqliteReadModelStore } from '@tracker/read-models/store/sqlite-read-model-store';

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

/** A read-model store with one projection's tables (generation 1) folded from `events`, for queries. */
export interface Projected {
  db: ReadModelStore;
  t: Tables;
}

/** Given recorded events, folds them through `projection` into a fresh in-memory SQLite store (or `store`). */
export async function givenProjected<E extends DomainEvent>(
  projection: Projection<E>,
  events: ProjectedEvent<E>[],
  store: ReadModelStore = new SqliteReadModelStore(':memory:'),
): Promise<Projected> {
  const t = tablesOf(projection, 1);
  await store.exec(fullSchema(projection, t));
  await store.transaction((tx) => foldBatch(tx, projection, events, t));
  return { db: store, t };
}
