import { Controller, Get, Header, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { EVENT_STORE, type EventStorePort } from '@tracker/event-store/event-store.port';
import { ProjectionRunner } from '@tracker/read-models/projection-runner';
import { READ_MODEL_STORE, type ReadModelStore } from '@tracker/read-models/store/read-model-store';
import { projectionProgress } from './projection-lag';
import { TrackerMetrics } from './tracker-metrics';

/** `GET /metrics`: Prometheus text exposition of the process's metrics. */
@ApiTags('operations')
@Controller('metrics')
export class MetricsController {
  constructor(
    @Inject(TrackerMetrics) private readonly metrics: TrackerMetrics,
    private readonly runner: ProjectionRunner,
    @Inject(EVENT_STORE) private readonly store: EventStorePort,
    @Inject(READ_MODEL_STORE) private readonly db: ReadModelStore,
  ) {}

  /** Projection lag and parked events are measured now, at scrape time, so they are never older than the scrape. */
  @Get()
  @ApiProduces('text/plain')
  @ApiOkResponse({
    description: 'The metrics in the Prometheus text format (version 0.0.4).',
    schema: {
      type: 'string',
      example: '# TYPE tracker_events_appended_total counter\ntracker_events_appended_total 128\n',
    },
  })
  @Header('content-type', 'text/plain; version=0.0.4; charset=utf-8')
  @Header('cache-control', 'no-store')
  async scrape(): Promise<string> {
    const { projectionLag, parkedEvents } = this.metrics;
    projectionLag.reset();
    parkedEvents.reset();
    for (const p of await projectionProgress(this.runner, this.store, this.db)) {
      projectionLag.set({ projection: p.name }, p.lag);
      parkedEvents.set({ projection: p.name }, p.parked);
    }
    return this.metrics.registry.metrics();
  }
}
