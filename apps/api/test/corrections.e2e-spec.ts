import { entityBody, statementBody } from '@tracker/testing/fixtures';
import { randomUUID } from 'node:crypto';
import { startTestApp, type TestApp } from './test-app';

const run = randomUUID().slice(0, 8);
const source = { url: 'https://www.state.gov/', publisher: 'US Department of State' };
const pause = () => new Promise((r) => setTimeout(r, 15));

describe('HTTP: corrections, retractions, amendments and removals (nothing is deleted)', () => {
  let api: TestApp;
  beforeAll(async () => (api = await startTestApp()));
  afterAll(() => api.close());

  it('corrects a statement: new text marked as corrected, old answer kept as of before', async () => {
    const created = await api.request(
      'POST',
      '/v1/statements',
      statementBody({ speaker: `Corrector ${run}`, text: 'v1' }),
    );
    await api.settle(created.body);
    await pause();
    const between = new Date().toISOString();
    await pause();
    const corrected = await api.request(
      'POST',
      `/v1/statements/${created.body.id}/corrections`,
      { changes: { text: 'v2', topics: ['taiwan', 'transcript'] }, reason: 'Official transcript', source },
      { 'if-match': '"0"' },
    );
    expect(corrected.status).toBe(201);
    expect(corrected.body).toMatchObject({ id: created.body.id, revision: 1 });
    expect(corrected.headers.etag).toBe('"1"');
    await api.settle(corrected.body);
    const now = await api.request('GET', `/v1/statements?speaker=Corrector%20${run}`);
    expect(now.body.items).toEqual([
      expect.objectContaining({
        text: 'v2',
        corrections: [expect.objectContaining({ reason: 'Official transcript' })],
      }),
    ]);
    const before = await api.request('GET', `/v1/statements?speaker=Corrector%20${run}&asOf=${between}`);
    expect(before.body.items).toEqual([expect.objectContaining({ text: 'v1', corrections: [] })]);
  });

  it('a stale If-Match is 412, an unknown statement 404, a malformed one 400', async () => {
    const created = await api.request('POST', '/v1/statements', statementBody({ speaker: `Stale ${run}` }));
    const body = { changes: { text: 'x' }, reason: 'r', source };
    await api.request('POST', `/v1/statements/${created.body.id}/corrections`, body);
    const stale = await api.request('POST', `/v1/statements/${created.body.id}/corrections`, body, {
      'if-match': '"0"',
    });
    expect(stale.status).toBe(412);
    expect(stale.body).toMatchObject({ code: 'revision-mismatch', expectedRevision: '0', actualRevision: '1' });
    const unknown = await api.request('POST', `/v1/statements/${randomUUID()}/corrections`, body);
    expect(unknown.status).toBe(404);
    const badId = await api.request('POST', '/v1/statements/not-an-id/corrections', body);
    expect(badId.status).toBe(400);
    const badIfMatch = await api.request('POST', `/v1/statements/${created.body.id}/corrections`, body, {
      'if-match': 'x',
    });
    expect(badIfMatch.status).toBe(400);
    const empty = await api.request('POST', `/v1/statements/${created.body.id}/corrections`, { ...body, changes: {} });
    expect(empty.status).toBe(422);
    const badChange = await api.request('POST', `/v1/statements/${created.body.id}/corrections`, {
      ...body,
      changes: { occurredAt: 'yesterday' },
    });
    expect(badChange.status).toBe(400);
    expect(badChange.body.errors[0].field).toBe('changes.occurredAt');
  });

  it('retracts a statement: it leaves the list, stays in the log, and a second retraction is 422', async () => {
    const created = await api.request('POST', '/v1/statements', statementBody({ speaker: `Retracted ${run}` }));
    const retracted = await api.request('POST', `/v1/statements/${created.body.id}/retraction`, {
      reason: 'Misattributed',
      source,
    });
    expect(retracted.status).toBe(201);
    await api.settle(retracted.body);
    expect((await api.request('GET', `/v1/statements?speaker=Retracted%20${run}`)).body.items).toEqual([]);
    const events: string[] = [];
    for await (const e of api.store.readStream(created.body.streamId)) events.push(e.type);
    expect(events).toEqual(['StatementRecorded', 'StatementRetracted']);
    const again = await api.request('POST', `/v1/statements/${created.body.id}/retraction`, {
      reason: 'again',
      source,
    });
    expect(again.status).toBe(422);
  });

  it('amends and removes an entity: registry, one-record as-of view and the timeline follow', async () => {
    const added = await api.request(
      'POST',
      '/v1/sanctioned-entities',
      entityBody({ name: `Delisted ${run} Ltd`, effectiveFrom: '2022-01-03' }),
    );
    const id = added.body.id;
    await api.settle(added.body);
    await pause();
    const listedOnly = new Date().toISOString();
    await pause();
    const amended = await api.request('POST', `/v1/sanctioned-entities/${id}/amendments`, {
      changes: { aliases: [`Delisted ${run} Alias`] },
      source,
    });
    expect(amended.status).toBe(201);
    const removed = await api.request('POST', `/v1/sanctioned-entities/${id}/removal`, {
      effectiveOn: '2022-06-01',
      reason: 'Removed by rule',
      source,
    });
    expect(removed.status).toBe(201);
    await api.settle(removed.body);

    expect((await api.request('GET', `/v1/sanctioned-entities?q=delisted%20${run}`)).body.items).toEqual([]);
    expect(
      (await api.request('GET', `/v1/sanctioned-entities?q=delisted%20${run}%20alias&status=removed`)).body.items,
    ).toHaveLength(1);
    const current = await api.request('GET', `/v1/sanctioned-entities/${id}`);
    expect(current.body).toMatchObject({
      status: 'removed',
      removal: { effectiveOn: '2022-06-01' },
      amendments: [{ fields: ['aliases'] }],
    });
    const then = await api.request('GET', `/v1/sanctioned-entities/${id}?asOf=${listedOnly}`);
    expect(then.body).toMatchObject({ status: 'listed', amendments: [] });
    expect((await api.request('GET', `/v1/sanctioned-entities/${randomUUID()}`)).status).toBe(404);

    const timeline = await api.request('GET', '/v1/timelines/export-controls?from=2022-01-01&to=2022-12-31');
    const days = Object.fromEntries(timeline.body.days.map((d: { date: string }) => [d.date, d]));
    expect(days['2022-01-03']).toMatchObject({ added: 1 });
    expect(days['2022-06-01']).toMatchObject({ removed: 1 });
    const oldTimeline = await api.request(
      'GET',
      `/v1/timelines/export-controls?from=2022-01-01&to=2022-12-31&asOf=${listedOnly}`,
    );
    expect(oldTimeline.body.days.map((d: { date: string }) => d.date)).not.toContain('2022-06-01');

    const again = await api.request('POST', `/v1/sanctioned-entities/${id}/removal`, {
      effectiveOn: '2022-07-01',
      source,
    });
    expect(again.status).toBe(422);
    expect(again.body.code).toBe('not-listed');
  });
});
