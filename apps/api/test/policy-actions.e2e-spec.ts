import { randomUUID } from 'node:crypto';
import { startTestApp, type TestApp } from './test-app';

/** Names unique to this run, so the suite also passes against a shared real EventStoreDB. */
const run = randomUUID().slice(0, 8);

const congress = { url: 'https://www.congress.gov/bill/118th-congress/house-bill/7521', publisher: 'Congress.gov' };

/** A valid `POST /v1/policy-actions` body: the TikTok divest-or-ban bill as introduced. */
const actionBody = (overrides: Record<string, unknown> = {}) => ({
  kind: 'legislation',
  title: `Protecting Americans from Foreign Adversary Controlled Applications Act ${run}`,
  actors: [`US Congress ${run}`],
  instrument: 'H.R. 7521',
  stage: 'introduced',
  occurredAt: '2024-03-05',
  summary: 'Requires ByteDance to divest TikTok or face a ban.',
  source: congress,
  ...overrides,
});

/** A valid `POST /v1/policy-actions/:id/stages` body. */
const stageBody = (stage: string, occurredAt: string, overrides: Record<string, unknown> = {}) => ({
  stage,
  occurredAt,
  note: `${stage} (${run})`,
  source: congress,
  ...overrides,
});

const fields = (body: { errors: { field: string }[] }) => body.errors.map((e) => e.field);

