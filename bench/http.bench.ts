import { statementBody } from '@tracker/testing/fixtures';
import autocannon from 'autocannon';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type BenchContext, TARGETS } from './bench-context';
import { quantile } from './stats';
import { type ServerProcess, startServer } from './task-runner';

/** Load on one route, summed over its rounds. */
export interface HttpFigure {
  readonly target: 'api' | 'noop';
  readonly path: string;
  readonly connections: number;
  readonly seconds: number;
  readonly requestsPerSecond: number;
  /** Requests per second of each round, in order. */
  readonly rounds: number[];
  /** Latency percentiles of the middle round. */
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly non2xx: number;
  readonly errors: number;
  readonly statusCodes: Record<string, number>;
}

/** Rounds per route: the no-op and the API take turns, so a change in the machine's speed hits both. */
const ROUNDS = 3;

type Result = Awaited<ReturnType<typeof autocannon>>;

const PATHS = { noop: '/noop', api: '/v1/statements' } as const;

/** `POST statementBody()` at `path` from this process (autocannon), for `seconds`. */
function load(ctx: BenchContext, server: ServerProcess, kind: 'api' | 'noop', seconds: number): Promise<Result> {
  return autocannon({
    url: `http://127.0.0.1:${server.port}${PATHS[kind]}`,
    connections: ctx.options.connections,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(statementBody()),
    duration: seconds,
  });
}

function figure(ctx: BenchContext, kind: 'api' | 'noop', results: Result[]): HttpFigure {
  const seconds = results.reduce((sum, r) => sum + r.duration, 0);
  const completed = results.reduce((sum, r) => sum + r['2xx'] + r.non2xx, 0);
  const middle = results[Math.floor(results.length / 2)];
  const statusCodes: Record<string, number> = {};
  for (const r of results)
    for (const [code, s] of Object.entries(r.statusCodeStats)) statusCodes[code] = (statusCodes[code] ?? 0) + s.count;
  return {
    target: kind,
    path: PATHS[kind],
    connections: ctx.options.connections,
    seconds,
    requestsPerSecond: completed / seconds,
    rounds: results.map((r) => (r['2xx'] + r.non2xx) / r.duration),
    p50Ms: middle.latency.p50,
    p99Ms: middle.latency.p99,
    non2xx: results.reduce((sum, r) => sum + r.non2xx, 0),
    errors: results.reduce((sum, r) => sum + r.errors + r.timeouts, 0),
    statusCodes,
  };
}

/**
 * Group `http`: `POST /v1/statements` on the real API against a no-op route with the same
 * validation, each server in its own process. Both are started and warmed up (2 s each), then
 * loaded in turns, `ROUNDS` rounds of `--http-seconds / ROUNDS` each; the ratio is the median of
 * the rounds' ratios (each round's API figure against the no-op figure just before it).
 */
export async function httpGroup(ctx: BenchContext): Promise<void> {
  const servers: Partial<Record<'api' | 'noop', ServerProcess>> = {};
  try {
    for (const kind of ['noop', 'api'] as const) {
      const dataDir = join(ctx.tmp, `http-${kind}`);
      mkdirSync(dataDir, { recursive: true });
      servers[kind] = await startServer(kind, dataDir);
      await load(ctx, servers[kind], kind, 2);
    }
    const seconds = Math.max(1, Math.round(ctx.options.httpSeconds / ROUNDS));
    const results: Record<'api' | 'noop', Result[]> = { noop: [], api: [] };
    for (let round = 1; round <= ROUNDS; round++) {
      for (const kind of ['noop', 'api'] as const) {
        ctx.log(
          `http: round ${round}/${ROUNDS}, ${kind} ${PATHS[kind]}, ${ctx.options.connections} connections, ${seconds} s`,
        );
        results[kind].push(await load(ctx, servers[kind]!, kind, seconds));
      }
    }
    const noop = figure(ctx, 'noop', results.noop);
    const api = figure(ctx, 'api', results.api);
    for (const f of [noop, api]) {
      ctx.add({
        group: 'http',
        name: f.target === 'api' ? 'POST /v1/statements (real API)' : 'POST /noop (Nest+Fastify+ValidationPipe)',
        value: f.requestsPerSecond,
        unit: 'req/s',
        note: `rounds ${f.rounds.map(Math.round).join('/')}; p50 ${f.p50Ms} ms, p99 ${f.p99Ms} ms, non-2xx ${f.non2xx}, errors ${f.errors}`,
      });
    }
    const ratios = api.rounds.map((rate, i) => rate / noop.rounds[i]);
    ctx.add({
      group: 'http',
      name: 'ratio API/no-op',
      value: quantile(
        [...ratios].sort((a, b) => a - b),
        0.5,
      ),
      unit: '×',
      target: TARGETS.httpRatio,
      note: `median of the rounds' ratios ${ratios.map((r) => r.toFixed(2)).join('/')}`,
    });
    ctx.detail('http', { noop, api, ratios });
  } finally {
    for (const server of Object.values(servers)) await server?.stop();
  }
}
