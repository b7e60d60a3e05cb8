import { headOf } from '@tracker/event-store/position';
import { EVENT_STORE, type EventStorePort } from '@tracker/event-store/event-store.port';
import { ProjectionRunner } from '@tracker/read-models/projection-runner';
import { loadConfig } from '@tracker/runtime/app.config';
import { execFileSync } from 'node:child_process';
import { createApp } from '../apps/api/src/bootstrap';
import { type BenchContext, TARGETS } from './bench-context';
import { sizeName } from './bench-options';
import { rebuild } from './rebuild.bench';
import { type Latency, latency } from './stats';
import { runTask } from './task-runner';
import { ANCHOR } from '@tracker/testing/tracker-event-generator';

/**
 * The read queries measured, as a dashboard sends them. `uncached`: each request asks for a
 * different (far-future) `to` date, so every answer is computed afresh rather than served from
 * the per-checkpoint cache that a repeated request hits.
 */
export const QUERIES: readonly { name: string; url: string; timeline: boolean; uncached?: boolean }[] = [
  { name: 'export-controls timeline', url: '/v1/timelines/export-controls', timeline: true },
  {
    name: 'export-controls timeline, uncached',
    url: '/v1/timelines/export-controls?to=',
    timeline: true,
    uncached: true,
  },
  {
    name: 'escalation timeline ±30 days',
    url: `/v1/timelines/escalation?anchor=${ANCHOR.name}&before=30&after=30`,
    timeline: true,
  },
  { name: 'statements list, limit 50', url: '/v1/statements?limit=50', timeline: false },
];

/** A distinct date far in the future for request `i`: the same days answered, a new cache key. */
const farFuture = (i: number) => new Date(Date.UTC(2100, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);

export interface QueryFigure {
  readonly name: string;
  readonly url: string;
  readonly requests: number;
  readonly latencyMs: Latency;
  readonly bytes: number;
}

/**
 * Child task: the real API on the rebuilt data folder, queried in-process with `app.inject`
 * (no sockets: Fastify routing, guards, pipes, the query and serialisation), one request at a
 * time, after 50 warm-up requests per query, for at most 30 s per query.
 */
export async function queriesTask(args: {
  dataDir: string;
  requests: number;
  budgetMs: number;
}): Promise<QueryFigure[]> {
  const app = await createApp(loadConfig({ DATA_DIR: args.dataDir, RATE_LIMIT_PER_MINUTE: '0' }), { logger: false });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  // The projection thread starts with the app: as on a server that has been up a while, it has loaded and found
  // its loops caught up before anything is timed.
  const head = await headOf(app.get<EventStorePort>(EVENT_STORE));
  if (head) await app.get(ProjectionRunner).waitFor(head, 60_000);
  // The rebuilds before this left hundreds of MB for the kernel to write back (and PostgreSQL a
  // checkpoint): let that finish first, so the latencies are the queries', not the disk's.
  execFileSync('sync');
  await new Promise((resolve) => setTimeout(resolve, 3000));
  try {
    const figures: QueryFigure[] = [];
    for (const query of QUERIES) {
      const times: number[] = [];
      let bytes = 0;
      // A slow query at 1M events is measured on fewer requests (at least 50) rather than for many minutes.
      const deadline = performance.now() + args.budgetMs;
      for (let i = 0; i < 50 + args.requests && (i < 100 || performance.now() < deadline); i++) {
        const started = performance.now();
        const url = query.uncached ? `${query.url}${farFuture(i)}` : query.url;
        // The answer is read as bytes, as a client on a socket reads it; light-my-request's default
        // turns every answer into one string inside this process, putting the client's garbage on
        // the server's collector (p99 ~10 ms vs ~4 ms for the 280 KiB timeline here).
        const response = await app.inject({ method: 'GET', url, payloadAsStream: true });
        const chunks: Buffer[] = [];
        for await (const chunk of response.stream()) chunks.push(chunk as Buffer);
        const ms = performance.now() - started;
        bytes = chunks.reduce((sum, chunk) => sum + chunk.length, 0);
        if (response.statusCode !== 200) {
          throw new Error(`${url} answered ${response.statusCode}: ${Buffer.concat(chunks).toString()}`);
        }
        if (i >= 50) times.push(ms);
        // Let the event loop turn, as a server's does between requests: light-my-request's null
        // socket releases each written chunk only on `setImmediate`, so a loop that never yields
        // keeps every answer alive (~280 KiB each here) and times the garbage collector instead.
        await new Promise((resolve) => setImmediate(resolve));
      }
      figures.push({ name: query.name, url: query.url, requests: times.length, latencyMs: latency(times), bytes });
    }
    return figures;
  } finally {
    await app.close();
  }
}

/** Group `queries`: p50/p99 of timeline and list queries on read models rebuilt at `--size`. */
export async function queriesGroup(ctx: BenchContext): Promise<void> {
  const { size } = ctx.options;
  const built = await rebuild(ctx, 'sqlite', size);
  ctx.log(`queries: ${ctx.options.queryRequests} requests each at ${sizeName(size)} events`);
  const figures = await runTask<QueryFigure[]>('queries', {
    dataDir: built.dataDir,
    requests: ctx.options.queryRequests,
    budgetMs: 30_000,
  });
  for (const figure of figures) {
    const timeline = QUERIES.find((q) => q.name === figure.name)?.timeline;
    for (const q of ['p50', 'p99'] as const) {
      ctx.add({
        group: 'queries',
        name: `GET ${figure.name} ${q}, ${sizeName(size)} events`,
        value: figure.latencyMs[q],
        unit: 'ms',
        target: timeline && q === 'p99' ? TARGETS.timelineP99 : undefined,
        note:
          q === 'p99'
            ? `${figure.requests} requests via app.inject (read as a stream), ${(figure.bytes / 1024).toFixed(0)} KiB`
            : undefined,
      });
    }
  }
  ctx.detail('queries', figures);
}
