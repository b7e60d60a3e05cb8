import { mndSignalBody } from '@tracker/testing/fixtures';
import { randomUUID } from 'node:crypto';
import { startTestApp, type TestApp, type TestResponse } from './test-app';

/** Names unique to this run, so the suite also passes against a shared real EventStoreDB. */
const run = randomUUID().slice(0, 8);

const signalBody = (overrides: Record<string, unknown> = {}) =>
  mndSignalBody({ summary: `Joint Sword-2024A, day one (${run})`, ...overrides });
const anchorBody = (name: string) => ({
  name,
  date: '2024-05-20',
  title: 'Inauguration of Lai Ching-te',
  source: { url: 'https://www.president.gov.tw/', publisher: 'Office of the President, ROC (Taiwan)' },
});

describe('HTTP: escalation signals and the escalation timeline', () => {
  let api: TestApp;
  beforeAll(async () => (api = await startTestApp()));
  afterAll(() => api.close());

  const fieldsOf = (res: TestResponse) => res.body.errors.map((e: { field: string }) => e.field);
  const recordedAt = async (streamId: string) => {
    for await (const event of api.store.readStream(streamId)) return event.recordedAt;
    throw new Error(`${streamId} is empty`);
  };

  it('records a signal: 201 with an ETag; the event keeps the Goldstein weight; the list dates it in Taipei', async () => {
    const res = await api.request('POST', '/v1/escalation-signals', signalBody());
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      streamId: `escalationSignal-${res.body.id}`,
      revision: 0,
      position: expect.stringMatching(/^\d+$/),
    });
    expect(res.headers.etag).toBe('"0"');
    for await (const event of api.store.readStream(res.body.streamId)) {
      expect(event.type).toBe('EscalationSignalRecorded');
      expect(event.data).toEqual({ ...signalBody(), signalId: res.body.id, goldstein: -7.2 });
    }
    await api.settle(res.body);
    const list = await api.request('GET', '/v1/escalation-signals?region=taiwan-strait&from=2024-05-24&to=2024-05-24');
    expect(list.status).toBe(200);
    expect(list.body.items).toContainEqual(
      expect.objectContaining({ id: res.body.id, reportDate: '2024-05-24', timeZone: 'Asia/Taipei', goldstein: -7.2 }),
    );
  });

  it('a window that ends before it starts is a 422 rule violation', async () => {
    const res = await api.request(
      'POST',
      '/v1/escalation-signals',
      signalBody({ observedFrom: '2024-05-24T06:00:00+08:00', observedTo: '2024-05-23T06:00:00+08:00' }),
    );
    expect(res.status).toBe(422);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 422, code: 'invalid-observation-window' });
  });

  const { source: _source, ...withoutSource } = signalBody();
  const cases: [string, unknown, string][] = [
    ['an unknown CAMEO code', signalBody({ cameoCode: '999' }), 'cameoCode'],
    ['a severity above 5', signalBody({ severity: 6 }), 'severity'],
    ['a negative count', signalBody({ metrics: { aircraft: -1 } }), 'metrics.aircraft'],
    ['a fractional count', signalBody({ metrics: { navyVessels: 1.5 } }), 'metrics.navyVessels'],
    ['an unknown metric', signalBody({ metrics: { submarines: 1 } }), 'metrics.submarines'],
    ['an unknown region', signalBody({ region: 'baltic-sea' }), 'region'],
    ['an unknown kind', signalBody({ kind: 'cyber' }), 'kind'],
    ['a window end without an offset', signalBody({ observedTo: '2024-05-24T06:00:00' }), 'observedTo'],
    ['a window start that is only a date', signalBody({ observedFrom: '2024-05-23' }), 'observedFrom'],
    ['a missing source', withoutSource, 'source'],
    ['a source without publisher', signalBody({ source: { url: 'https://www.mnd.gov.tw/' } }), 'source.publisher'],
  ];

  it.each(cases)('%s is a 400 problem naming the field, and nothing is appended', async (_, body, field) => {
    const before = await api.countEvents();
    const res = await api.request('POST', '/v1/escalation-signals', body);
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(fieldsOf(res)).toContain(field);
    expect(await api.countEvents()).toBe(before);
  });

  it('an unknown anchor is a 404 problem; bad timeline parameters are a 400 naming them', async () => {
    const missing = await api.request('GET', `/v1/timelines/escalation?anchor=no-such-anchor-${run}`);
    expect(missing.status).toBe(404);
    expect(missing.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(missing.body).toMatchObject({ status: 404, code: 'anchor-not-found' });
    const bad = await api.request('GET', '/v1/timelines/escalation?anchor=Bad%20Name&before=400&after=-1&region=x');
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad).sort()).toEqual(['after', 'anchor', 'before', 'region']);
    expect(fieldsOf(await api.request('GET', '/v1/timelines/escalation'))).toEqual(['anchor']);
  });

  it('the timeline around the inauguration shows Joint Sword-2024A at +4 and +5, and as of a time between the two reports only the first', async () => {
    const name = `taiwan-inauguration-2024-${run}`;
    const url = `/v1/timelines/escalation?anchor=${name}&before=7&after=7&region=taiwan-strait`;
    const anchor = await api.request('POST', '/v1/anchors', anchorBody(name));
    expect(anchor.status).toBe(201);
    await api.settle(anchor.body);
    const baseline = (await api.request('GET', url)).body.days;

    const day1 = await api.request('POST', '/v1/escalation-signals', signalBody());
    await api.settle(day1.body);
    await new Promise((resolve) => setTimeout(resolve, 20));
    const day2 = await api.request(
      'POST',
      '/v1/escalation-signals',
      signalBody({
        observedFrom: '2024-05-23T22:00:00Z',
        observedTo: '2024-05-24T22:00:00Z',
        metrics: { aircraft: 62, navyVessels: 27 },
        summary: `Joint Sword-2024A, day two (${run})`,
      }),
    );
    expect([day1.status, day2.status]).toEqual([201, 201]);
    await api.settle(day2.body);

    const now = await api.request('GET', url);
    expect(now.status).toBe(200);
    expect(now.body.anchor).toEqual({ name, date: '2024-05-20', title: 'Inauguration of Lai Ching-te' });
    const days = now.body.days;
    expect(days).toHaveLength(15);
    expect(days[7]).toMatchObject({ date: '2024-05-20', offset: 0 });
    const plus = (offset: number, list = days) => list.find((d: { offset: number }) => d.offset === offset);
    const grew = (offset: number, list = days) => {
      const [was, is] = [plus(offset, baseline), plus(offset, list)];
      return {
        date: is.date,
        signals: is.signals - was.signals,
        aircraft: is.aircraft - was.aircraft,
        medianLineCrossings: is.medianLineCrossings - was.medianLineCrossings,
        navyVessels: is.navyVessels - was.navyVessels,
        coastGuardVessels: is.coastGuardVessels - was.coastGuardVessels,
        maxSeverity: is.maxSeverity,
      };
    };
    expect(grew(4)).toEqual({
      date: '2024-05-24',
      signals: 1,
      aircraft: 49,
      medianLineCrossings: 35,
      navyVessels: 19,
      coastGuardVessels: 7,
      maxSeverity: 5,
    });
    expect(grew(5)).toEqual({
      date: '2024-05-25',
      signals: 1,
      aircraft: 62,
      medianLineCrossings: 0,
      navyVessels: 27,
      coastGuardVessels: 0,
      maxSeverity: 5,
    });
    expect(plus(4).escalationIndex).toBeGreaterThan(plus(4, baseline).escalationIndex);

    const [first, second] = [await recordedAt(day1.body.streamId), await recordedAt(day2.body.streamId)];
    expect(second.getTime()).toBeGreaterThan(first.getTime());
    const between = new Date(Math.floor((first.getTime() + second.getTime()) / 2)).toISOString();
    const then = await api.request('GET', `${url}&asOf=${between}`);
    expect(then.status).toBe(200);
    expect(grew(4, then.body.days)).toMatchObject({ signals: 1, aircraft: 49 });
    expect(grew(5, then.body.days)).toMatchObject({ signals: 0, aircraft: 0, navyVessels: 0 });

    const beforeAnchor = new Date((await recordedAt(anchor.body.streamId)).getTime() - 1).toISOString();
    const tooEarly = await api.request('GET', `${url}&asOf=${beforeAnchor}`);
    expect(tooEarly.status).toBe(404);
  });
});
