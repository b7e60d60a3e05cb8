import { headOf } from '@tracker/event-store/position';
import { entityBody, statementBody } from '@tracker/testing/fixtures';
import { randomUUID } from 'node:crypto';
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

describe('HTTP: no input gets a 5xx, and nothing odd is accepted', () => {
  let api: TestApp;
  /** Ids of real records, for the routes under `/:id`. */
  const ids: Record<'statement' | 'entity' | 'policyAction', string> = { statement: '', entity: '', policyAction: '' };
  beforeAll(async () => {
    api = await startTestApp();
    const create = async (url: string, body: unknown) => {
      const res = await api.request('POST', url, body);
      expect(res.status).toBe(201);
      return res.body.id as string;
    };
    ids.statement = await create('/v1/statements', statementBody());
    ids.entity = await create('/v1/sanctioned-entities', entityBody({ name: 'Invalid Input Fixture Ltd' }));
    ids.policyAction = await create('/v1/policy-actions', POLICY_ACTION);
  });
  afterAll(() => api.close());

  /** The position of the last event in the log: a request that appends nothing leaves it where it was. */
  const head = async () => (await headOf(api.store))?.commit ?? 0n;

  /** A JSON text sent as it is: `JSON.stringify` of a value this deep would itself run out of stack. */
  const postText = async (url: string, text: string, headers: Record<string, string> = {}) => {
    const res = await api.app.inject({
      method: 'POST',
      url,
      payload: text,
      headers: { 'content-type': 'application/json', ...headers },
    });
    return { status: res.statusCode, contentType: String(res.headers['content-type']), body: JSON.parse(res.body) };
  };

  /** Checks the status and content type, naming the request (`context`) when they are wrong. */
  const expectProblem = (
    res: { status: number; headers?: Record<string, unknown>; contentType?: string; body: any },
    status: number,
    context: Record<string, unknown> = {},
  ) => {
    const contentType = res.contentType ?? String(res.headers?.['content-type']);
    expect({ ...context, status: res.status, problem: res.body?.status, contentType }).toEqual({
      ...context,
      status,
      problem: status,
      contentType: expect.stringMatching(/^application\/problem\+json/),
    });
  };

  describe('bodies nested 10,000 to 100,000 deep, with and without Idempotency-Key', () => {
    const objects = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
    const nestings: [string, number, (depth: number) => string][] = [
      ['objects', 10_000, objects],
      ['objects', 100_000, objects],
      ['arrays', 100_000, (depth) => `${'['.repeat(depth)}${']'.repeat(depth)}`],
      ['arrays of objects', 50_000, (depth) => `${'[{"a":'.repeat(depth)}[]${'}]'.repeat(depth)}`],
    ];

    it.each(nestings)(
      '%s %d deep: every POST route answers 400 naming the field, and appends nothing',
      async (_, depth, nest) => {
        const document = await api.request('GET', '/docs-json');
        const posts = Object.entries(document.body.paths as Record<string, object>)
          .filter(([, operations]) => 'post' in operations)
          .map(([path]) =>
            path
              .replace(/\{name\}/g, 'statements')
              .replace(/\{position\}/g, '1')
              .replace(/\{\w+\}/g, randomUUID()),
          );
        expect(posts.length).toBeGreaterThanOrEqual(12);
        const before = await head();
        for (const url of posts) {
          const keyed = await postText(url, nest(depth), { 'idempotency-key': `deep-${randomUUID()}` });
          expectProblem(keyed, 400, { url });
          expect(keyed.body.errors[0].messages).toEqual(['nests deeper than 32 levels']);
          expect(keyed.body.errors[0].field).toMatch(/^(?:a|0)(?:\.(?:a|0)){32}$/);
          // Admin routes check their path first, and a rebuild takes no body: without the key, it would start one.
          if (url.startsWith('/v1/admin/')) continue;
          const plain = await postText(url, nest(depth));
          expect(plain).toEqual(keyed);
        }
        expect(await head()).toBe(before);
      },
      60_000,
    );

    it('a field of a valid body nested 100,000 deep, with a key, is the same 400 as without', async () => {
      const body = JSON.stringify(statementBody({ source: '@deep' })).replace(
        '"@deep"',
        `${'['.repeat(100_000)}${']'.repeat(100_000)}`,
      );
      const before = await head();
      const keyed = await postText('/v1/statements', body, { 'idempotency-key': `deep-${randomUUID()}` });
      expectProblem(keyed, 400);
      expect(keyed.body.errors.map((e: { field: string }) => e.field)).toEqual([`source${'.0'.repeat(32)}`]);
      expect(await postText('/v1/statements', body)).toEqual(keyed);
      expect(await head()).toBe(before);
    });
  });

  describe('unknown fields named like Object.prototype members', () => {
    /** `toString`, `valueOf`, `hasOwnProperty`, … `__lookupSetter__`: every inherited name a body could use. */
    const INHERITED = Object.getOwnPropertyNames(Object.prototype).filter(
      (n) => !['__proto__', 'constructor'].includes(n),
    );
    const REFUSED = ['__proto__', 'constructor', 'prototype'];

    it('are the ten names the issue lists', () => {
      expect(INHERITED.sort()).toEqual(
        [
          '__defineGetter__',
          '__defineSetter__',
          '__lookupGetter__',
          '__lookupSetter__',
          'hasOwnProperty',
          'isPrototypeOf',
          'propertyIsEnumerable',
          'toLocaleString',
          'toString',
          'valueOf',
        ].sort(),
      );
    });

    /** Route, a valid body, and the objects in it (paths) where an unknown key is added. */
    const places = (): [string, unknown, (string | number)[][]][] => [
      ['/v1/statements', statementBody(), [[], ['source']]],
      [`/v1/statements/${ids.statement}/corrections`, CORRECTION, [[], ['changes'], ['source']]],
      [`/v1/statements/${ids.statement}/retraction`, RETRACTION, [[], ['source']]],
      ['/v1/sanctioned-entities', entityBody({ name: 'Inherited Keys Ltd' }), [[], ['source']]],
      [`/v1/sanctioned-entities/${ids.entity}/amendments`, AMENDMENT, [[], ['changes'], ['source']]],
      [`/v1/sanctioned-entities/${ids.entity}/removal`, REMOVAL, [[], ['source']]],
      ['/v1/policy-actions', EXPORT_CONTROL_RULE, [[], ['announcedListings'], ['announcedListings', 'byCountry']]],
      [`/v1/policy-actions/${ids.policyAction}/stages`, STAGE, [[], ['source']]],
      ['/v1/escalation-signals', ESCALATION_SIGNAL, [[], ['metrics'], ['source']]],
      ['/v1/anchors', ANCHOR, [[], ['source']]],
      ['/v1/diplomatic-engagements', ENGAGEMENT, [[], ['participants', 0], ['participants', 1], ['source']]],
    ];

    it('at the top level or in any nested object (arrays of objects too) are a 400 naming them; nothing is appended', async () => {
      const before = await head();
      let sent = 0;
      for (const [url, body, paths] of places()) {
        for (const path of paths) {
          for (const key of [...INHERITED, ...REFUSED]) {
            const res = await api.request('POST', url, withKeyAt(body, path, key, 'x'), {
              'idempotency-key': `inherited-${randomUUID()}`,
            });
            expectProblem(res, 400, { url, path, key });
            // Fastify's JSON parser refuses an own `__proto__` key before anything names fields.
            if (key === '__proto__') continue;
            expect({ url, fields: res.body.errors.map((e: { field: string }) => e.field) }).toEqual({
              url,
              fields: [[...path, key].join('.')],
            });
            sent++;
          }
        }
      }
      expect(sent).toBeGreaterThan(300);
      expect(await head()).toBe(before);
    }, 60_000);

    it('with other errors in the same body are named beside them', async () => {
      const res = await api.request(
        'POST',
        '/v1/statements',
        withKeyAt(statementBody({ country: 'XX' }), [], 'valueOf', 1),
      );
      expect(res.status).toBe(400);
      expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['country', 'valueOf']);
    });

    it('the bodies without them are accepted (the 400s above are for the key alone)', async () => {
      for (const [url, body] of places()) {
        const res = await api.request('POST', url, body);
        expect({ url, status: res.status, body: res.status === 201 ? undefined : res.body }).toEqual({
          url,
          status: 201,
          body: undefined,
        });
      }
    });

    it('in a query string are a 400 naming them on every GET route', async () => {
      const before = await head();
      for (const route of dateRoutes(ids).map(([route]) => route)) {
        for (const key of [...INHERITED, ...REFUSED]) {
          const res = await api.request('GET', `${route}${route.includes('?') ? '&' : '?'}${key}=1`);
          expectProblem(res, 400, { route, key });
          expect({ route, fields: res.body.errors.map((e: { field: string }) => e.field) }).toEqual({
            route,
            fields: [key],
          });
        }
      }
      expect(await head()).toBe(before);
    }, 60_000);
  });

  describe('impossible dates in query filters', () => {
    const IMPOSSIBLE = ['2024-02-30', '2024-13-45', '0000-00-00', '2023-02-29', '2024-04-31', '2024-00-10'];

    it('are a 400 naming the filter on every GET route, for every date filter', async () => {
      const before = await head();
      let sent = 0;
      for (const [route, params] of dateRoutes(ids)) {
        for (const param of params) {
          for (const date of IMPOSSIBLE) {
            const res = await api.request('GET', `${route}${route.includes('?') ? '&' : '?'}${param}=${date}`);
            expectProblem(res, 400, { route, param, date });
            expect({ route, param, date, fields: res.body.errors.map((e: { field: string }) => e.field) }).toEqual({
              route,
              param,
              date,
              fields: [param],
            });
            sent++;
          }
        }
      }
      expect(sent).toBeGreaterThan(100);
      expect(await head()).toBe(before);
    });

    it('real dates pass the same filters', async () => {
      for (const [route, params] of dateRoutes(ids)) {
        for (const param of params) {
          const res = await api.request('GET', `${route}${route.includes('?') ? '&' : '?'}${param}=2024-02-29`);
          expect({ route, param, status: res.status }).toEqual({
            route,
            param,
            status: res.status === 404 ? 404 : 200,
          });
        }
      }
    });
  });
});

