import { createEventStore } from '@tracker/event-store/create-event-store';
import type { EventStorePort } from '@tracker/event-store/event-store.port';
import { PostgresReadModelStore } from '@tracker/read-models/store/postgres-read-model-store';
import type { ReadModelStore } from '@tracker/read-models/store/read-model-store';
import { SqliteReadModelStore } from '@tracker/read-models/store/sqlite-read-model-store';
import { join } from 'node:path';
import type { AppConfig } from './app.config';

/** The embedded event log; the API's idempotency keys live beside it (see `openKeyStore`). */
const logFile = (config: AppConfig) => join(config.DATA_DIR, 'tracker.db');

/**
 * The embedded read models, registry and leases. A file of their own, so that projections
 * committing a batch never hold the lock that appends on the request thread need.
 */
const readModelFile = (config: AppConfig) => join(config.DATA_DIR, 'read-models.db');

/** Opens the event store `config` names (for EventStoreDB, once it answers). */
export function openEventStore(config: AppConfig): Promise<EventStorePort> {
  return createEventStore({
    kind: config.EVENT_STORE,
    filename: logFile(config),
    synchronous: config.SQLITE_SYNCHRONOUS,
    connectionString: config.EVENTSTORE_CONNECTION_STRING,
    connectTimeoutMs: config.EVENTSTORE_CONNECT_TIMEOUT_MS,
  });
}

/** Opens the read-model store `config` names. */
export function openReadModelStore(config: AppConfig): ReadModelStore {
  return config.READ_MODEL_STORE === 'postgres'
    ? new PostgresReadModelStore(config.DATABASE_URL!)
    : new SqliteReadModelStore(readModelFile(config));
}

/**
 * Where the API keeps its idempotency keys: the read-model store when that is PostgreSQL (shared
 * by replicas), otherwise the log's own file, which only the request thread writes, so a key is
 * never kept waiting behind a projection's batch.
 */
export function openKeyStore(config: AppConfig, readModels: ReadModelStore): ReadModelStore {
  return config.READ_MODEL_STORE === 'postgres' ? readModels : new SqliteReadModelStore(logFile(config));
}