describe('HTTP: policy actions', () => {
  let api: TestApp;
  beforeAll(async () => (api = await startTestApp()));
  afterAll(() => api.close());

  const record = async (overrides: Record<string, unknown> = {}) => {
    const res = await api.request('POST', '/v1/policy-actions', actionBody(overrides));
    expect(res.status).toBe(201);
    return res;
  };
  const advance = (id: string, body: unknown, headers: Record<string, string> = {}) =>
    api.request('POST', `/v1/policy-actions/${id}/stages`, body, headers);

  it('records an action: 201 with id, stream, revision, position and an ETag; GET shows it with its first stage', async () => {
    const res = await record();
    expect(res.body).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      streamId: `policyAction-${res.body.id}`,
      revision: 0,
      position: expect.stringMatching(/^\d+$/),
    });
    expect(res.headers.etag).toBe('"0"');
    await api.settle(res.body);
    const one = await api.request('GET', `/v1/policy-actions/${res.body.id}`);
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({
      id: res.body.id,
      kind: 'legislation',
      stage: 'introduced',
      instrument: 'H.R. 7521',
      history: [{ stage: 'introduced', occurredAt: '2024-03-05', revision: 0, source: congress }],
    });
  });

  it('advances a bill through both chambers to signature, each stage with its ETag, and lists it by stage and actor', async () => {
    const { body } = await record({ title: `TikTok bill ${run}` });
    const steps: [string, string][] = [
      ['passed-house', '2024-03-13'],
      ['passed-senate', '2024-04-23'],
      ['signed', '2024-04-24'],
    ];
    let last = body;
    for (const [i, [stage, day]] of steps.entries()) {
      const res = await advance(body.id, stageBody(stage, day), { 'if-match': `"${i}"` });
      expect(res.status).toBe(201);
      expect(res.headers.etag).toBe(`"${i + 1}"`);
      expect(res.body).toMatchObject({ id: body.id, streamId: body.streamId, revision: i + 1 });
      last = res.body;
    }
    await api.settle(last);
    const one = await api.request('GET', `/v1/policy-actions/${body.id}`);
    expect(one.body.stage).toBe('signed');
    expect(one.body.stageOccurredAt).toBe('2024-04-24');
    expect(one.body.history.map((h: { stage: string }) => h.stage)).toEqual([
      'introduced',
      'passed-house',
      'passed-senate',
      'signed',
    ]);
    expect(one.body.history[3]).toMatchObject({ note: `signed (${run})`, recordedAt: expect.any(String) });
    const actor = encodeURIComponent(`us congress ${run}`);
    const list = await api.request('GET', `/v1/policy-actions?kind=legislation&stage=signed&actor=${actor}`);
    expect(list.status).toBe(200);
    expect(list.body.items.map((a: { id: string }) => a.id)).toEqual([body.id]);
    const byText = await api.request(
      'GET',
      `/v1/policy-actions?q=tiktok%20BILL%20${run}&from=2024-04-24&to=2024-04-24`,
    );
    expect(byText.body.items).toEqual([expect.objectContaining({ id: body.id, stage: 'signed' })]);
  });

  it('stores an export-control rule’s announced listings in the event exactly as given', async () => {
    const announcedListings = {
      list: 'BIS_ENTITY_LIST',
      total: 49,
      byCountry: { CN: 42, FI: 1 },
      effectiveOn: '2023-10-06',
    };
    const res = await record({
      kind: 'export-control-rule',
      title: `Additions to the Entity List ${run}`,
      actors: ['BIS'],
      instrument: '15 CFR part 744',
      citation: '88 FR 70352',
      stage: 'published',
      occurredAt: '2023-10-11',
      announcedListings,
    });
    const events = [];
    for await (const event of api.store.readStream(res.body.streamId)) events.push(event);
    expect(events.map((e) => e.type)).toEqual(['PolicyActionRecorded']);
    expect(events[0].data).toMatchObject({ kind: 'export-control-rule', announcedListings });
  });

  const { title: _title, ...withoutTitle } = actionBody();
  const badBodies: [string, unknown, string][] = [
    ['an unknown field', actionBody({ priority: 'high' }), 'priority'],
    ['a missing title', withoutTitle, 'title'],
    ['an unknown kind', actionBody({ kind: 'treaty' }), 'kind'],
    ['an unknown stage', actionBody({ stage: 'tabled' }), 'stage'],
    ['a malformed date', actionBody({ occurredAt: '2024-02-30' }), 'occurredAt'],
    ['no actors', actionBody({ actors: [] }), 'actors'],
    ['a source without publisher', actionBody({ source: { url: 'https://www.congress.gov/' } }), 'source.publisher'],
    [
      'a lower-case country in listing counts',
      actionBody({
        kind: 'export-control-rule',
        stage: 'published',
        announcedListings: { list: 'BIS_ENTITY_LIST', total: 1, byCountry: { cn: 1 }, effectiveOn: '2024-04-11' },
      }),
      'announcedListings.byCountry',
    ],
    [
      'an unknown list in listing counts',
      actionBody({
        kind: 'export-control-rule',
        stage: 'published',
        announcedListings: { list: 'MADE_UP', total: 1, byCountry: {}, effectiveOn: '2024-04-11' },
      }),
      'announcedListings.list',
    ],
  ];

  it.each(badBodies)('recording with %s is a 400 naming the field, and nothing is appended', async (_, body, field) => {
    const before = await api.countEvents();
    const res = await api.request('POST', '/v1/policy-actions', body);
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(fields(res.body)).toContain(field);
    expect(await api.countEvents()).toBe(before);
  });

  it('advancing with a bad body or a malformed id is a 400 naming the field', async () => {
    const { body } = await record();
    const { stage: _stage, ...withoutStage } = stageBody('passed-house', '2024-03-13');
    const missing = await advance(body.id, withoutStage);
    expect(missing.status).toBe(400);
    expect(fields(missing.body)).toEqual(['stage']);
    const badId = await advance('not-an-id', stageBody('passed-house', '2024-03-13'));
    expect(badId.status).toBe(400);
    expect(fields(badId.body)).toEqual(['id']);
    const badIfMatch = await advance(body.id, stageBody('passed-house', '2024-03-13'), { 'if-match': 'latest' });
    expect(badIfMatch.status).toBe(400);
    expect(fields(badIfMatch.body)).toEqual(['If-Match']);
  });

  it('an unknown id is a 404 problem, for GET and for advancing', async () => {
    const id = randomUUID();
    const get = await api.request('GET', `/v1/policy-actions/${id}`);
    expect(get.status).toBe(404);
    expect(get.headers['content-type']).toMatch(/^application\/problem\+json/);
    const post = await advance(id, stageBody('passed-house', '2024-03-13'));
    expect(post.status).toBe(404);
    expect(post.body.code).toBe('policy-action-not-found');
  });

  it.each<[string, Record<string, unknown>, [string, string][], string]>([
    ['a tariff recorded as already effective', { kind: 'tariff', stage: 'effective' }, [], 'invalid-initial-stage'],
    ['a rate on a bill', { rate: '25%' }, [], 'rate-only-for-tariffs'],
    [
      'a bill signed after one chamber',
      {},
      [
        ['passed-house', '2024-03-13'],
        ['signed', '2024-04-24'],
      ],
      'stage-prerequisites-missing',
    ],
    ['a stage of another kind', {}, [['effective', '2024-03-13']], 'stage-not-in-lifecycle'],
    ['a stage dated before the current one', {}, [['passed-house', '2024-03-01']], 'occurred-before-previous-stage'],
    [
      'a report advanced after publication',
      { kind: 'report', stage: 'published' },
      [['published', '2024-03-06']],
      'final-stage',
    ],
  ])('%s is a 422 rule violation that appends nothing', async (_, overrides, stages, code) => {
    const before = await api.countEvents();
    let res = await api.request('POST', '/v1/policy-actions', actionBody(overrides));
    for (const [stage, day] of stages) {
      expect(res.status).toBe(201);
      res = await advance(res.body.id, stageBody(stage, day));
    }
    expect(res.status).toBe(422);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 422, code });
    // The recording and the advances before the refused one were accepted; the refused one appended nothing.
    expect(await api.countEvents()).toBe(before + stages.length);
  });

  it('a stale If-Match is a 412 and appends nothing; the current one succeeds', async () => {
    const { body } = await record({ kind: 'investigation', stage: 'petition', occurredAt: '2024-03-12' });
    const first = await advance(body.id, stageBody('initiated', '2024-04-17'), { 'if-match': '"0"' });
    expect(first.status).toBe(201);
    const before = await api.countEvents();
    const stale = await advance(body.id, stageBody('hearing', '2024-05-29'), { 'if-match': '"0"' });
    expect(stale.status).toBe(412);
    expect(stale.body).toMatchObject({ code: 'revision-mismatch', expectedRevision: '0', actualRevision: '1' });
    expect(await api.countEvents()).toBe(before);
    const current = await advance(body.id, stageBody('hearing', '2024-05-29'), {
      'if-match': first.headers.etag as string,
    });
    expect(current.status).toBe(201);
    expect(current.headers.etag).toBe('"2"');
  });

  it('as of a time between two recordings, the later stage is not known yet', async () => {
    const title = `As-of investigation ${run}`;
    const { body } = await record({ kind: 'investigation', title, stage: 'petition', occurredAt: '2024-03-12' });
    await api.settle(body);
    await new Promise((resolve) => setTimeout(resolve, 20));
    const res = await advance(body.id, stageBody('initiated', '2024-04-17'));
    await api.settle(res.body);
    const now = await api.request('GET', `/v1/policy-actions/${body.id}`);
    const [first, second] = now.body.history.map((h: { recordedAt: string }) => Date.parse(h.recordedAt));
    expect(second).toBeGreaterThan(first);
    const between = new Date(Math.floor((first + second) / 2)).toISOString();

    const then = await api.request('GET', `/v1/policy-actions/${body.id}?asOf=${between}`);
    expect(then.status).toBe(200);
    expect(then.body).toMatchObject({ stage: 'petition', revision: 0 });
    expect(then.body.history.map((h: { stage: string }) => h.stage)).toEqual(['petition']);
    const q = encodeURIComponent(title);
    const listThen = await api.request('GET', `/v1/policy-actions?q=${q}&asOf=${between}`);
    expect(listThen.body.items.map((a: { stage: string }) => a.stage)).toEqual(['petition']);
    const initiatedThen = await api.request('GET', `/v1/policy-actions?q=${q}&stage=initiated&asOf=${between}`);
    expect(initiatedThen.body.items).toEqual([]);
    const listNow = await api.request('GET', `/v1/policy-actions?q=${q}`);
    expect(listNow.body.items.map((a: { stage: string }) => a.stage)).toEqual(['initiated']);
    const before = await api.request('GET', `/v1/policy-actions/${body.id}?asOf=${new Date(first - 1).toISOString()}`);
    expect(before.status).toBe(404);
  });

  it('paginates with a cursor and no overlap', async () => {
    const title = `Pager action ${run}`;
    for (const day of ['2024-05-01', '2024-05-02', '2024-05-03']) {
      const res = await record({ title, occurredAt: day });
      await api.settle(res.body);
    }
    const first = await api.request('GET', `/v1/policy-actions?q=${encodeURIComponent(title)}&limit=2`);
    expect(first.body.items.map((a: { occurredAt: string }) => a.occurredAt)).toEqual(['2024-05-03', '2024-05-02']);
    const second = await api.request(
      'GET',
      `/v1/policy-actions?q=${encodeURIComponent(title)}&limit=2&cursor=${first.body.nextCursor}`,
    );
    expect(second.body.items.map((a: { occurredAt: string }) => a.occurredAt)).toEqual(['2024-05-01']);
    expect(second.body.nextCursor).toBeUndefined();
  });

  it('bad query parameters are a 400 naming them', async () => {
    const res = await api.request('GET', '/v1/policy-actions?kind=treaty&stage=tabled&asOf=yesterday&bogus=1');
    expect(res.status).toBe(400);
    expect(fields(res.body).sort()).toEqual(['asOf', 'bogus', 'kind', 'stage']);
    const one = await api.request('GET', `/v1/policy-actions/${randomUUID()}?asOf=yesterday`);
    expect(one.status).toBe(400);
    expect(fields(one.body)).toEqual(['asOf']);
  });
});
