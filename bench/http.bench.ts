import { statementBody } from '@tracker/testing/fixtures';
import autocannon from 'autocannon';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type BenchContext, TARGETS } from './bench-context';
import { startServer } from './task-runner';

/** One autocannon run against one route. */
export interface HttpFigure {
  readonly target: 'api' | 'noop';
  readonly path: string;
  readonly connections: number;
  readonly seconds: number;
  readonly requestsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly non2xx: number;
  readonly errors: number;
  readonly statusCodes: Record<string, number>;
}

/**
 * Loads `path` with `POST statementBody()` from this process (autocannon) while the server runs
 * in its own process, after a 2 s warm-up that is not counted.
 */
async function load(ctx: BenchContext, kind: 'api' | 'noop', path: string): Promise<HttpFigure> {
  const dataDir = join(ctx.tmp, `http-${kind}`);
  mkdirSync(dataDir, { recursive: true });
  const server = await startServer(kind, dataDir);
  try {
    const options = {
      url: `http://127.0.0.1:${server.port}${path}`,
      connections: ctx.options.connections,
      method: 'POST' as const,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(statementBody()),
    };
    await autocannon({ ...options, duration: 2 });
    ctx.log(`http: ${kind} ${path}, ${ctx.options.connections} connections, ${ctx.options.httpSeconds} s`);
    const result = await autocannon({ ...options, duration: ctx.options.httpSeconds });
    const completed = result['2xx'] + result.non2xx;
    return {
      target: kind,
      path,
      connections: ctx.options.connections,
      seconds: result.duration,
      requestsPerSecond: completed / result.duration,
      p50Ms: result.latency.p50,
      p99Ms: result.latency.p99,
      non2xx: result.non2xx,
      errors: result.errors + result.timeouts,
      statusCodes: Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, s]) => [code, s.count])),
    };
  } finally {
    await server.stop();
  }
}

/** Group `http`: `POST /v1/statements` on the real API against a no-op route with the same validation. */
export async function httpGroup(ctx: BenchContext): Promise<void> {
  const noop = await load(ctx, 'noop', '/noop');
  const api = await load(ctx, 'api', '/v1/statements');
  for (const figure of [noop, api]) {
    ctx.add({
      group: 'http',
      name: figure.target === 'api' ? 'POST /v1/statements (real API)' : 'POST /noop (Nest+Fastify+ValidationPipe)',
      value: figure.requestsPerSecond,
      unit: 'req/s',
      note: `p50 ${figure.p50Ms} ms, p99 ${figure.p99Ms} ms, non-2xx ${figure.non2xx}, errors ${figure.errors}`,
    });
  }
  ctx.add({
    group: 'http',
    name: 'ratio API/no-op',
    value: api.requestsPerSecond / noop.requestsPerSecond,
    unit: '×',
    target: TARGETS.httpRatio,
  });
  ctx.detail('http', { noop, api });
}
