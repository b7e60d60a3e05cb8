import type { DomainEvent } from '@tracker/domain/shared/decider';
import { upcast } from '@tracker/domain/upcasting/upcast';
import type { RecordedEvent } from '@tracker/event-store/event-store.port';
import type { ProjectedEvent, Projection, Tables } from './projection';
import { ProjectionSession } from './projection-session';
import type { SqlSession } from './store/read-model-store';

/** Events folded in one transaction unless told otherwise: the runner's catch-up pages and a replay's batches. */
export const DEFAULT_BATCH_SIZE = 1000;

/**
 * Folds `events` (already upcast, in log order) through `projection` inside the transaction
 * `tx`, writing queued rows before returning: the one way every caller applies a batch.
 */
export async function foldBatch<E extends DomainEvent>(
  tx: SqlSession,
  projection: Projection<E>,
  events: readonly ProjectedEvent<E>[],
  t: Tables,
): Promise<void> {
  for (const event of events) if (UNREADABLE in event) throw event[UNREADABLE];
  const session = new ProjectionSession(tx);
  await projection.prefetch?.(session, events, t);
  for (const event of events) await projection.apply(session, event, t);
  await session.flush();
}

/** Where an event that could not be upcast carries its error, to fail (and be parked) when folded. */
const UNREADABLE = Symbol('unreadable');

/**
 * A recorded event brought to the current schema of its type, as projections see it. An event
 * no upcaster can read (an unknown schema version, data an upcaster chokes on) is returned as
 * stored, carrying the error: `foldBatch` throws it, so it is retried and parked like any event
 * a projection fails on, instead of stopping the page or subscription it came in.
 */
export function projected(event: RecordedEvent): ProjectedEvent<DomainEvent> {
  try {
    return upcast(event) as unknown as ProjectedEvent<DomainEvent>;
  } catch (error) {
    return { ...event, [UNREADABLE]: error } as unknown as ProjectedEvent<DomainEvent>;
  }
}
