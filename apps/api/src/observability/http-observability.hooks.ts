import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { logAccess } from './access-log';
import { CORRELATION_HEADER, correlationIdOf } from './correlation-id';
import { TrackerMetrics } from './tracker-metrics';

/** DI token for the pino logger that writes access lines. */
export const ACCESS_LOGGER = Symbol('ACCESS_LOGGER');

/** Route label for requests no route matched (404s), so scanners cannot mint label values. */
const UNMATCHED = 'unmatched';

/**
 * Fastify hooks rather than a Nest interceptor: they also see requests that never reach a
 * controller (404s, guard and body-parser rejections), and `routeOptions.url` gives the
 * route template (`/v1/statements/:id/corrections`), never the raw URL. Callback hooks,
 * so a request pays for no extra promise.
 */
@Injectable()
export class HttpObservabilityHooks implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    @Inject(TrackerMetrics) private readonly metrics: TrackerMetrics,
    @Inject(ACCESS_LOGGER) private readonly access: Logger,
  ) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    if (!fastify?.addHook) return;
    fastify.addHook('onRequest', (request, reply, done) => {
      reply.header(CORRELATION_HEADER, correlationIdOf(request.raw));
      done();
    });
    fastify.addHook('onResponse', (request, reply, done) => {
      this.metrics.httpDuration.observe(
        { method: request.method, route: request.routeOptions.url ?? UNMATCHED, status: String(reply.statusCode) },
        reply.elapsedTime / 1000,
      );
      logAccess(this.access, request, reply);
      done();
    });
  }
}
