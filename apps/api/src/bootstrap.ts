import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import { type AppConfig, ConfigError } from '@tracker/runtime/app.config';
import { AppModule } from './app.module';
import { loadApiKeys, type Principal } from './auth/api-keys';
import { JsonShapePipe } from './http/json-shape.pipe';
import { serverLimitOptions, useConnectionCap } from './http/edge-limits';
import { frameworkErrorAsProblem } from './http/framework-errors';
import { ProblemDetailsFilter } from './http/problem-details.filter';
import { useSecurityHeaders } from './http/security-headers';
import { useJsonText } from './http/json-reply';
import { correlationIdOf } from './observability/correlation-id';
import { NestPinoLogger } from './observability/nest-pino-logger';
import { strictValidationPipe } from './http/validation.pipe';
import { createOpenApiDocument } from './openapi/openapi';

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

/** Without keys every caller is an admin, so an install without keys must not listen beyond this machine. */
export function assertSafeBinding(config: AppConfig, keys: ReadonlyMap<string, Principal>): void {
  if (keys.size === 0 && !LOOPBACK.has(config.HOST)) {
    throw new ConfigError(
      `HOST=${config.HOST} without API keys would let anyone on the network write and administer: set API_KEYS or API_KEYS_FILE, or bind to 127.0.0.1`,
    );
  }
}

/** Creates the configured Nest application (not yet listening); shared by `main.ts` and e2e tests. */
export async function createApp(config: AppConfig, options: { logger?: false } = {}): Promise<NestFastifyApplication> {
  const keys = loadApiKeys(config);
  assertSafeBinding(config, keys);
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(config, keys),
    // The correlation id is the request id: validated, echoed, logged and stored in event metadata.
    new FastifyAdapter({
      bodyLimit: config.BODY_LIMIT_BYTES,
      genReqId: correlationIdOf,
      requestIdHeader: false,
      frameworkErrors: frameworkErrorAsProblem,
      ...serverLimitOptions(config),
    }),
    { logger: options.logger, bufferLogs: true, abortOnError: false },
  );
  app.useLogger(app.get(NestPinoLogger));
  // Startup lines were buffered until the JSON logger was in place; an app that is never `listen`ed (tests) flushes here.
  app.flushLogs();
  useConnectionCap(app.getHttpAdapter().getInstance(), config.MAX_CONNECTIONS);
  useSecurityHeaders(app.getHttpAdapter().getInstance());
  useJsonText(app.getHttpAdapter().getInstance());
  const origins = (config.CORS_ORIGINS ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  if (origins.length > 0) app.enableCors({ origin: origins, exposedHeaders: ['etag', 'x-correlation-id'] });
  app.useGlobalPipes(new JsonShapePipe(), strictValidationPipe());
  app.useGlobalFilters(new ProblemDetailsFilter());
  app.enableShutdownHooks();
  const document = createOpenApiDocument(app);
  SwaggerModule.setup('docs', app, document);
  return app;
}
