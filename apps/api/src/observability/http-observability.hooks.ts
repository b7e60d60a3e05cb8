import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { CORRELATION_HEADER, correlationIdOf } from './correlation-id';
import { TrackerMetrics } from './tracker-metrics';

/** Route label for requests no route matched (404s), so scanners cannot mint label values. */
const UNMATCHED = 'unmatched';

/**
 * Fastify hooks rather than a Nest interceptor: they also see requests that never reach a
 * controller (404s, guard and body-parser rejections), and `routeOptions.url` gives the
 * route template (`/v1/statements/:id/corrections`), never the raw URL.
 */
@Injectable()
export class HttpObservabilityHooks implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    @Inject(TrackerMetrics) private readonly metrics: TrackerMetrics,
  ) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    if (!fastify?.addHook) return;
    fastify.addHook('onRequest', async (request, reply) => {
      reply.header(CORRELATION_HEADER, correlationIdOf(request.raw));
    });
    fastify.addHook('onResponse', async (request, reply) => {
      this.metrics.httpDuration.observe(
        { method: request.method, route: request.routeOptions.url ?? UNMATCHED, status: String(reply.statusCode) },
        reply.elapsedTime / 1000,
      );
    });
  }
}
