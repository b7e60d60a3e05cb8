import { createEventStore } from '@tracker/event-store/create-event-store';
import type { EventStorePort } from '@tracker/event-store/event-store.port';
import { PostgresReadModelStore } from '@tracker/read-models/store/postgres-read-model-store';
import type { ReadModelStore } from '@tracker/read-models/store/read-model-store';
import { SqliteReadModelStore } from '@tracker/read-models/store/sqlite-read-model-store';
import { join } from 'node:path';
import type { AppConfig } from './app.config';

/** The embedded store's one file: the log, and the read models unless they live in PostgreSQL. */
export const dataFile = (config: AppConfig) => join(config.DATA_DIR, 'tracker.db');

/** Opens the event store `config` names (for EventStoreDB, once it answers). */
export function openEventStore(config: AppConfig): Promise<EventStorePort> {
  return createEventStore({
    kind: config.EVENT_STORE,
    filename: dataFile(config),
    synchronous: config.SQLITE_SYNCHRONOUS,
    connectionString: config.EVENTSTORE_CONNECTION_STRING,
    connectTimeoutMs: config.EVENTSTORE_CONNECT_TIMEOUT_MS,
  });
}

/** Opens the read-model store `config` names. */
export function openReadModelStore(config: AppConfig): ReadModelStore {
  return config.READ_MODEL_STORE === 'postgres'
    ? new PostgresReadModelStore(config.DATABASE_URL!)
    : new SqliteReadModelStore(dataFile(config));
}
