import { ConcurrencyError } from './event-store.errors';
import type {
  AppendOptions,
  AppendResult,
  EventData,
  EventStorePort,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeToAllOptions,
} from './event-store.port';

/**
 * What an `InstrumentedEventStore` reports; implemented by whatever metrics library the
 * process uses, so that neither the port nor its adapters depend on one.
 */
export interface EventStoreObserver {
  /** `count` events were appended to the store labelled `store`. */
  appended(store: string, count: number): void;
  /** An append was rejected because the stream was not at the expected revision. */
  conflicted(store: string): void;
}

/** DI token for an optional `EventStoreObserver`; without one the store is used undecorated. */
export const EVENT_STORE_OBSERVER = Symbol('EVENT_STORE_OBSERVER');

/**
 * Decorates any `EventStorePort` with append and conflict counting. Counting at the port,
 * rather than in HTTP handlers, sees every writer (API, CLI, demo loader) exactly once.
 * A retried append that the store answers as a no-op (same event ids) is counted again:
 * the store does not tell the two apart.
 */
export class InstrumentedEventStore implements EventStorePort {
  constructor(
    private readonly inner: EventStorePort,
    private readonly observer: EventStoreObserver,
    /** Label for the metrics, e.g. `sqlite` or `esdb`. */
    private readonly label: string,
  ) {
    // A counter series that first appears at its first increment hides that increment from rate().
    observer.appended(label, 0);
  }

  async appendToStream(streamId: string, events: readonly EventData[], options: AppendOptions): Promise<AppendResult> {
    try {
      const result = await this.inner.appendToStream(streamId, events, options);
      this.observer.appended(this.label, events.length);
      return result;
    } catch (error) {
      if (error instanceof ConcurrencyError) this.observer.conflicted(this.label);
      throw error;
    }
  }

  readStream(streamId: string, options?: ReadStreamOptions): AsyncIterable<RecordedEvent> {
    return this.inner.readStream(streamId, options);
  }

  readAll(options?: ReadAllOptions): AsyncIterable<RecordedEvent> {
    return this.inner.readAll(options);
  }

  subscribeToAll(options?: SubscribeToAllOptions): AsyncIterable<RecordedEvent> {
    return this.inner.subscribeToAll(options);
  }

  ping(): Promise<void> {
    return this.inner.ping();
  }

  checkWritable(): Promise<void> {
    return this.inner.checkWritable();
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
