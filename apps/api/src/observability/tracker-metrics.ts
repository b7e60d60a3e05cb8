import type { EventStoreObserver } from '@tracker/event-store/instrumented-event-store';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * The process's Prometheus metrics, in a registry of their own (not prom-client's global one,
 * which libraries may also write to). One instance per process, `trackerMetrics`, so code
 * that is wired before dependency injection exists (module factories, callbacks) can count too.
 */
export class TrackerMetrics implements EventStoreObserver {
  readonly registry = new Registry();

  /** Events appended, by store (`sqlite`, `esdb`). */
  readonly eventsAppended = new Counter({
    name: 'tracker_events_appended_total',
    help: 'Events appended to the event log.',
    labelNames: ['store'] as const,
    registers: [this.registry],
  });

  /** Appends rejected because the stream was not at the expected revision (HTTP 409, or 412 under If-Match). */
  readonly appendConflicts = new Counter({
    name: 'tracker_append_conflicts_total',
    help: 'Appends rejected with a ConcurrencyError (stream not at the expected revision).',
    registers: [this.registry],
  });

  /** POSTs answered from the idempotency store instead of running the command again. */
  readonly idempotentReplays = new Counter({
    name: 'tracker_idempotent_replays_total',
    help: 'Requests answered with the stored first response of their Idempotency-Key.',
    registers: [this.registry],
  });

  /** HTTP latency by method, route template (never the raw URL, to bound cardinality) and status. */
  readonly httpDuration = new Histogram({
    name: 'tracker_http_request_duration_seconds',
    help: 'HTTP request duration by method, route template and status code.',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [this.registry],
  });

  /** Log positions between the head of `$all` and each projection's active checkpoint; set at scrape time. */
  readonly projectionLag = new Gauge({
    name: 'tracker_projection_checkpoint_lag',
    help: 'Log positions between the head of $all and the active generation checkpoint (events on SQLite, bytes on EventStoreDB).',
    labelNames: ['projection'] as const,
    registers: [this.registry],
  });

  /** Events each projection's active generation parked and an operator has not retried or skipped; set at scrape time. */
  readonly parkedEvents = new Gauge({
    name: 'tracker_projection_parked_events',
    help: 'Events the active generation of a projection could not apply and parked, awaiting retry or skip.',
    labelNames: ['projection'] as const,
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  appended(store: string, count: number): void {
    this.eventsAppended.inc({ store }, count);
  }

  conflicted(): void {
    this.appendConflicts.inc();
  }
}

/** The process-wide metrics; e.g. `trackerMetrics.idempotentReplays.inc()`. */
export const trackerMetrics = new TrackerMetrics();
