import { headOf, parsePosition } from '@tracker/event-store/position';
import { ProjectionRunner } from '@tracker/read-models/projection-runner';
import { preview, toJsonText } from '@tracker/testing/fuzz/json-text';
import fc from 'fast-check';
import { type DocumentedRoute, type FuzzRequest, type Pool, type RouteGroup, SEEDS, type Segment } from './fuzz-inputs';
import { startTestApp, type TestApp } from './test-app';

/**
 * Property-based fuzzing of every route over HTTP (Fastify inject, one request at a time), shared
 * by the `fuzz-*.e2e-spec.ts` suites; each suite starts its own app, seeds it, and runs its groups.
 * For every request: the status is 2xx or 4xx; a 4xx is `application/problem+json` whose
 * `status` is the HTTP status; a 201 carries `{ id, streamId, revision, position }` and the
 * matching ETag; and the log grows only by 201s (the head of `$all` is read after each request).
 * After the run: the event count matches the 201s, every projection has caught up (a stuck one
 * names the request whose event it cannot apply), the hash chains verify, and no prototype changed.
 *
 * Each group is an `fc.assert` with its own fixed seed, `FUZZ_SEED + 100 × index + part`. Groups of
 * input that must be refused also check the status and the field the problem names.
 * `FUZZ_SEED` changes the run, `FUZZ_SCALE` multiplies the request counts, `FUZZ_SHRINK=1` shrinks a
 * failure to a smaller counterexample (slower).
 */

export const SEED = Number(process.env.FUZZ_SEED ?? 20_240_520);
export const SCALE = Number(process.env.FUZZ_SCALE ?? 1);
const SHRINK = process.env.FUZZ_SHRINK === '1';

/** Filled before the first group runs: every route the app documents, and how often each was fuzzed. */
export const DOCUMENTED: DocumentedRoute[] = [];
const coverage = new Map<string, { requests: number; statuses: Map<number, number> }>();
/** A route needs this many requests to count as fuzzed (`FuzzSuiteOptions.routes`). */
export const MIN_PER_ROUTE = Math.max(1, Math.round(30 * SCALE));

const POOL_OF_CATEGORY: Record<string, Pool> = {
  statement: 'statement',
  sanctionedEntity: 'sanctionedEntity',
  policyAction: 'policyAction',
  anchor: 'anchor',
  diplomaticEngagement: 'diplomaticEngagement',
  escalationSignal: 'escalationSignal',
};

export interface FuzzSuiteOptions {
  /**
   * The documented routes this suite answers for (`POST /v1/statements/{id}/corrections`): each
   * must get `MIN_PER_ROUTE` requests here, as every route did when the fuzz was one suite.
   */
  routes?: () => string[];
  /** Requests sent after the seeds and before the groups (seed `FUZZ_SEED - 1`), for reads that need more data. */
  fill?: { runs: number; request: fc.Arbitrary<FuzzRequest> };
}

interface RouteStats {
  requests: number;
  statuses: Map<number, number>;
  created: Map<string, number>;
}

