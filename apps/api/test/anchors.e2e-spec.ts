import { randomUUID } from 'node:crypto';
import { startTestApp, type TestApp } from './test-app';

/** Names unique to this run, so the suite also passes against a shared real EventStoreDB. */
const run = randomUUID().slice(0, 8);

const anchorBody = (overrides: Record<string, unknown> = {}) => ({
  name: `taiwan-inauguration-2024-${run}`,
  date: '2024-05-20',
  title: 'Inauguration of Lai Ching-te',
  description: 'Lai Ching-te sworn in as President of Taiwan',
  source: { url: 'https://www.president.gov.tw/', publisher: 'Office of the President, ROC (Taiwan)' },
  ...overrides,
});

describe('HTTP: anchors', () => {
  let api: TestApp;
  beforeAll(async () => (api = await startTestApp()));
  afterAll(() => api.close());

  it('defines an anchor: 201 with its name as id, an ETag, and the list shows it', async () => {
    const res = await api.request('POST', '/v1/anchors', anchorBody());
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: `taiwan-inauguration-2024-${run}`,
      streamId: `anchor-taiwan-inauguration-2024-${run}`,
      revision: 0,
      position: expect.stringMatching(/^\d+$/),
    });
    expect(res.headers.etag).toBe('"0"');
    await api.settle(res.body);
    const list = await api.request('GET', '/v1/anchors?limit=200');
    expect(list.status).toBe(200);
    expect(list.body.items).toContainEqual({
      ...anchorBody(),
      streamId: res.body.streamId,
      revision: 0,
      recordedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
  });

  it('defining the same name twice is a 409 problem and appends nothing', async () => {
    const body = anchorBody({ name: `joint-sword-2024a-${run}`, date: '2024-05-23', title: 'Joint Sword-2024A' });
    expect((await api.request('POST', '/v1/anchors', body)).status).toBe(201);
    const before = await api.countEvents();
    const again = await api.request('POST', '/v1/anchors', { ...body, date: '2024-05-24' });
    expect(again.status).toBe(409);
    expect(again.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(again.body).toMatchObject({ status: 409, code: 'anchor-exists' });
    expect(await api.countEvents()).toBe(before);
  });

  it('as of a time before its definition, an anchor is not listed', async () => {
    const res = await api.request('POST', '/v1/anchors', anchorBody({ name: `as-of-check-${run}` }));
    await api.settle(res.body);
    const [event] = await collect(api.store.readStream(res.body.streamId));
    const justBefore = new Date(event.recordedAt.getTime() - 1).toISOString();
    const names = async (query: string) =>
      (await api.request('GET', `/v1/anchors?limit=200${query}`)).body.items.map((a: { name: string }) => a.name);
    expect(await names(`&asOf=${justBefore}`)).not.toContain(`as-of-check-${run}`);
    expect(await names(`&asOf=${event.recordedAt.toISOString()}`)).toContain(`as-of-check-${run}`);
  });

  const { title: _title, ...withoutTitle } = anchorBody();
  const cases: [string, unknown, string][] = [
    ['a name that is not a lower-case slug', anchorBody({ name: 'Taiwan Inauguration 2024' }), 'name'],
    ['a date that does not exist', anchorBody({ date: '2024-02-30' }), 'date'],
    ['a date-time instead of a date', anchorBody({ date: '2024-05-20T00:00:00Z' }), 'date'],
    ['a missing title', withoutTitle, 'title'],
    [
      'a source without publisher',
      anchorBody({ source: { url: 'https://www.president.gov.tw/' } }),
      'source.publisher',
    ],
    ['an unknown field', anchorBody({ importance: 'high' }), 'importance'],
  ];

  it.each(cases)('%s is a 400 problem naming the field, and nothing is appended', async (_, body, field) => {
    const before = await api.countEvents();
    const res = await api.request('POST', '/v1/anchors', body);
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    expect(await api.countEvents()).toBe(before);
  });
});

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}
