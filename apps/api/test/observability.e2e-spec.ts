import type { RecordedEvent } from '@tracker/event-store/event-store.port';
import { statementBody } from '@tracker/testing/fixtures';
import { randomUUID } from 'node:crypto';
import { redirectLogs } from '../src/observability/log-output';
import { startTestApp, type TestApp } from './test-app';

const run = randomUUID().slice(0, 8);
const correction = { changes: { text: 'v2' }, reason: 'transcript', source: statementBody().source };

/** Sum of the samples of `name` whose labels include `labels`, from Prometheus text. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number {
  let sum = 0;
  for (const line of text.split('\n')) {
    const match = /^([a-z_:]+)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const own = Object.fromEntries([...(match[2] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    if (Object.entries(labels).every(([k, v]) => own[k] === v)) sum += Number(match[3]);
  }
  return sum;
}

async function collect(events: AsyncIterable<RecordedEvent>): Promise<RecordedEvent[]> {
  const out: RecordedEvent[] = [];
  for await (const event of events) out.push(event);
  return out;
}

describe('HTTP: structured logs, correlation ids, metrics and health', () => {
  let api: TestApp;
  const lines: string[] = [];
  let restoreLogs: () => void;

  const metrics = async () => {
    const res = await api.app.inject({ method: 'GET', url: '/metrics' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    return res.body;
  };
  const logLine = async (correlationId: string) => {
    for (let i = 0; i < 50; i++) {
      const found = lines.map((l) => JSON.parse(l)).find((l) => l.correlationId === correlationId && l.res);
      if (found) return found;
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error(`no request log line with correlationId ${correlationId}`);
  };

  beforeAll(async () => {
    restoreLogs = redirectLogs({ write: (line) => lines.push(line) });
    api = await startTestApp(undefined, { LOG_LEVEL: 'info' });
  });
  afterAll(async () => {
    await api.close();
    restoreLogs();
  });
  afterEach(() => jest.restoreAllMocks());

  it('echoes x-correlation-id, stores it as metadata.correlationId and logs it, with no secret in the log', async () => {
    const res = await api.request('POST', '/v1/statements', statementBody({ speaker: `Logged ${run}` }), {
      'x-correlation-id': 'corr-abc',
      authorization: 'Bearer not-a-real-key-1234567',
      'x-api-key': 'also-secret-987654',
    });
    expect(res.status).toBe(201);
    expect(res.headers['x-correlation-id']).toBe('corr-abc');
    const [event] = await collect(api.store.readStream(res.body.streamId));
    expect(event.metadata.correlationId).toBe('corr-abc');

    const line = await logLine('corr-abc');
    expect(line).toMatchObject({ level: 'info', req: { id: 'corr-abc', method: 'POST', url: '/v1/statements' } });
    expect(line.res.statusCode).toBe(201);
    expect(line.req.headers).toMatchObject({ authorization: '[Redacted]', 'x-api-key': '[Redacted]' });
    const raw = lines.join('');
    expect(raw).not.toContain('not-a-real-key-1234567');
    expect(raw).not.toContain('also-secret-987654');
  });

  it('replaces an invalid correlation id with a UUID, the same in the header, the metadata and the log', async () => {
    const res = await api.request('POST', '/v1/statements', statementBody({ speaker: `Uncorrelated ${run}` }), {
      'x-correlation-id': 'not valid: has spaces',
    });
    expect(res.status).toBe(201);
    const id = res.headers['x-correlation-id'] as string;
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    const [event] = await collect(api.store.readStream(res.body.streamId));
    expect(event.metadata.correlationId).toBe(id);
    expect((await logLine(id)).req.id).toBe(id);
  });

  it('logs a 500 with its correlation id and the error, and answers without the error', async () => {
    jest.spyOn(api.store, 'appendToStream').mockRejectedValueOnce(new Error('disk on fire'));
    const res = await api.request('POST', '/v1/statements', statementBody({ speaker: `Failed ${run}` }), {
      'x-correlation-id': 'corr-500',
    });
    expect(res.status).toBe(500);
    expect(JSON.stringify(res.body)).not.toContain('disk on fire');
    expect(await logLine('corr-500')).toMatchObject({ level: 'error', res: { statusCode: 500 } });
    const failure = lines.map((l) => JSON.parse(l)).find((l) => l.correlationId === 'corr-500' && l.err);
    expect(failure).toMatchObject({
      level: 'error',
      context: 'http',
      req: { method: 'POST', url: '/v1/statements' },
      err: { message: 'disk on fire' },
    });
    expect(failure.err.stack).toContain('disk on fire');
  });

  it('counts appended events and times requests per route template, not per URL', async () => {
    const before = await metrics();
    const created = await api.request('POST', '/v1/statements', statementBody({ speaker: `Counted ${run}` }));
    const corrected = await api.request('POST', `/v1/statements/${created.body.id}/corrections`, correction);
    expect([created.status, corrected.status]).toEqual([201, 201]);
    const after = await metrics();
    const appended = (text: string) => sample(text, 'tracker_events_appended_total');
    expect(appended(after) - appended(before)).toBe(2);
    const count = (text: string, route: string) =>
      sample(text, 'tracker_http_request_duration_seconds_count', { method: 'POST', route, status: '201' });
    expect(count(after, '/v1/statements') - count(before, '/v1/statements')).toBe(1);
    expect(count(after, '/v1/statements/:id/corrections')).toBeGreaterThanOrEqual(1);
    expect(after).not.toContain(created.body.id);
    expect(after).toMatch(/^tracker_projection_checkpoint_lag\{projection="statements"\} \d+$/m);
    expect(after).toContain('tracker_idempotent_replays_total');
    expect(after).toContain('process_cpu_user_seconds_total');
  });

  it('counts a concurrent-write conflict (409) once', async () => {
    const created = await api.request('POST', '/v1/statements', statementBody({ speaker: `Raced ${run}` }));
    // Both requests load the stream before either appends, so exactly one append must lose.
    const read = api.store.readStream.bind(api.store);
    let loaded = 0;
    let release!: () => void;
    const bothLoaded = new Promise<void>((resolve) => (release = resolve));
    jest.spyOn(api.store, 'readStream').mockImplementation((streamId, options) =>
      (async function* () {
        const events = await collect(read(streamId, options));
        if (streamId === created.body.streamId && ++loaded === 2) release();
        if (streamId === created.body.streamId) await bothLoaded;
        yield* events;
      })(),
    );
    const before = sample(await metrics(), 'tracker_append_conflicts_total');
    const url = `/v1/statements/${created.body.id}/corrections`;
    const results = await Promise.all([api.request('POST', url, correction), api.request('POST', url, correction)]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(results.find((r) => r.status === 409)?.body.code).toBe('concurrency');
    expect(sample(await metrics(), 'tracker_append_conflicts_total') - before).toBe(1);
  });

  it('is live without I/O, and ready only while the stores answer', async () => {
    const ready = await api.request('GET', '/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body).toMatchObject({
      status: 'ok',
      info: { eventStore: { status: 'up' }, readModels: { status: 'up' }, projections: { status: 'up' } },
    });
    expect(ready.body.info.projections.projections).toContainEqual(
      expect.objectContaining({ name: 'statements', stalled: false }),
    );
    expect((await api.request('GET', '/health')).status).toBe(200);

    jest.spyOn(api.store, 'ping').mockRejectedValue(new Error('connection refused'));
    const down = await api.request('GET', '/health/ready');
    expect(down.status).toBe(503);
    expect(down.body).toMatchObject({
      status: 'error',
      error: { eventStore: { status: 'down', message: 'connection refused' } },
      info: { readModels: { status: 'up' } },
    });
    expect((await api.request('GET', '/health')).status).toBe(503);
    const live = await api.request('GET', '/health/live');
    expect(live.status).toBe(200);
    expect(live.body).toMatchObject({ status: 'ok', info: { process: { status: 'up' } } });
  });
});
