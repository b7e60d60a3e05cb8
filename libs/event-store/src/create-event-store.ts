import type { EventStorePort } from './event-store.port';
import { SqliteEventStore } from './sqlite/sqlite-event-store';

/** Which store to open and how. */
export interface EventStoreSettings {
  readonly kind: 'sqlite' | 'esdb';
  /** SQLite file, for `sqlite`. */
  readonly filename: string;
  readonly synchronous?: 'FULL' | 'NORMAL';
  /** For `esdb`. */
  readonly connectionString?: string;
  /** How long startup waits for EventStoreDB to answer before giving up. */
  readonly connectTimeoutMs?: number;
}

/** EventStoreDB could not be reached at startup; the message is safe to print (no credentials). */
export class EventStoreUnreachableError extends Error {
  override readonly name = 'EventStoreUnreachableError';
}

/** Opens the configured store; for EventStoreDB, waits until it answers or the timeout runs out. */
export async function createEventStore(settings: EventStoreSettings): Promise<EventStorePort> {
  if (settings.kind === 'sqlite') {
    return new SqliteEventStore({ filename: settings.filename, synchronous: settings.synchronous });
  }
  const connectionString = settings.connectionString ?? '';
  // Loaded only when chosen: the gRPC client is not needed on the embedded store.
  const { EventStoreDbEventStore } = await import('./esdb/esdb-event-store');
  const store = new EventStoreDbEventStore(connectionString, { pingTimeoutMs: 2_000 });
  const timeoutMs = settings.connectTimeoutMs ?? 15_000;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await store.ping();
      return store;
    } catch (error) {
      if (Date.now() >= deadline) {
        await store.close().catch(() => undefined);
        throw new EventStoreUnreachableError(
          `EventStoreDB at ${redact(connectionString)} did not answer within ${timeoutMs} ms: ${
            error instanceof Error ? error.message : String(error)
          }`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

/** Connection string with any `user:password@` removed, for messages and logs. */
export function redact(connectionString: string): string {
  return connectionString.replace(/\/\/[^@/]*@/, '//***@');
}
