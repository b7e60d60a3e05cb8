import { entityBody, statementBody } from '@tracker/testing/fixtures';
import { startTestApp, type TestApp } from './test-app';

describe('HTTP: duplicates under concurrency, and data across restarts', () => {
  let api: TestApp;
  beforeEach(async () => (api = await startTestApp()));
  afterEach(() => api.close());

  it('20 concurrent adds of one entity to one list: exactly one 201, nineteen 409, one event', async () => {
    const body = entityBody({ name: 'Race Condition Electronics Ltd' });
    const responses = await Promise.all(
      Array.from({ length: 20 }, () => api.request('POST', '/v1/sanctioned-entities', body)),
    );
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses).toEqual([201, ...Array(19).fill(409)]);
    for (const r of responses.filter((r) => r.status === 409)) {
      expect(r.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
    expect(await api.countEvents()).toBe(1);
  });

  it('the same entity spelled differently is still a duplicate; on another list it is not', async () => {
    const first = await api.request('POST', '/v1/sanctioned-entities', entityBody({ name: 'Spelling Co., Ltd.' }));
    expect(first.status).toBe(201);
    const respelled = await api.request('POST', '/v1/sanctioned-entities', entityBody({ name: 'SPELLING CO LTD' }));
    expect(respelled.status).toBe(409);
    expect(respelled.body.code).toBe('already-listed');
    const other = await api.request(
      'POST',
      '/v1/sanctioned-entities',
      entityBody({ name: 'Spelling Co., Ltd.', list: 'OFAC_SDN' }),
    );
    expect(other.status).toBe(201);
  });

  it('records survive a restart on the same data folder', async () => {
    const statement = await api.request('POST', '/v1/statements', statementBody({ speaker: 'Restart Check' }));
    const entity = await api.request('POST', '/v1/sanctioned-entities', entityBody({ name: 'Restart Check Co' }));
    expect([statement.status, entity.status]).toEqual([201, 201]);
    await api.close({ keepData: true });
    api = await startTestApp(api.dataDir);
    await api.settle(entity.body);
    const statements = await api.request('GET', '/v1/statements?speaker=Restart%20Check');
    expect(statements.body.items.map((s: { id: string }) => s.id)).toEqual([statement.body.id]);
    const timeline = await api.request('GET', '/v1/timelines/export-controls');
    expect(timeline.body.days).toEqual([{ date: '2023-10-06', added: 1, removed: 0, cumulative: 1 }]);
    expect(await api.countEvents()).toBe(2);
  });
});
