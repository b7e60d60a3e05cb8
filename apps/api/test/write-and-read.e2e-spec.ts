import { entityBody, statementBody } from '@tracker/testing/fixtures';
import { randomUUID } from 'node:crypto';
import { startTestApp, type TestApp } from './test-app';

/** Names unique to this run, so the suite also passes against a shared real EventStoreDB. */
const run = randomUUID().slice(0, 8);

describe('HTTP: record, list and chart (embedded SQLite)', () => {
  let api: TestApp;
  beforeAll(async () => (api = await startTestApp()));
  afterAll(() => api.close());

  it('records a statement: 201 with id, stream, revision, position and an ETag', async () => {
    const res = await api.request('POST', '/v1/statements', statementBody({ speaker: `Wang Yi ${run}` }));
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      streamId: `statement-${res.body.id}`,
      revision: 0,
      position: expect.stringMatching(/^\d+$/),
    });
    expect(res.headers.etag).toBe('"0"');
    await api.settle(res.body);
    const list = await api.request('GET', `/v1/statements?speaker=WANG%20YI%20${run}&topic=taiwan`);
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual([
      expect.objectContaining({ id: res.body.id, speaker: `Wang Yi ${run}`, country: 'CN' }),
    ]);
  });

  it('stores server time, actor and correlation in metadata, never an actor from the body', async () => {
    const res = await api.request('POST', '/v1/statements', statementBody(), { 'x-correlation-id': 'corr-123' });
    expect(res.status).toBe(201);
    const [event] = await collect(api.store.readStream(res.body.streamId));
    expect(event.type).toBe('StatementRecorded');
    expect(event.metadata).toEqual({
      recordedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      actor: 'local',
      correlationId: 'corr-123',
      causationId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      schemaVersion: 2,
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(event.data).toMatchObject({ occurredAt: '2024-04-26', source: statementBody().source });
    const spoofed = await api.request('POST', '/v1/statements', statementBody({ actor: 'mallory' }));
    expect(spoofed.status).toBe(400);
  });

  it('adds a BIS entity and the export-controls timeline counts it on its effective day', async () => {
    const before = await api.request('GET', '/v1/timelines/export-controls?list=BIS_ENTITY_LIST&country=CN');
    const res = await api.request('POST', '/v1/sanctioned-entities', entityBody({ name: `Timeline Check ${run} Co` }));
    expect(res.status).toBe(201);
    expect(res.body.streamId).toBe(`sanctionedEntity-${res.body.id}`);
    await api.settle(res.body);
    const timeline = await api.request('GET', '/v1/timelines/export-controls?list=BIS_ENTITY_LIST&country=CN');
    expect(timeline.status).toBe(200);
    const day = (t: typeof timeline) => t.body.days.find((d: { date: string }) => d.date === '2023-10-06');
    const was = day(before) ?? { added: 0, cumulative: 0 };
    expect(day(timeline)).toMatchObject({
      date: '2023-10-06',
      added: was.added + 1,
      removed: 0,
      cumulative: was.cumulative + 1,
    });
    const registry = await api.request('GET', `/v1/sanctioned-entities?q=timeline%20check%20${run}`);
    expect(registry.body.items).toEqual([expect.objectContaining({ id: res.body.id, status: 'listed' })]);
  });

  it('paginates lists with a cursor and no overlap', async () => {
    for (const day of ['2024-05-01', '2024-05-02', '2024-05-03']) {
      const res = await api.request(
        'POST',
        '/v1/statements',
        statementBody({ speaker: `Pager ${run}`, occurredAt: day }),
      );
      await api.settle(res.body);
    }
    const first = await api.request('GET', `/v1/statements?speaker=Pager%20${run}&limit=2`);
    expect(first.body.items.map((s: { occurredAt: string }) => s.occurredAt)).toEqual(['2024-05-03', '2024-05-02']);
    const second = await api.request(
      'GET',
      `/v1/statements?speaker=Pager%20${run}&limit=2&cursor=${first.body.nextCursor}`,
    );
    expect(second.body.items.map((s: { occurredAt: string }) => s.occurredAt)).toEqual(['2024-05-01']);
    expect(second.body.nextCursor).toBeUndefined();
  });

  it('serves the OpenAPI document and health', async () => {
    const docs = await api.app.inject({ method: 'GET', url: '/docs-json' });
    expect(JSON.parse(docs.body).paths).toHaveProperty('/v1/statements');
    const health = await api.request('GET', '/health');
    expect(health.status).toBe(200);
    expect(health.body.info.eventStore.status).toBe('up');
  });
});

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}