/** Every GET route with a query DTO, with its date filters (`asOf` is on all of them). */
function dateRoutes(ids: { statement: string; entity: string; policyAction: string }): [string, string[]][] {
  return [
    ['/v1/statements', ['from', 'to', 'asOf']],
    ['/v1/policy-actions', ['from', 'to', 'asOf']],
    ['/v1/diplomatic-engagements', ['from', 'to', 'asOf']],
    ['/v1/escalation-signals', ['from', 'to', 'asOf']],
    ['/v1/timelines/export-controls', ['from', 'to', 'asOf']],
    ['/v1/timelines/escalation?anchor=invalid-input-anchor', ['asOf']],
    ['/v1/sanctioned-entities', ['asOf']],
    [`/v1/sanctioned-entities/${ids.entity}`, ['asOf']],
    [`/v1/policy-actions/${ids.policyAction}`, ['asOf']],
    ['/v1/feed', ['asOf']],
    ['/v1/anchors', ['asOf']],
    [`/v1/audit/streams/statement-${ids.statement}`, ['asOf']],
  ];
}

/** A copy of `body` with `key` added to the object at `path`, as an own property even for `__proto__`. */
function withKeyAt(body: unknown, path: (string | number)[], key: string, value: unknown): unknown {
  const copy = JSON.parse(JSON.stringify(body)) as Record<string, unknown>;
  const target = path.reduce<any>((node, step) => node[step], copy);
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}

