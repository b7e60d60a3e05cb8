import { type DynamicModule, Global, Module } from '@nestjs/common';
import { EVENT_STORE_OBSERVER } from '@tracker/event-store/instrumented-event-store';
import { ACCESS_LOGGER, HttpObservabilityHooks } from './http-observability.hooks';
import { createAccessLogger, createLogger, resolveLogLevel } from './logger.options';
import { MetricsController } from './metrics.controller';
import { NestPinoLogger } from './nest-pino-logger';
import { TrackerMetrics, trackerMetrics } from './tracker-metrics';

/** Options for `ObservabilityModule.forRoot`. */
export interface ObservabilityOptions {
  /** Log level, normally `config.LOG_LEVEL`; else the `LOG_LEVEL` environment variable, else `info`. */
  readonly level?: string;
}

/**
 * JSON logs (pino: the app's lines through `NestPinoLogger`, one access line per request),
 * `GET /metrics`, the correlation-id response header and request-duration histogram, and
 * the `EVENT_STORE_OBSERVER` that `PersistenceModule` wraps the event store with. Global,
 * so any module can inject `TrackerMetrics`.
 */
@Global()
@Module({})
export class ObservabilityModule {
  /** Wires logging at `options.level`; an unknown level is a `ConfigError` at startup. */
  static forRoot(options: ObservabilityOptions = {}): DynamicModule {
    const level = resolveLogLevel(options.level ?? process.env.LOG_LEVEL);
    return {
      module: ObservabilityModule,
      controllers: [MetricsController],
      providers: [
        { provide: TrackerMetrics, useValue: trackerMetrics },
        { provide: EVENT_STORE_OBSERVER, useExisting: TrackerMetrics },
        { provide: NestPinoLogger, useValue: new NestPinoLogger(createLogger(level)) },
        { provide: ACCESS_LOGGER, useValue: createAccessLogger(level) },
        HttpObservabilityHooks,
      ],
      exports: [TrackerMetrics, EVENT_STORE_OBSERVER, NestPinoLogger],
    };
  }
}
