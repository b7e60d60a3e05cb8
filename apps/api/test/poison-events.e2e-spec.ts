import { CURRENT_SCHEMA_VERSIONS } from '@tracker/domain/upcasting/upcast';
import { statementBody } from '@tracker/testing/fixtures';
import { API_READ_MODEL_STORES } from '@tracker/testing/read-model-stores';
import { randomUUID } from 'node:crypto';
import { startTestApp, type TestApp } from './test-app';

const metadata = () => ({
  actor: 'importer',
  correlationId: randomUUID(),
  causationId: randomUUID(),
  schemaVersion: CURRENT_SCHEMA_VERSIONS.StatementRecorded,
});

/** A `StatementRecorded` straight into the log, as a buggy importer or an old version might have written it. */
const recorded = (data: Record<string, unknown>) => [
  { eventId: randomUUID(), type: 'StatementRecorded', data, metadata: metadata() },
];

describe.each(API_READ_MODEL_STORES)('poison events are parked, not fatal (read models on $label)', ({ setup }) => {
  let api: TestApp;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    const store = await setup();
    cleanup = store.cleanup;
    api = await startTestApp(undefined, { ...store.env, PROJECTION_MAX_ATTEMPTS: '3' });
  });
  afterAll(async () => {
    await api.close();
    await cleanup();
  });

  /** Every statement id the list shows now, page by page. */
  async function listedStatements(speaker: string): Promise<Set<string>> {
    const ids = new Set<string>();
    let cursor = '';
    do {
      const page = await api.request('GET', `/v1/statements?speaker=${encodeURIComponent(speaker)}&limit=200${cursor}`);
      expect(page.status).toBe(200);
      for (const item of page.body.items) ids.add(item.id);
      cursor = page.body.nextCursor ? `&cursor=${page.body.nextCursor}` : '';
    } while (cursor);
    return ids;
  }

  it('a malformed event among 1,000 good ones: every good one listed within 2 s, one parked, ready and degraded; skip records who and why', async () => {
    const speaker = `Poison ${randomUUID().slice(0, 8)}`;
    const good = Array.from({ length: 1000 }, () => randomUUID());
    const poisonId = randomUUID();
    const before = await api.countEvents();
    const half = (ids: string[]) =>
      Promise.all(
        ids.map((statementId) =>
          api.store.appendToStream(
            `statement-${statementId}`,
            recorded({ ...statementBody({ speaker }), statementId }),
            {
              expectedRevision: 'no_stream',
            },
          ),
        ),
      );
    await half(good.slice(0, 500));
    // Data holding only its id: the statements and feed projections cannot fold it (`speaker` is missing).
    const poison = await api.store.appendToStream(`statement-${poisonId}`, recorded({ statementId: poisonId }), {
      expectedRevision: 'no_stream',
    });
    await half(good.slice(500));
    expect(await api.countEvents()).toBe(before + 1001);

    const started = Date.now();
    let listed = new Set<string>();
    while (listed.size < good.length && Date.now() - started < 2000) {
      listed = await listedStatements(speaker);
      if (listed.size < good.length) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(listed).toEqual(new Set(good));

    const parked = await api.request('GET', '/v1/admin/projections/statements/parked');
    expect(parked.status).toBe(200);
    expect(parked.body).toMatchObject({ name: 'statements', parked: 1 });
    expect(parked.body.items).toEqual([
      expect.objectContaining({
        position: `${poison.position.commit}`,
        eventId: expect.any(String),
        streamId: `statement-${poisonId}`,
        revision: '0',
        type: 'StatementRecorded',
        error: expect.stringContaining('TypeError'),
        attempts: 3,
        status: 'parked',
      }),
    ]);
    // Every other projection that reads statements parked it too; the rest never saw a problem.
    const feedParked = async () => (await api.request('GET', '/v1/admin/projections/feed/parked')).body.parked;
    for (let i = 0; i < 100 && (await feedParked()) === 0; i++) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await feedParked()).toBe(1);
    expect((await api.request('GET', '/v1/admin/projections/sanctioned-entities/parked')).body.items).toEqual([]);

    const ready = await api.request('GET', '/health/ready');
    expect(ready.status).toBe(200);
    const statements = ready.body.info.projections.projections.find((p: { name: string }) => p.name === 'statements');
    expect(statements).toMatchObject({ health: 'degraded', parked: 1, stalled: false, lag: 0 });
    const metrics = await api.app.inject({ method: 'GET', url: '/metrics' });
    expect(metrics.body).toContain('tracker_projection_parked_events{projection="statements"} 1');

    // Still unreadable: a retry is refused with the error and counted; the event is not applied.
    const at = parked.body.items[0].position;
    const retry = await api.request('POST', `/v1/admin/projections/statements/parked/${at}/retry`);
    expect(retry.status).toBe(422);
    expect(retry.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(retry.body.detail).toContain('TypeError');

    const noReason = await api.request('POST', `/v1/admin/projections/statements/parked/${at}/skip`, {});
    expect(noReason.status).toBe(400);
    const skip = await api.request('POST', `/v1/admin/projections/statements/parked/${at}/skip`, {
      reason: 'importer bug: written without its facts',
    });
    expect(skip.status).toBe(200);
    expect(skip.body).toMatchObject({
      status: 'skipped',
      resolvedBy: 'local',
      reason: 'importer bug: written without its facts',
      attempts: 4,
    });
    const after = await api.request('GET', '/v1/admin/projections/statements/parked');
    expect(after.body).toMatchObject({ parked: 0, items: [expect.objectContaining({ status: 'skipped' })] });
    expect(
      (await api.request('POST', `/v1/admin/projections/statements/parked/${at}/skip`, { reason: 'x' })).status,
    ).toBe(409);
    const healthy = await api.request('GET', '/health/ready');
    expect(healthy.body.info.projections.projections).toContainEqual(
      expect.objectContaining({ name: 'statements', health: 'ok', parked: 0 }),
    );
  }, 60_000);

  it('answers unknown projections 404, bad positions 400 and positions with nothing parked 404, as problem+json', async () => {
    const unknown = await api.request('GET', '/v1/admin/projections/nope/parked');
    expect(unknown.status).toBe(404);
    const bad = await api.request('POST', '/v1/admin/projections/statements/parked/12x/retry');
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'position' })]);
    const none = await api.request('POST', '/v1/admin/projections/statements/parked/999999999/retry');
    expect(none.status).toBe(404);
    for (const res of [unknown, bad, none]) expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  });
});
