import { Controller, Get, Inject, Res, ServiceUnavailableException } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { EVENT_STORE, type EventStorePort } from '@tracker/event-store/event-store.port';
import { ProjectionRunner } from '@tracker/read-models/projection-runner';
import { READ_MODEL_STORE, type ReadModelStore } from '@tracker/read-models/store/read-model-store';
import type { FastifyReply } from 'fastify';

/** `GET /health`: 200 when the event store and read models answer, else 503 naming what is down. */
@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicator: HealthIndicatorService,
    private readonly runner: ProjectionRunner,
    @Inject(EVENT_STORE) private readonly store: EventStorePort,
    @Inject(READ_MODEL_STORE) private readonly db: ReadModelStore,
  ) {}

  /** Store connectivity plus each projection's state. */
  @Get()
  async check(@Res({ passthrough: true }) reply: FastifyReply) {
    try {
      return await this.runChecks();
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      // Terminus's own report (which check is down and why) is the body monitors expect, not a problem document.
      reply.status(503);
      return error.getResponse();
    }
  }

  private runChecks() {
    return this.health.check([
      () => this.probe('eventStore', () => this.store.ping()),
      () => this.probe('readModels', () => this.db.ping()),
      async () =>
        this.indicator.check('projections').up({
          projections: (await this.runner.status())
            .filter((s) => s.status !== 'retired')
            .map((s) => ({
              name: s.name,
              generation: s.generation,
              status: s.status,
              state: s.state,
              lastError: s.lastError,
            })),
        }),
    ]);
  }

  private async probe(key: string, ping: () => Promise<void>) {
    const check = this.indicator.check(key);
    try {
      await ping();
      return check.up();
    } catch (error) {
      return check.down({ message: error instanceof Error ? error.message : String(error) });
    }
  }
}
