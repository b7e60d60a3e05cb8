import { randomUUID } from 'node:crypto';
import { startTestApp, type TestApp } from './test-app';

/** Names unique to this run, so the suite also passes against a shared real EventStoreDB. */
const run = randomUUID().slice(0, 8);
const visitor = `Antony Blinken ${run}`;

/** A valid `POST /v1/diplomatic-engagements` body: the April 2024 visit to China. */
const engagementBody = (overrides: Record<string, unknown> = {}) => ({
  kind: 'visit',
  title: `Secretary Blinken’s travel to the People’s Republic of China ${run}`,
  participants: [
    { name: visitor, role: 'Secretary of State', country: 'US' },
    { name: `Wang Yi ${run}`, role: 'Foreign Minister', country: 'cn' },
  ],
  places: ['Shanghai', 'Beijing'],
  startsOn: '2024-04-24',
  endsOn: '2024-04-26',
  summary: 'Second trip to China; meetings with Wang Yi and Xi Jinping.',
  source: { url: 'https://www.state.gov/', publisher: 'US Department of State' },
  ...overrides,
});

const fields = (body: { errors: { field: string }[] }) => body.errors.map((e) => e.field);
const ids = (body: { items: { id: string }[] }) => body.items.map((e) => e.id);

describe('HTTP: diplomatic engagements', () => {
  let api: TestApp;
  beforeAll(async () => (api = await startTestApp()));
  afterAll(() => api.close());

  const record = async (overrides: Record<string, unknown> = {}) => {
    const res = await api.request('POST', '/v1/diplomatic-engagements', engagementBody(overrides));
    expect(res.status).toBe(201);
    await api.settle(res.body);
    return res;
  };
  const list = (query: string) =>
    api.request('GET', `/v1/diplomatic-engagements?participant=${encodeURIComponent(visitor)}&${query}`);

  it('records an engagement: 201 with id, stream, revision, position and an ETag; the list shows it', async () => {
    const res = await record();
    expect(res.body).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      streamId: `diplomaticEngagement-${res.body.id}`,
      revision: 0,
      position: expect.stringMatching(/^\d+$/),
    });
    expect(res.headers.etag).toBe('"0"');
    const found = await list('country=cn');
    expect(found.status).toBe(200);
    expect(found.body.items).toEqual([
      expect.objectContaining({
        id: res.body.id,
        kind: 'visit',
        startsOn: '2024-04-24',
        endsOn: '2024-04-26',
        places: ['Shanghai', 'Beijing'],
        participants: [expect.objectContaining({ name: visitor }), expect.objectContaining({ country: 'CN' })],
        recordedAt: expect.any(String),
      }),
    ]);
  });

  it('filters by participant text, country and overlapping dates, newest first, with a cursor', async () => {
    const call = await record({
      kind: 'call',
      title: `Call ${run}`,
      places: [],
      startsOn: '2024-06-10',
      endsOn: '2024-06-10',
      participants: [
        { name: visitor, country: 'US' },
        { name: `Annalena Baerbock ${run}`, country: 'DE' },
      ],
    });
    const byText = await api.request('GET', `/v1/diplomatic-engagements?participant=BAERBOCK%20${run}`);
    expect(ids(byText.body)).toEqual([call.body.id]);
    expect(ids((await list('country=DE')).body)).toEqual([call.body.id]);
    expect(ids((await list('from=2024-06-01&to=2024-06-30')).body)).toEqual([call.body.id]);
    const all = await list('');
    expect(all.body.items.map((e: { startsOn: string }) => e.startsOn)).toEqual(['2024-06-10', '2024-04-24']);
    const first = await list('limit=1');
    const second = await list(`limit=1&cursor=${first.body.nextCursor}`);
    expect([...ids(first.body), ...ids(second.body)]).toEqual(ids(all.body));
    expect(second.body.nextCursor).toBeUndefined();
  });

  it('as of a time between two recordings, the later engagement is not known yet', async () => {
    const name = `Kurt Campbell ${run}`;
    const participants = [
      { name, country: 'US' },
      { name: `Ma Zhaoxu ${run}`, country: 'CN' },
    ];
    const first = await record({ kind: 'meeting', participants, startsOn: '2024-01-05', endsOn: '2024-01-05' });
    await new Promise((resolve) => setTimeout(resolve, 20));
    const second = await record({ kind: 'meeting', participants, startsOn: '2024-05-05', endsOn: '2024-05-05' });
    const both = await api.request('GET', `/v1/diplomatic-engagements?participant=${encodeURIComponent(name)}`);
    expect(ids(both.body)).toEqual([second.body.id, first.body.id]);
    const [later, earlier] = both.body.items.map((e: { recordedAt: string }) => Date.parse(e.recordedAt));
    expect(later).toBeGreaterThan(earlier);
    const between = new Date(Math.floor((earlier + later) / 2)).toISOString();
    const then = await api.request(
      'GET',
      `/v1/diplomatic-engagements?participant=${encodeURIComponent(name)}&asOf=${between}`,
    );
    expect(ids(then.body)).toEqual([first.body.id]);
  });

  const { source: _source, ...withoutSource } = engagementBody();
  const badBodies: [string, unknown, string][] = [
    ['an unknown field', engagementBody({ agenda: 'fentanyl' }), 'agenda'],
    ['an unknown kind', engagementBody({ kind: 'summit' }), 'kind'],
    ['no participants', engagementBody({ participants: [] }), 'participants'],
    [
      'a participant country that is not ISO 3166-1 alpha-2',
      engagementBody({ participants: [{ name: visitor, country: 'USA' }] }),
      'participants.0.country',
    ],
    ['a participant without a name', engagementBody({ participants: [{ country: 'US' }] }), 'participants.0.name'],
    ['a date in the wrong format', engagementBody({ startsOn: '24/04/2024' }), 'startsOn'],
    ['an impossible date', engagementBody({ endsOn: '2024-02-30' }), 'endsOn'],
    ['a missing source', withoutSource, 'source'],
  ];

  it.each(badBodies)('%s is a 400 naming the field, and nothing is appended', async (_, body, field) => {
    const before = await api.countEvents();
    const res = await api.request('POST', '/v1/diplomatic-engagements', body);
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(fields(res.body)).toContain(field);
    expect(await api.countEvents()).toBe(before);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['an engagement ending before it starts', { endsOn: '2024-04-23' }, 'ends-before-start'],
    [
      'a call with one participant',
      { kind: 'call', participants: [{ name: visitor, country: 'US' }] },
      'too-few-participants',
    ],
  ])('%s is a 422 rule violation, and nothing is appended', async (_, overrides, code) => {
    const before = await api.countEvents();
    const res = await api.request('POST', '/v1/diplomatic-engagements', engagementBody(overrides));
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ status: 422, code });
    expect(await api.countEvents()).toBe(before);
  });

  it('a visit may name only the visitor', async () => {
    const res = await api.request(
      'POST',
      '/v1/diplomatic-engagements',
      engagementBody({
        participants: [{ name: visitor, country: 'US' }],
        startsOn: '2023-06-18',
        endsOn: '2023-06-19',
      }),
    );
    expect(res.status).toBe(201);
  });

  it('bad query parameters are a 400 naming them', async () => {
    const res = await api.request('GET', '/v1/diplomatic-engagements?country=China&from=April&kind=summit&bogus=1');
    expect(res.status).toBe(400);
    expect(fields(res.body).sort()).toEqual(['bogus', 'country', 'from', 'kind']);
  });
});
