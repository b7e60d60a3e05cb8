import { entityBody, statementBody } from '@tracker/testing/fixtures';
import { startTestApp, type TestApp } from './test-app';

describe('HTTP: bad input never reaches the log', () => {
  let api: TestApp;
  beforeAll(async () => (api = await startTestApp()));
  afterAll(() => api.close());

  const { speaker: _speaker, ...withoutSpeaker } = statementBody();
  const { source: _source, ...withoutSource } = entityBody();
  const cases: [string, string, unknown, string][] = [
    ['an unknown field', '/v1/statements', statementBody({ sentiment: 'angry' }), 'sentiment'],
    ['a missing required field', '/v1/statements', withoutSpeaker, 'speaker'],
    ['a malformed date', '/v1/statements', statementBody({ occurredAt: '2024-02-30' }), 'occurredAt'],
    [
      'a date in the wrong format',
      '/v1/sanctioned-entities',
      entityBody({ effectiveFrom: '06/10/2023' }),
      'effectiveFrom',
    ],
    ['an unknown list', '/v1/sanctioned-entities', entityBody({ list: 'MADE_UP_LIST' }), 'list'],
    [
      'a source with neither url nor citation',
      '/v1/statements',
      statementBody({ source: { publisher: 'x' } }),
      'source.url',
    ],
    ['a missing source', '/v1/sanctioned-entities', withoutSource, 'source'],
    [
      'a source without a publisher',
      '/v1/statements',
      statementBody({ source: { url: 'https://a.example' } }),
      'source.publisher',
    ],
    ['an unknown CAMEO code', '/v1/statements', statementBody({ cameoCode: '9999' }), 'cameoCode'],
    [
      'an unknown nested field',
      '/v1/statements',
      statementBody({ source: { url: 'https://a.example', x: 1 } }),
      'source.x',
    ],
    ['a wrong type', '/v1/statements', statementBody({ topics: 'taiwan' }), 'topics'],
    ['a country that is not ISO 3166-1 alpha-2', '/v1/statements', statementBody({ country: 'China' }), 'country'],
  ];

  it.each(cases)('%s is a 400 problem naming the field, and nothing is appended', async (_, url, body, field) => {
    const before = await api.countEvents();
    const res = await api.request('POST', url, body);
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 400, title: 'Invalid input' });
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    expect(await api.countEvents()).toBe(before);
  });

  it('a body that is not JSON is a 400 problem', async () => {
    const res = await api.app.inject({
      method: 'POST',
      url: '/v1/statements',
      payload: '{"speaker":',
      headers: { 'content-type': 'application/json' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('bad query parameters are a 400 problem naming them', async () => {
    const res = await api.request('GET', '/v1/timelines/export-controls?from=yesterday&bogus=1');
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['bogus', 'from']);
  });

  it('a cursor the API did not issue is a 400 problem', async () => {
    const res = await api.request('GET', '/v1/statements?cursor=not-a-cursor&limit=0');
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['cursor', 'limit']);
  });

  it('a statement dated well after the server time is a 422 rule violation', async () => {
    const res = await api.request('POST', '/v1/statements', statementBody({ occurredAt: '2999-01-01' }));
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('occurred-in-future');
  });
});
