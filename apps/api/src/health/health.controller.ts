import { Controller, Get, Inject, Res, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { EVENT_STORE, type EventStorePort } from '@tracker/event-store/event-store.port';
import { ProjectionRunner } from '@tracker/read-models/projection-runner';
import { READ_MODEL_STORE, type ReadModelStore } from '@tracker/read-models/store/read-model-store';
import { AppConfig } from '@tracker/runtime/app.config';
import type { FastifyReply } from 'fastify';
import { projectionProgress } from '../observability/projection-lag';
import { ProjectionStallDetector } from '../observability/projection-stall';
import { HealthReportResponse } from './health.response';

/** A store that does not answer within this long counts as down; a probe must not hang. */
const PING_TIMEOUT_MS = 3_000;

/**
 * Liveness and readiness, with Terminus's report as the body (200, or 503 naming what is down).
 * `GET /health/live` does no I/O. `GET /health/ready` (and `GET /health`, kept for existing
 * monitors) needs the event store and read-model store to answer and no projection to be
 * stalled (see `ProjectionStallDetector`; parked events only make a projection `degraded`). With `PROJECTIONS=off` the projector worker owns
 * the projections: their state is reported but does not make this replica unready.
 */
@ApiTags('operations')
@Controller('health')
export class HealthController {
  private readonly stalls = new ProjectionStallDetector();

  constructor(
    private readonly health: HealthCheckService,
    private readonly indicator: HealthIndicatorService,
    private readonly runner: ProjectionRunner,
    private readonly config: AppConfig,
    @Inject(EVENT_STORE) private readonly store: EventStorePort,
    @Inject(READ_MODEL_STORE) private readonly db: ReadModelStore,
  ) {}

  /** Readiness, under its historical path. */
  @ApiOkResponse({ type: HealthReportResponse, description: 'Ready.' })
  @ApiServiceUnavailableResponse({
    type: HealthReportResponse,
    description:
      'Not ready: the report names the check that is down (a store unreachable or not writable, a projection stalled).',
  })
  @Get()
  checkHealth(@Res({ passthrough: true }) reply: FastifyReply) {
    return this.report(reply, () => this.readinessChecks());
  }

  /** The process is up and its event loop turns; nothing else is consulted. */
  @ApiOkResponse({ type: HealthReportResponse, description: 'Alive.' })
  @Get('live')
  checkLiveness(@Res({ passthrough: true }) reply: FastifyReply) {
    return this.report(reply, () =>
      this.health.check([() => this.indicator.check('process').up({ uptimeSeconds: Math.round(process.uptime()) })]),
    );
  }

  /** Stores reachable and projections not stalled: safe to route traffic here. */
  @ApiOkResponse({ type: HealthReportResponse, description: 'Ready.' })
  @ApiServiceUnavailableResponse({
    type: HealthReportResponse,
    description:
      'Not ready: the report names the check that is down (a store unreachable or not writable, a projection stalled).',
  })
  @Get('ready')
  checkReadiness(@Res({ passthrough: true }) reply: FastifyReply) {
    return this.report(reply, () => this.readinessChecks());
  }

  private async report(reply: FastifyReply, run: () => Promise<unknown>) {
    try {
      return await run();
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      // Terminus's own report (which check is down and why) is the body monitors expect, not a problem document.
      reply.status(503);
      return error.getResponse();
    }
  }

  private readinessChecks() {
    return this.health.check([
      () => this.probe('eventStore', () => this.eventStoreUsable()),
      () => this.probe('readModels', () => this.db.ping()),
      () => this.projections(),
    ]);
  }

  private async projections() {
    const check = this.indicator.check('projections');
    let verdicts;
    try {
      verdicts = this.stalls.observe(await withTimeout(projectionProgress(this.runner, this.store, this.db)));
    } catch (error) {
      return check.down({ message: messageOf(error) });
    }
    const projections = verdicts.map((v) => ({
      name: v.name,
      generation: v.generation,
      // `degraded`: serving without the events it parked (see GET /v1/admin/projections/:name/parked).
      health: v.stalled ? 'stalled' : v.degraded ? 'degraded' : 'ok',
      state: v.state,
      checkpoint: v.checkpoint === undefined ? null : `${v.checkpoint}`,
      lag: v.lag,
      parked: v.parked,
      stalled: v.stalled,
      ...(v.reason ? { reason: v.reason } : {}),
      ...(v.lastError ? { lastError: v.lastError } : {}),
    }));
    const own = this.config.PROJECTIONS !== 'off';
    return own && verdicts.some((v) => v.stalled) ? check.down({ projections }) : check.up({ projections });
  }

  /** Reachable is not enough: with its disk full the store still answers reads but refuses every append (507). */
  private async eventStoreUsable() {
    await this.store.ping();
    await this.store.checkWritable().catch((error: unknown) => {
      throw new Error(`not writable: ${messageOf(error)}`);
    });
  }

  private async probe(key: string, ping: () => Promise<void>) {
    const check = this.indicator.check(key);
    try {
      await withTimeout(ping());
      return check.up();
    } catch (error) {
      return check.down({ message: messageOf(error) });
    }
  }
}

function withTimeout<T>(work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${PING_TIMEOUT_MS} ms`)), PING_TIMEOUT_MS);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
