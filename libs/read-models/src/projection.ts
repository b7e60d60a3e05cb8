import type { DomainEvent } from '@tracker/domain/shared/decider';
import type { TrackerEvent } from '@tracker/domain/tracker-event';
import type { RecordedEvent } from '@tracker/event-store/event-store.port';
import type { ProjectionSession } from './projection-session';

/**
 * A recorded event whose `type` and `data` are typed as one of `E`. The runner hands every
 * event of `$all` to every projection, so `apply` must ignore types it does not know.
 */
export type ProjectedEvent<E extends DomainEvent = TrackerEvent> = Omit<RecordedEvent, 'type' | 'data'> & E;

/**
 * Logical table name → physical table of one generation (`rm_statements` → `rm_statements_g2`).
 * Rebuilds fill a new generation while the active one keeps serving, then switch atomically;
 * so projections and queries name every table and index through this map, never literally.
 */
export type Tables = Readonly<Record<string, string>>;

/** A read model fed from `$all`: named and versioned so it can be rebuilt from position 0. */
export interface Projection<E extends DomainEvent = TrackerEvent> {
  readonly name: string;
  /** Bump when the tables or the folding change: the runner then rebuilds it blue/green on start. */
  readonly version: number;
  /** Logical names of the tables it owns. */
  readonly tables: readonly string[];
  /** Portable DDL (see `store/read-model-store.ts`) for one generation's tables and the indexes `apply` reads through. */
  schema(t: Tables): string;
  /**
   * The indexes only queries use, one `CREATE INDEX IF NOT EXISTS` each. A generation filled
   * from position 0 gets them once it has caught up (one sorted build each, one at a time),
   * rather than maintaining them row by row.
   */
  indexes?(t: Tables): readonly string[];
  /**
   * Reads in bulk, before a batch is folded, what `apply` will look up for these events (see
   * `preloadCurrent`): one round trip per table instead of one per event. Optional, and only an
   * optimisation: `apply` must give the same answers without it.
   */
  prefetch?(tx: ProjectionSession, events: readonly ProjectedEvent<E>[], t: Tables): Promise<void>;
  /**
   * The event types `apply` acts on; omit it to be handed every event in a transaction. With
   * it, a live batch holding none of them opens no transaction: such events change nothing,
   * and the checkpoint moves past them with the next batch, or within a second.
   */
  readonly eventTypes?: readonly E['type'][];
  /** Folds one event inside the batch transaction that also moves the checkpoint (see `fold.ts`). */
  apply(tx: ProjectionSession, event: ProjectedEvent<E>, t: Tables): Promise<void>;
}

/** Physical table names of `projection`'s generation `generation`. */
export function tablesOf(projection: Pick<Projection<DomainEvent>, 'tables'>, generation: number): Tables {
  return Object.fromEntries(projection.tables.map((table) => [table, `${table}_g${generation}`]));
}

/** Every table and index of one generation: what a store that is queried straight away needs. */
export function fullSchema(projection: Pick<Projection<DomainEvent>, 'schema' | 'indexes'>, t: Tables): string {
  return [projection.schema(t).trim().replace(/;$/, ''), ...(projection.indexes?.(t) ?? [])].join(';\n');
}
