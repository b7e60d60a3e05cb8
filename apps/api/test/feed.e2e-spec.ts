import { entityBody, statementBody } from '@tracker/testing/fixtures';
import { randomUUID } from 'node:crypto';
import { startTestApp, type TestApp } from './test-app';

const run = randomUUID().slice(0, 8);

describe('HTTP: developments feed', () => {
  let api: TestApp;
  beforeAll(async () => (api = await startTestApp()));
  afterAll(() => api.close());

  it('lists every development newest first, by kind, paginated, and as of a recorded time', async () => {
    const statement = await api.request('POST', '/v1/statements', statementBody({ speaker: `Feed ${run}` }));
    const entity = await api.request('POST', '/v1/sanctioned-entities', entityBody({ name: `Feed ${run} Co` }));
    await api.settle(entity.body);
    await new Promise((r) => setTimeout(r, 15));
    const beforeRetraction = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 15));
    const retraction = await api.request('POST', `/v1/statements/${statement.body.id}/retraction`, {
      reason: 'Misattributed',
      source: { url: 'https://example.org/', publisher: 'Example' },
    });
    await api.settle(retraction.body);

    const feed = await api.request('GET', '/v1/feed?limit=3');
    expect(feed.body.items.map((i: { eventType: string }) => i.eventType)).toEqual([
      'StatementRetracted',
      'SanctionedEntityAdded',
      'StatementRecorded',
    ]);
    expect(feed.body.items[1]).toMatchObject({
      kind: 'sanctioned-entity',
      recordId: entity.body.id,
      position: entity.body.position,
      headline: `Feed ${run} Co (CN) added to BIS_ENTITY_LIST`,
      occurredAt: '2023-10-06',
    });
    const statements = await api.request('GET', '/v1/feed?kind=statement&limit=1');
    expect(statements.body.items.map((i: { eventType: string }) => i.eventType)).toEqual(['StatementRetracted']);
    const next = await api.request('GET', `/v1/feed?kind=statement&limit=1&cursor=${statements.body.nextCursor}`);
    expect(next.body.items.map((i: { recordId: string }) => i.recordId)).toEqual([statement.body.id]);
    const then = await api.request('GET', `/v1/feed?limit=1&asOf=${beforeRetraction}`);
    expect(then.body.items[0].eventType).toBe('SanctionedEntityAdded');
  });
});
