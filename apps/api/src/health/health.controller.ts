import { Controller, Get, Inject } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { EVENT_STORE, type EventStorePort } from '@tracker/event-store/event-store.port';
import { ProjectionRunner } from '@tracker/read-models/projection-runner';
import { READ_MODEL_DB } from '@tracker/read-models/sqlite/sqlite-read-model-db';
import type Database from 'better-sqlite3';

/** `GET /health`: 200 when the event store and read models answer, else 503 naming what is down. */
@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicator: HealthIndicatorService,
    private readonly runner: ProjectionRunner,
    @Inject(EVENT_STORE) private readonly store: EventStorePort,
    @Inject(READ_MODEL_DB) private readonly db: Database.Database,
  ) {}

  /** Store connectivity plus each projection's state. */
  @Get()
  @HealthCheck()
  check() {
    return this.health.check([
      () => this.probe('eventStore', () => this.store.ping()),
      () => this.probe('readModels', async () => void this.db.prepare('SELECT 1').get()),
      async () =>
        this.indicator.check('projections').up({
          projections: this.runner.status().map((s) => ({ name: s.name, state: s.state, lastError: s.lastError })),
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
