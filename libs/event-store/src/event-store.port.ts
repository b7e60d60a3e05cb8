/**
 * The one door to the event log. Shaped after EventStoreDB's semantics so that the
 * embedded SQLite store and the EventStoreDB adapter are interchangeable.
 */

/** Revision an append expects the stream to be at; `bigint` is the exact last revision. */
export type ExpectedRevision = 'no_stream' | 'stream_exists' | 'any' | bigint;

/** A global position in `$all`; totally ordered by (commit, prepare). */
export interface Position {
  readonly commit: bigint;
  readonly prepare: bigint;
}

/** JSON-serialisable event body or metadata. */
export type JsonObject = Record<string, unknown>;

/** An event as handed to `appendToStream`. */
export interface EventData<Type extends string = string, Data extends JsonObject = JsonObject> {
  readonly eventId: string;
  readonly type: Type;
  readonly data: Data;
  readonly metadata: JsonObject;
}

/** An event as read back from the log. */
export interface RecordedEvent<Type extends string = string, Data extends JsonObject = JsonObject> extends EventData<
  Type,
  Data
> {
  readonly streamId: string;
  readonly revision: bigint;
  readonly position: Position;
  /** When the store committed the event (server time). */
  readonly recordedAt: Date;
}

/** Outcome of a successful append. */
export interface AppendResult {
  readonly nextRevision: bigint;
  readonly position: Position;
}

/** Options for `appendToStream`. */
export interface AppendOptions {
  readonly expectedRevision: ExpectedRevision;
}

/** Direction of a read. */
export type Direction = 'forwards' | 'backwards';

/** Options for `readStream`. */
export interface ReadStreamOptions {
  readonly fromRevision?: bigint | 'start' | 'end';
  readonly direction?: Direction;
  readonly maxCount?: number;
}

/** Options for `readAll`. */
export interface ReadAllOptions {
  readonly fromPosition?: Position | 'start' | 'end';
  readonly direction?: Direction;
  readonly maxCount?: number;
}

/** Options for `subscribeToAll`. */
export interface SubscribeToAllOptions {
  /** Deliver events strictly after this position; from the beginning when absent. */
  readonly fromPosition?: Position;
  /** Ends the subscription; the iterator then finishes without error. */
  readonly signal?: AbortSignal;
}

/** Port implemented by every event store adapter. */
export interface EventStorePort {
  /** Appends atomically if the stream is at `expectedRevision`; else throws `ConcurrencyError` (`StorageFullError` when out of space, nothing written). Retrying the same event ids after the same revision is a no-op returning the first result. */
  appendToStream(streamId: string, events: readonly EventData[], options: AppendOptions): Promise<AppendResult>;
  /** Reads one stream; iterating a missing stream throws `StreamNotFoundError`. */
  readStream(streamId: string, options?: ReadStreamOptions): AsyncIterable<RecordedEvent>;
  /** Reads the global log in position order (user events only). */
  readAll(options?: ReadAllOptions): AsyncIterable<RecordedEvent>;
  /** Catches up from after `fromPosition`, then follows live appends until aborted or the consumer stops. */
  subscribeToAll(options?: SubscribeToAllOptions): AsyncIterable<RecordedEvent>;
  /** Cheap connectivity probe for health checks. */
  ping(): Promise<void>;
  /**
   * For readiness: rejects with `StorageFullError` while appends would fail for want of space
   * (a full disk), and resolves again once space is back. Reachable but not writable is a
   * state of its own, which `ping` cannot see.
   */
  checkWritable(): Promise<void>;
  /** Releases connections. */
  close(): Promise<void>;
}

/** DI token for the configured `EventStorePort`. */
export const EVENT_STORE = Symbol('EVENT_STORE');
