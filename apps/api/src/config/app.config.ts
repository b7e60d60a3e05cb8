import { plainToInstance, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, Min, validateSync } from 'class-validator';

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
  @IsOptional() @IsString() EVENTSTORE_CONNECTION_STRING?: string;
  /** Whether this process runs the projections (`inline`) or leaves them to `apps/projector` (`off`). */
  @IsIn(['inline', 'off']) PROJECTIONS: 'inline' | 'off' = 'inline';
  /** SQLite durability of the event log; see README "Durability". */
  @IsIn(['FULL', 'NORMAL']) SQLITE_SYNCHRONOUS: 'FULL' | 'NORMAL' = 'FULL';
}

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
  if (errors.length > 0) {
    const lines = errors.map(
      (e) => `${e.property}=${JSON.stringify(e.value)} is invalid: ${Object.values(e.constraints ?? {}).join('; ')}`,
    );
    throw new ConfigError(lines.join('\n'));
  }
  return config;
}
