import 'reflect-metadata';
import { plainToInstance, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, validateSync } from 'class-validator';

/** Environment the service reads, validated once at startup. */
export class AppConfig {
  /** HTTP port. */
  @Type(() => Number) @IsInt() @Min(0) @Max(65535) PORT = 3000;
  /** Interface to bind; loopback by default so an unauthenticated laptop install is not exposed. */
  @IsString() HOST = '127.0.0.1';
  /** Folder holding the embedded SQLite file. */
  @IsString() DATA_DIR = './data';
  /** Which event store backs the log. */
  @IsIn(['sqlite', 'esdb']) EVENT_STORE: 'sqlite' | 'esdb' = 'sqlite';
  /** EventStoreDB connection string, required with `EVENT_STORE=esdb`. */
  @IsOptional()
  @Matches(/^(esdb|kurrentdb)(\+discover)?:\/\/\S+$/, {
    message: 'must be an esdb:// or kurrentdb:// connection string',
  })
  EVENTSTORE_CONNECTION_STRING?: string;
  /** How long startup waits for EventStoreDB before failing. */
  @Type(() => Number) @IsInt() @Min(0) EVENTSTORE_CONNECT_TIMEOUT_MS = 15_000;
  /** Where read models live: the embedded SQLite file, or PostgreSQL shared by API replicas. */
  @IsIn(['sqlite', 'postgres']) READ_MODEL_STORE: 'sqlite' | 'postgres' = 'sqlite';
  /** PostgreSQL connection string, required with `READ_MODEL_STORE=postgres`. */
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'must be a postgres:// connection string' })
  DATABASE_URL?: string;
  /**
   * Where the API's projections run: on a worker thread of the API process (`thread`), on its
   * request thread (`inline`), or in `apps/projector` (`off`).
   */
  @IsIn(['thread', 'inline', 'off']) PROJECTIONS: 'thread' | 'inline' | 'off' = 'thread';
  /** Lease time-to-live: a dead projector's work is taken over after at most this long. */
  @Type(() => Number) @IsInt() @Min(100) PROJECTOR_LEASE_TTL_MS = 10_000;
  /** Times an event that a projection fails to apply is tried, with backoff, before it is parked for an operator. */
  @Type(() => Number) @IsInt() @Min(1) @Max(100) PROJECTION_MAX_ATTEMPTS = 5;
  /** API keys as `name:role:sha256hex` entries, comma-separated; roles viewer, analyst, auditor, admin. */
  @IsOptional() @IsString() API_KEYS?: string;
  /** JSON file of `[{ "name", "role", "sha256" }]` keys, merged with `API_KEYS`. */
  @IsOptional() @IsString() API_KEYS_FILE?: string;
  /** How long an `Idempotency-Key` and its first response are kept. */
  @Type(() => Number) @IsInt() @Min(1) IDEMPOTENCY_TTL_HOURS = 24;
  /** Requests per minute per API key (per address without keys); 0 disables the limit. */
  @Type(() => Number) @IsInt() @Min(0) RATE_LIMIT_PER_MINUTE = 600;
  /** Largest request body accepted, in bytes. */
  @Type(() => Number) @IsInt() @Min(1024) BODY_LIMIT_BYTES = 1_048_576;
  /**
   * Time to receive a request's line and headers; a slower client (slow-loris) is answered
   * 408 and disconnected. Capped at `REQUEST_TIMEOUT_MS`.
   */
  @Type(() => Number) @IsInt() @Min(100) HEADERS_TIMEOUT_MS = 10_000;
  /**
   * Time to receive a whole request, body included (not to answer it): a body trickling in
   * more slowly is answered 408 and its connection closed, so it cannot hold a socket forever.
   */
  @Type(() => Number) @IsInt() @Min(100) REQUEST_TIMEOUT_MS = 30_000;
  /** Open connections served at once; a connection past it is answered 503 and closed (see README "Limits"). */
  @Type(() => Number) @IsInt() @Min(1) MAX_CONNECTIONS = 1_000;
  /** Open `GET /v1/feed/live` streams per process; one more is answered 503. */
  @Type(() => Number) @IsInt() @Min(1) SSE_MAX_CLIENTS = 500;
  /** Failed authentications (a wrong key) per client address per minute before it is answered 429; 0 disables. */
  @Type(() => Number) @IsInt() @Min(0) AUTH_FAILURES_PER_MINUTE = 20;
  /** Origins allowed by CORS, comma-separated; none by default. */
  @IsOptional() @IsString() CORS_ORIGINS?: string;
  /** Minimum level of the JSON logs; `silent` turns them off (in-process tests). */
  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent' = 'info';
  /** SQLite durability of the event log; see README "Durability". */
  @IsIn(['FULL', 'NORMAL']) SQLITE_SYNCHRONOUS: 'FULL' | 'NORMAL' = 'FULL';
}

/** Variables whose values may hold credentials and are never printed. */
const SECRET_BEARING = new Set(['EVENTSTORE_CONNECTION_STRING', 'DATABASE_URL', 'API_KEYS']);

/** Thrown for a bad environment; the message names every offending variable on its own line. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Parses and validates `env` (defaults applied); throws `ConfigError` naming each bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const defined = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const config = plainToInstance(AppConfig, defined, { excludeExtraneousValues: false });
  const errors = validateSync(config, { whitelist: false });
  if (config.EVENT_STORE === 'esdb' && !config.EVENTSTORE_CONNECTION_STRING) {
    throw new ConfigError('EVENTSTORE_CONNECTION_STRING is required when EVENT_STORE=esdb');
  }
  if (config.READ_MODEL_STORE === 'postgres' && !config.DATABASE_URL) {
    throw new ConfigError('DATABASE_URL is required when READ_MODEL_STORE=postgres');
  }
  if (errors.length > 0) {
    const lines = errors.map((e) => {
      const shown = SECRET_BEARING.has(e.property) ? '(value hidden)' : JSON.stringify(e.value);
      return `${e.property}=${shown} is invalid: ${Object.values(e.constraints ?? {}).join('; ')}`;
    });
    throw new ConfigError(lines.join('\n'));
  }
  return config;
}
