import {
  ANY,
  BACKWARDS,
  END,
  ErrorType,
  EventStoreDBClient,
  FORWARDS,
  NO_STREAM,
  START,
  STREAM_EXISTS,
  StreamNotFoundError as ClientStreamNotFoundError,
  WrongExpectedVersionError,
  excludeSystemEvents,
  isCommandError,
  jsonEvent,
  type AppendExpectedRevision,
  type Position as ClientPosition,
  type ReadRevision,
  type RecordedEvent as ClientRecordedEvent,
  type StreamingRead,
} from '@eventstore/db-client';
import { sleep } from '../abortable-sleep';
import { ConcurrencyError, StreamNotFoundError } from '../event-store.errors';
import type {
  AppendOptions,
  AppendResult,
  EventData,
  EventStorePort,
  ExpectedRevision,
  JsonObject,
  Position,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeToAllOptions,
} from '../event-store.port';
import { comparePositions } from '../position';

/** Tuning for `EventStoreDbEventStore`; the defaults suit production. */
export interface EventStoreDbEventStoreOptions {
  /** `ping()` rejects after this long, so a health check never hangs on a half-open connection. */
  readonly pingTimeoutMs?: number;
  /** Delay before the first resubscribe after a dropped connection; doubles per failure. */
  readonly reconnectInitialDelayMs?: number;
  /** Upper bound of the resubscribe delay. */
  readonly reconnectMaxDelayMs?: number;
}

/** gRPC failures that mean "the connection went away", after which resubscribing is safe. */
const TRANSIENT_ERRORS: ReadonlySet<string> = new Set([
  ErrorType.UNAVAILABLE,
  ErrorType.CANCELLED,
  ErrorType.DEADLINE_EXCEEDED,
  ErrorType.TIMEOUT,
  ErrorType.NOT_LEADER,
  ErrorType.UNKNOWN,
]);

/**
 * `EventStorePort` on EventStoreDB through `@eventstore/db-client`; client types stay in here.
 * Keeps the client's `throwOnAppendFailure` default: with it off, BatchAppend misreports revisions.
 */
export class EventStoreDbEventStore implements EventStorePort {
  private readonly client: EventStoreDBClient;
  private readonly closing = new AbortController();
  private readonly pingTimeoutMs: number;
  private readonly reconnectInitialDelayMs: number;
  private readonly reconnectMaxDelayMs: number;

  constructor(connectionString: string, options: EventStoreDbEventStoreOptions = {}) {
    this.client = EventStoreDBClient.connectionString(connectionString);
    this.pingTimeoutMs = options.pingTimeoutMs ?? 2_000;
    this.reconnectInitialDelayMs = options.reconnectInitialDelayMs ?? 100;
    this.reconnectMaxDelayMs = options.reconnectMaxDelayMs ?? 5_000;
  }

  async appendToStream(streamId: string, events: readonly EventData[], options: AppendOptions): Promise<AppendResult> {
    // Zero events would get no position back, and the client misreads the revision of a missing stream.
    if (events.length === 0) throw new RangeError(`appendToStream(${streamId}) needs at least one event`);
    const proposed = events.map((event) =>
      jsonEvent({ id: event.eventId, type: event.type, data: event.data, metadata: event.metadata }),
    );
    try {
      const result = await this.client.appendToStream(streamId, proposed, {
        expectedRevision: toClientExpectedRevision(options.expectedRevision),
      });
      if (!result.position) throw new Error(`EventStoreDB returned no position for ${streamId}`);
      return { nextRevision: result.nextExpectedRevision, position: toPosition(result.position) };
    } catch (error) {
      if (error instanceof WrongExpectedVersionError) {
        const actual = error.actualVersion;
        const current = actual === NO_STREAM || BigInt(actual) < 0n ? 'no_stream' : BigInt(actual);
        throw new ConcurrencyError(streamId, options.expectedRevision, current);
      }
      throw error;
    }
  }

  readStream(streamId: string, options: ReadStreamOptions = {}): AsyncIterable<RecordedEvent> {
    return { [Symbol.asyncIterator]: () => this.readStreamEvents(streamId, options) };
  }

  readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
    return { [Symbol.asyncIterator]: () => this.readAllEvents(options) };
  }

  subscribeToAll(options: SubscribeToAllOptions = {}): AsyncIterable<RecordedEvent> {
    return { [Symbol.asyncIterator]: () => this.follow(options) };
  }

  async ping(): Promise<void> {
    const read = this.client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 1 });
    const drained = (async () => {
      for await (const _ of read) void _;
    })();
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`EventStoreDB did not answer a ping within ${this.pingTimeoutMs} ms`)),
        this.pingTimeoutMs,
      );
    });
    try {
      await Promise.race([drained, timedOut]);
    } finally {
      clearTimeout(timer);
      drained.catch(() => undefined);
      await cancelQuietly(read);
    }
  }

  /**
   * EventStoreDB tells a client nothing about its free space before an append fails, and
   * watches its own disks (its `/health` and stats): reachable counts as writable here.
   */
  async checkWritable(): Promise<void> {}

  async close(): Promise<void> {
    this.closing.abort();
    // dispose() cancels every call, then waits for each to finish; a cancelled BatchAppend duplex
    // can leave its writable side open forever, so the wait is bounded.
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      this.client.dispose(),
      new Promise<void>((resolve) => (timer = setTimeout(resolve, 1_000).unref())),
    ]);
    clearTimeout(timer);
  }

  private async *readStreamEvents(streamId: string, options: ReadStreamOptions): AsyncGenerator<RecordedEvent> {
    const backwards = options.direction === 'backwards';
    const read = this.client.readStream(streamId, {
      fromRevision: toClientRevision(options.fromRevision ?? (backwards ? 'end' : 'start')),
      direction: backwards ? BACKWARDS : FORWARDS,
      maxCount: options.maxCount ?? Number.MAX_SAFE_INTEGER,
    });
    let finished = false;
    try {
      for await (const resolved of read) if (resolved.event) yield toRecordedEvent(resolved.event);
      finished = true;
    } catch (error) {
      finished = true;
      if (error instanceof ClientStreamNotFoundError) throw new StreamNotFoundError(streamId);
      throw error;
    } finally {
      if (!finished) await cancelQuietly(read);
    }
  }

  /** Backwards reads start at the end unless told otherwise; `maxCount` counts user events, so it is applied here. */
  private async *readAllEvents(options: ReadAllOptions): AsyncGenerator<RecordedEvent> {
    const limit = options.maxCount ?? Number.POSITIVE_INFINITY;
    if (limit <= 0) return;
    const backwards = options.direction === 'backwards';
    const from = options.fromPosition ?? (backwards ? 'end' : 'start');
    const read = this.client.readAll({
      fromPosition: from === 'start' ? START : from === 'end' ? END : from,
      direction: backwards ? BACKWARDS : FORWARDS,
      maxCount: Number.MAX_SAFE_INTEGER,
    });
    let finished = false;
    let yielded = 0;
    try {
      for await (const resolved of read) {
        if (!resolved.event || isSystemEvent(resolved.event)) continue;
        yield toRecordedEvent(resolved.event);
        if (++yielded >= limit) return;
      }
      finished = true;
    } catch (error) {
      finished = true;
      throw error;
    } finally {
      if (!finished) await cancelQuietly(read);
    }
  }

  /**
   * A catch-up subscription that survives dropped connections: it resubscribes strictly
   * after the last delivered position (the server's start is exclusive), so no gaps and no repeats.
   */
  private async *follow(options: SubscribeToAllOptions): AsyncGenerator<RecordedEvent> {
    const stop = linkSignals(options.signal, this.closing.signal);
    let after = options.fromPosition;
    let failures = 0;
    try {
      while (!stop.signal.aborted) {
        const subscription = this.client.subscribeToAll({
          fromPosition: after ?? START,
          filter: excludeSystemEvents(),
        });
        const unsubscribe = () => void subscription.unsubscribe().catch(() => undefined);
        stop.signal.addEventListener('abort', unsubscribe, { once: true });
        subscription.once('confirmation', () => (failures = 0));
        try {
          for await (const resolved of subscription) {
            if (stop.signal.aborted) return;
            if (!resolved.event || isSystemEvent(resolved.event)) continue;
            const event = toRecordedEvent(resolved.event);
            if (after && comparePositions(event.position, after) <= 0) continue;
            after = event.position;
            yield event;
          }
        } catch (error) {
          if (stop.signal.aborted) return;
          if (!isTransient(error)) throw error;
        } finally {
          stop.signal.removeEventListener('abort', unsubscribe);
          await subscription.unsubscribe().catch(() => undefined);
        }
        const delay = Math.min(this.reconnectMaxDelayMs, this.reconnectInitialDelayMs * 2 ** failures);
        failures += 1;
        await sleep(delay, stop.signal);
      }
    } finally {
      stop.dispose();
    }
  }
}

function toClientExpectedRevision(expected: ExpectedRevision): AppendExpectedRevision {
  switch (expected) {
    case 'no_stream':
      return NO_STREAM;
    case 'stream_exists':
      return STREAM_EXISTS;
    case 'any':
      return ANY;
    default:
      return expected;
  }
}

function toClientRevision(revision: bigint | 'start' | 'end'): ReadRevision {
  return revision === 'start' ? START : revision === 'end' ? END : revision;
}

function toPosition(position: ClientPosition): Position {
  return { commit: position.commit, prepare: position.prepare };
}

function isSystemEvent(event: ClientRecordedEvent): boolean {
  return event.type.startsWith('$');
}

function toRecordedEvent(event: ClientRecordedEvent): RecordedEvent {
  if (!event.position) throw new Error(`EventStoreDB sent ${event.streamId}@${event.revision} without a position`);
  return {
    streamId: event.streamId,
    revision: event.revision,
    position: toPosition(event.position),
    eventId: event.id,
    type: event.type,
    data: toJsonObject(event.data),
    metadata: toJsonObject(event.metadata),
    recordedAt: event.created,
  };
}

/** Events written by other tools may carry bytes or non-object JSON; expose those under `value`. */
function toJsonObject(value: unknown): JsonObject {
  if (value === undefined || value === null) return {};
  if (value instanceof Uint8Array) {
    const text = Buffer.from(value).toString('utf8');
    try {
      return toJsonObject(JSON.parse(text));
    } catch {
      return { value: text };
    }
  }
  if (typeof value === 'object' && !Array.isArray(value)) return value as JsonObject;
  return { value };
}

function isTransient(error: unknown): boolean {
  return error instanceof Error && isCommandError(error) && TRANSIENT_ERRORS.has(error.type);
}

async function cancelQuietly(read: StreamingRead<unknown>): Promise<void> {
  await read.cancel().catch(() => undefined);
}

/** One signal that aborts with any of `signals`; `dispose` detaches it from them. */
function linkSignals(...signals: (AbortSignal | undefined)[]): { signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  const abort = () => controller.abort();
  const sources = signals.filter((signal): signal is AbortSignal => signal !== undefined);
  for (const source of sources) {
    if (source.aborted) controller.abort();
    else source.addEventListener('abort', abort, { once: true });
  }
  return {
    signal: controller.signal,
    dispose: () => sources.forEach((source) => source.removeEventListener('abort', abort)),
  };
}
