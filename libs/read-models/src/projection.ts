import type Database from 'better-sqlite3';
import type { DomainEvent } from '@tracker/domain/shared/decider';
import type { TrackerEvent } from '@tracker/domain/tracker-event';
import type { RecordedEvent } from '@tracker/event-store/event-store.port';

/**
 * A recorded event whose `type` and `data` are typed as one of `E`. The runner hands every
 * event of `$all` to every projection, so `apply` must ignore types it does not know.
 */
export type ProjectedEvent<E extends DomainEvent = TrackerEvent> = Omit<RecordedEvent, 'type' | 'data'> & E;

/** A read model fed from `$all`: named and versioned so it can be rebuilt from position 0. */
export interface SqliteProjection<E extends DomainEvent = TrackerEvent> {
  readonly name: string;
  /** Bump when the tables or the folding change; a stored older version is rebuilt on start. */
  readonly version: number;
  /** Tables it owns, dropped on rebuild. */
  readonly tables: readonly string[];
  /** Idempotent DDL creating `tables`. */
  readonly schema: string;
  /** Folds one event; runs inside the batch transaction that also moves the checkpoint. */
  apply(db: Database.Database, event: ProjectedEvent<E>): void;
}
