import { entityBody, statementBody } from '@tracker/testing/fixtures';
import { randomUUID } from 'node:crypto';
import { startTestApp, type TestApp } from './test-app';

/** Names unique to this run, so the suite also passes against a shared real EventStoreDB. */
const run = randomUUID().slice(0, 8);

describe('HTTP: duplicates under concurrency, and data across restarts', () => {
  let api: TestApp;
  beforeEach(async () => (api = await startTestApp()));
  afterEach(() => api.close());

  it('20 concurrent adds of one entity to one list: exactly one 201, nineteen 409, one event', async () => {
    const body = entityBody({ name: `Race Condition ${run} Electronics Ltd` });
    const before = await api.countEvents();
    const responses = await Promise.all(
      Array.from({ length: 20 }, () => api.request('POST', '/v1/sanctioned-entities', body)),
    );
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses).toEqual([201, ...Array(19).fill(409)]);
    for (const r of responses.filter((r) => r.status === 409)) {
      expect(r.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
    expect(await api.countEvents()).toBe(before + 1);
  });

  it('the same entity spelled differently is still a duplicate; on another list it is not', async () => {
    const first = await api.request(
      'POST',
      '/v1/sanctioned-entities',
      entityBody({ name: `Spelling ${run} Co., Ltd.` }),
    );
    expect(first.status).toBe(201);
    const respelled = await api.request(
      'POST',
      '/v1/sanctioned-entities',
      entityBody({ name: `SPELLING ${run.toUpperCase()} CO LTD` }),
    );
    expect(respelled.status).toBe(409);
    expect(respelled.body.code).toBe('already-listed');
    const other = await api.request(
      'POST',
      '/v1/sanctioned-entities',
      entityBody({ name: `Spelling ${run} Co., Ltd.`, list: 'OFAC_SDN' }),
    );
    expect(other.status).toBe(201);
  });

  it('records survive a restart on the same data folder', async () => {
    const addedBefore = await api.addedOn('2023-10-06');
    const eventsBefore = await api.countEvents();
    const statement = await api.request('POST', '/v1/statements', statementBody({ speaker: `Restart ${run}` }));
    const entity = await api.request('POST', '/v1/sanctioned-entities', entityBody({ name: `Restart ${run} Co` }));
    expect([statement.status, entity.status]).toEqual([201, 201]);
    await api.close({ keepData: true });
    api = await startTestApp(api.dataDir);
    await api.settle(entity.body);
    const statements = await api.request('GET', `/v1/statements?speaker=Restart%20${run}`);
    expect(statements.body.items.map((s: { id: string }) => s.id)).toEqual([statement.body.id]);
    expect(await api.addedOn('2023-10-06')).toBe(addedBefore + 1);
    expect(await api.countEvents()).toBe(eventsBefore + 2);
  });
});