const SOURCE = { url: 'https://www.federalregister.gov/', publisher: 'Federal Register' };
const POLICY_ACTION = {
  kind: 'investigation',
  title: 'Invalid input fixture investigation',
  actors: ['USTR'],
  instrument: 'Section 301',
  stage: 'petition',
  occurredAt: '2024-03-12',
  source: SOURCE,
};
const EXPORT_CONTROL_RULE = {
  kind: 'export-control-rule',
  title: 'Invalid input fixture rule',
  actors: ['BIS'],
  instrument: '89 FR 00000',
  stage: 'published',
  occurredAt: '2024-03-12',
  announcedListings: { list: 'BIS_ENTITY_LIST', total: 3, byCountry: { CN: 3 }, effectiveOn: '2024-03-13' },
  source: SOURCE,
};
const CORRECTION = { changes: { role: 'State Councilor' }, reason: 'Title was wrong', source: SOURCE };
const RETRACTION = { reason: 'Entered in error', source: SOURCE };
const AMENDMENT = { changes: { aliases: ['Fixture Alias'] }, note: 'Amended', source: SOURCE };
const REMOVAL = { effectiveOn: '2024-06-01', federalRegisterCitation: '89 FR 1', reason: 'Delisted', source: SOURCE };
const STAGE = { stage: 'initiated', occurredAt: '2024-04-17T10:00:00Z', source: SOURCE };
const ESCALATION_SIGNAL = {
  region: 'taiwan-strait',
  kind: 'air',
  observedFrom: '2024-05-23T06:00:00+08:00',
  observedTo: '2024-05-24T06:00:00+08:00',
  metrics: { aircraft: 49 },
  severity: 4,
  source: SOURCE,
};
const ANCHOR = { name: 'invalid-input-anchor', date: '2024-05-20', title: 'Fixture anchor', source: SOURCE };
const ENGAGEMENT = {
  kind: 'call',
  title: 'Invalid input fixture call',
  participants: [
    { name: 'A', country: 'US' },
    { name: 'B', country: 'CN' },
  ],
  startsOn: '2024-06-10',
  endsOn: '2024-06-10',
  source: SOURCE,
};