/** One app, seeded, then `groups` in order, then the checks over what they left behind. */
export function describeFuzz(concern: string, groups: RouteGroup[], options: FuzzSuiteOptions = {}): void {
  describe(`HTTP fuzz (${concern}): never a 5xx, 4xx are problems, only 201s append`, () => {
    let api: TestApp;
    let head = 0n;
    let baseline = 0;
    let appended = 0;
    let sent = 0;
    const pools: Record<Pool, string[]> = {
      statement: [],
      sanctionedEntity: [],
      policyAction: [],
      anchor: [],
      diplomaticEngagement: [],
      escalationSignal: [],
      stream: [],
      cursor: [],
      auditCursor: [],
      projection: [],
    };
    const revisions = new Map<string, number>();
    /** The request behind each appended position, to name the culprit when a projection gets stuck. */
    const writers = new Map<bigint, string>();
    const stats = new Map<string, RouteStats>();
    const failures: string[] = [];
    const prototypeNames = {
      object: Object.getOwnPropertyNames(Object.prototype).sort(),
      array: Object.getOwnPropertyNames(Array.prototype).sort(),
      function: Object.getOwnPropertyNames(Function.prototype).sort(),
    };
    const started = Date.now();

    const headPosition = async () => (await headOf(api.store))?.commit ?? 0n;

    const pick = (pool: Pool, index: number) => {
      const items = pools[pool];
      return items.length === 0 ? undefined : items[index % items.length];
    };
    const remember = (pool: Pool, value: string, cap = 500) => {
      const items = pools[pool];
      if (items.includes(value)) return;
      if (items.length >= cap) items[items.length % cap] = value;
      else items.push(value);
    };

    const resolvePath = (parts: readonly (string | Segment)[]) => {
      let streamId: string | undefined;
      const path = parts
        .map((part) => {
          if (typeof part === 'string') return part;
          if ('literal' in part) return part.literal;
          const value = pick(part.ref, part.index) ?? '00000000-0000-4000-8000-000000000000';
          if (part.ref in POOL_OF_CATEGORY) streamId = `${part.ref}-${value}`;
          return encodeURIComponent(value);
        })
        .join('');
      return { path, streamId };
    };
    const resolveQuery = (query: string) =>
      query.replace(/(?:@@|%40%40)ref(?::|%3A)(\w+)(?::|%3A)(\d+)(?:@@|%40%40)/g, (_, pool: Pool, index: string) =>
        encodeURIComponent(pick(pool, Number(index)) ?? ''),
      );

    /** Sends one request and checks the properties; throws a description of every violation. */
    async function send(route: string, request: FuzzRequest) {
      const { path, streamId } = resolvePath(request.path);
      const url = request.query ? `${path}?${resolveQuery(request.query)}` : path;
      const headers: Record<string, string> = {};
      let payload: string | Buffer | undefined;
      if (request.body && 'json' in request.body) {
        payload = toJsonText(request.body.json);
        if (request.contentType !== null) headers['content-type'] = request.contentType ?? 'application/json';
      } else if (request.body) {
        payload = typeof request.body.raw === 'string' ? request.body.raw : Buffer.from(request.body.raw);
        if (request.contentType != null) headers['content-type'] = request.contentType;
      }
      if (request.ifMatch !== undefined) {
        headers['if-match'] =
          request.ifMatch === 'current' ? `"${(streamId && revisions.get(streamId)) ?? 0}"` : request.ifMatch;
      }
      if (request.idempotencyKey !== undefined) headers['idempotency-key'] = request.idempotencyKey;
      if (request.correlationId !== undefined) headers['x-correlation-id'] = request.correlationId;

      // An accepted GET /v1/feed/live is an endless event stream: take its status and headers, then hang up.
      const live = request.method === 'GET' && path === '/v1/feed/live';
      const response = await api.app.inject({
        method: request.method as 'GET',
        url,
        payload,
        headers,
        payloadAsStream: live,
      });
      if (live && response.statusCode === 200) response.raw.res.destroy();
      else if (live) response.body = (await response.stream().toArray()).join('');
      sent++;
      const status = response.statusCode;
      const own = stats.get(route) ?? { requests: 0, statuses: new Map(), created: new Map() };
      stats.set(route, own);
      own.requests++;
      own.statuses.set(status, (own.statuses.get(status) ?? 0) + 1);
      const documented = DOCUMENTED.find((r) => r.method === request.method && r.pattern.test(path));
      const routeKey = documented
        ? `${documented.method} ${documented.path}`
        : `${request.method} (not in the OpenAPI document)`;
      const covered = coverage.get(routeKey) ?? { requests: 0, statuses: new Map<number, number>() };
      coverage.set(routeKey, covered);
      covered.requests++;
      covered.statuses.set(status, (covered.statuses.get(status) ?? 0) + 1);

      const problems: string[] = [];
      const contentType = String(response.headers['content-type'] ?? '');
      let body: any;
      try {
        body = response.body ? JSON.parse(response.body) : undefined;
      } catch {
        body = undefined;
      }
      // By design a health check answers 503 with Terminus's report when a dependency is down.
      const healthDown = status === 503 && path.startsWith('/health') && body?.status === 'error';
      if (!((status >= 200 && status < 300) || (status >= 400 && status < 500) || healthDown)) {
        problems.push(`status ${status}`);
      }
      if (status >= 400 && status < 500) {
        if (!/^application\/problem\+json/.test(contentType))
          problems.push(`a ${status} with content-type "${contentType}"`);
        if (typeof body?.status !== 'number' || body.status !== status) {
          problems.push(`a ${status} whose problem status is ${JSON.stringify(body?.status)}`);
        }
      }
      if (request.expect) {
        const { status: expected, field, message } = request.expect;
        const errors: { field?: unknown; messages?: unknown }[] = Array.isArray(body?.errors) ? body.errors : [];
        if (status !== expected) problems.push(`status ${status} where ${expected} was expected`);
        else if (field !== undefined && !errors.some((e) => e.field === field)) {
          problems.push(`a ${status} whose errors do not name ${field}`);
        } else if (
          message !== undefined &&
          !errors.some((e) => Array.isArray(e.messages) && e.messages.includes(message))
        ) {
          problems.push(`a ${status} whose errors do not say "${message}"`);
        }
      }
      const after = await headPosition();
      if (status === 201) {
        const shaped =
          typeof body?.id === 'string' &&
          body.id.length > 0 &&
          typeof body.streamId === 'string' &&
          body.streamId.endsWith(`-${body.id}`) &&
          Number.isInteger(body.revision) &&
          body.revision >= 0 &&
          typeof body.position === 'string' &&
          /^\d+(?:\/\d+)?$/.test(body.position);
        if (!shaped) problems.push('a 201 without { id, streamId, revision, position }');
        else {
          if (response.headers.etag !== `"${body.revision}"`)
            problems.push(`ETag ${response.headers.etag} for revision ${body.revision}`);
          const known = revisions.get(body.streamId) ?? -1;
          const replay = after === head && request.idempotencyKey !== undefined && body.revision <= known;
          if (!replay) {
            if (after === head) problems.push('a 201 that appended nothing');
            else if (after !== parsePosition(body.position).commit)
              problems.push(`a 201 at ${body.position} but the head is ${after}`);
            if (body.revision <= known) problems.push(`revision ${body.revision} after ${known}`);
            appended += body.revision - known;
            revisions.set(body.streamId, body.revision);
            const category = body.streamId.slice(0, body.streamId.indexOf('-'));
            if (POOL_OF_CATEGORY[category]) remember(POOL_OF_CATEGORY[category], body.id, 2_000);
            remember('stream', body.streamId, 2_000);
            own.created.set(request.tag, (own.created.get(request.tag) ?? 0) + 1);
            writers.set(
              after,
              `${request.method} ${preview(url, 200)} ${preview(typeof payload === 'string' ? payload : undefined, 1_000)}`,
            );
            const stored = await lastEventData(body.streamId);
            const leaked = pollutionKeysIn(stored);
            if (leaked.length > 0) problems.push(`stored event data has the keys ${leaked.join(', ')}`);
          }
        }
      } else if (after !== head) {
        problems.push(`a ${status} appended ${after - head} event(s)`);
      }
      head = after;
      if (status === 200 && typeof body?.nextCursor === 'string') {
        remember(url.startsWith('/v1/audit/streams/') ? 'auditCursor' : 'cursor', body.nextCursor, 200);
      }
      if (sent % 1_000 === 0) {
        const count = await api.countEvents();
        if (count !== baseline + appended)
          problems.push(`the log holds ${count} events, expected ${baseline + appended}`);
      }
      if (problems.length > 0) {
        const detail = [
          `[${route}] ${problems.join('; ')}`,
          `  request:  ${request.method} ${preview(url, 300)} (${request.tag})`,
          `  headers:  ${JSON.stringify(headers)}`,
          `  body:     ${preview(typeof payload === 'string' ? payload : payload?.toString('latin1'))}`,
          `  response: ${status} ${contentType} ${preview(response.body, 400)}`,
        ].join('\n');
        failures.push(detail);
        throw new Error(detail);
      }
      return { status, body };
    }

    async function lastEventData(streamId: string): Promise<unknown> {
      for await (const event of api.store.readStream(streamId, {
        fromRevision: 'end',
        direction: 'backwards',
        maxCount: 1,
      })) {
        return event.data;
      }
      return undefined;
    }

    /** `runs` requests from `request` under `seed`, each sent and checked; a failure names the replay. */
    const check = (name: string, request: fc.Arbitrary<FuzzRequest>, numRuns: number, seed: number) =>
      fc.assert(
        fc.asyncProperty(request, async (request) => {
          await send(name, request);
        }),
        {
          numRuns,
          seed,
          endOnFailure: !SHRINK,
          reporter: (details) => {
            if (!details.failed) return;
            const error =
              details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
            throw new Error(
              `${name}: failed after ${details.numRuns} request(s); replay with FUZZ_SEED=${SEED} (group seed ${details.seed}, path ${details.counterexamplePath})\n${error}`,
            );
          },
        },
      );

    beforeAll(async () => {
      api = await startTestApp();
      const document = await api.request('GET', '/docs-json');
      for (const [path, operations] of Object.entries(document.body.paths as Record<string, object>)) {
        const pattern = new RegExp(`^${path.replace(/\{\w+\}/g, '[^/]+')}$`);
        for (const method of Object.keys(operations)) DOCUMENTED.push({ method: method.toUpperCase(), path, pattern });
      }
      baseline = await api.countEvents();
      head = await headPosition();
      for (const [path, json] of SEEDS) {
        const { status } = await send('seed', { method: 'POST', path: [path], body: { json }, tag: 'valid' });
        expect(status).toBe(201);
      }
      const projections = await send('seed', { method: 'GET', path: ['/v1/admin/projections'], tag: 'seed' });
      for (const p of projections.body.projections as { name: string }[]) remember('projection', p.name);
      if (options.fill) await check('fill', options.fill.request, Math.round(options.fill.runs * SCALE), SEED - 1);
    }, 120_000);

    afterAll(async () => {
      if (!api) return;
      const count = await api.countEvents();
      const total = [...stats.values()].reduce((sum, s) => sum + s.requests, 0);
      const byClass = (test: (status: number) => boolean) =>
        [...stats.values()].reduce(
          (sum, s) => sum + [...s.statuses].filter(([status]) => test(status)).reduce((n, [, c]) => n + c, 0),
          0,
        );
      const histogram = (statuses: Map<number, number>) =>
        [...statuses]
          .sort(([a], [b]) => a - b)
          .map(([status, n]) => `${status}×${n}`)
          .join(' ');
      const lines = [...stats].map(([group, s]) => {
        const created = [...s.created].map(([tag, n]) => `${tag}:${n}`).join(' ');
        return `  ${group.padEnd(60)} ${String(s.requests).padStart(5)}  ${histogram(s.statuses)}${created ? `  (201 by ${created})` : ''}`;
      });
      const routes = [...coverage]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([route, c]) => `  ${route.padEnd(60)} ${String(c.requests).padStart(5)}  ${histogram(c.statuses)}`);
      console.log(
        [
          `fuzz, ${concern} (seed ${SEED}, ${((Date.now() - started) / 1000).toFixed(1)} s), by group:`,
          ...lines,
          `by route (${DOCUMENTED.length} documented):`,
          ...routes,
          ...(failures.length > 0 ? [`${failures.length} violation(s):`, ...failures] : []),
          `fuzz: ${total} requests, ${byClass((s) => s >= 200 && s < 300)} 2xx, ${byClass((s) => s >= 400 && s < 500)} 4xx, ${byClass((s) => s >= 500)} 5xx, events +${count - baseline}`,
        ].join('\n'),
      );
      await api.close();
    });

    for (const group of groups) {
      it(`${group.name}${group.runs ? ` (${Math.round(group.runs * SCALE)} requests)` : ''}`, async () => {
        const parts =
          typeof group.request === 'function' ? group.request() : [{ runs: group.runs, request: group.request }];
        for (const [part, { runs, request }] of parts.entries()) {
          // Parts computed at run time (the generic group) are already sized.
          const numRuns = typeof group.request === 'function' ? runs : Math.max(1, Math.round(runs * SCALE));
          await check(group.name, request, numRuns, SEED + group.index * 100 + part);
        }
      }, 120_000);
    }

    if (options.routes) {
      const routes = options.routes;
      it(`fuzzed each route it answers for at least ${MIN_PER_ROUTE} times`, () => {
        expect(DOCUMENTED.length).toBeGreaterThan(20);
        const requests = (route: string) => coverage.get(route)?.requests ?? 0;
        const short = routes()
          .filter((route) => requests(route) < MIN_PER_ROUTE)
          .map((route) => `${route}: ${requests(route)}`);
        expect(short).toEqual([]);
      });
    }

    it('leaves the log exactly as the 201s say', async () => {
      expect(await api.countEvents()).toBe(baseline + appended);
    });

    it('leaves every projection caught up and running (a stuck one names the event it cannot apply)', async () => {
      const runner = api.app.get(ProjectionRunner);
      const deadline = Date.now() + 20_000;
      let generations = (await runner.status()).filter((g) => g.status === 'active');
      const settled = (g: (typeof generations)[number]) => g.state === 'retrying' || (g.position?.commit ?? 0n) >= head;
      while (Date.now() < deadline && !generations.every(settled)) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        generations = (await runner.status()).filter((g) => g.status === 'active');
      }
      const stuck = generations
        .filter((g) => g.state !== 'running' || g.lastError || (g.position?.commit ?? 0n) < head)
        .map((g) => {
          const checkpoint = g.position?.commit ?? 0n;
          const next = [...writers.keys()].filter((p) => p > checkpoint).sort((a, b) => (a < b ? -1 : 1))[0];
          const culprit = next === undefined ? '?' : writers.get(next);
          return `${g.name}: ${g.state} at ${checkpoint} of ${head} (${g.lastError ?? 'no error'}); next event from ${culprit}`;
        });
      expect(stuck).toEqual([]);
    }, 30_000);

    it('leaves the tamper-evidence chains intact', async () => {
      const verify = await api.request('GET', '/v1/audit/verify');
      expect(verify.status).toBe(200);
      expect({ ok: verify.body.ok, firstBreak: verify.body.firstBreak }).toEqual({ ok: true, firstBreak: undefined });
    });

    it('leaves Object.prototype, Array.prototype and Function.prototype untouched', () => {
      const probe = {} as Record<string, unknown>;
      expect([probe.polluted, probe.isAdmin, ([] as unknown as Record<string, unknown>).polluted]).toEqual([
        undefined,
        undefined,
        undefined,
      ]);
      expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeNames.object);
      expect(Object.getOwnPropertyNames(Array.prototype).sort()).toEqual(prototypeNames.array);
      expect(Object.getOwnPropertyNames(Function.prototype).sort()).toEqual(prototypeNames.function);
      expect(typeof Object.prototype.toString).toBe('function');
    });
  });
}

const POLLUTING = new Set(['__proto__', 'constructor', 'prototype']);

/** Own keys named `__proto__`, `constructor` or `prototype` anywhere in a stored value. */
function pollutionKeysIn(value: unknown, path = ''): string[] {
  if (value === null || typeof value !== 'object') return [];
  return Object.keys(value).flatMap((key) => [
    ...(POLLUTING.has(key) ? [`${path}${key}`] : []),
    ...pollutionKeysIn((value as Record<string, unknown>)[key], `${path}${key}.`),
  ]);
}
