import { entityBody, statementBody } from '@tracker/testing/fixtures';
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { startTestApp, type TestApp } from './test-app';

const run = randomUUID().slice(0, 8);
const source = { url: 'https://www.mfa.gov.cn/eng/', publisher: 'PRC MFA' };
const HEX64 = /^[0-9a-f]{64}$/;
const pause = () => new Promise((r) => setTimeout(r, 15));
/** Editing the log file directly is only possible with the embedded store. */
const sqliteOnly = process.env.TEST_EVENT_STORE === 'esdb' ? it.skip : it;

describe('HTTP: tamper evidence (GET /v1/audit/verify)', () => {
  let api: TestApp;
  beforeAll(async () => (api = await startTestApp()));
  afterAll(() => api.close());

  sqliteOnly(
    'reports ok, then names exactly the stream and revision edited in tracker.db behind its back',
    async () => {
      const statements = [];
      for (const i of [0, 1, 2]) {
        const res = await api.request('POST', '/v1/statements', statementBody({ speaker: `Audited ${run} ${i}` }));
        expect(res.status).toBe(201);
        statements.push(res.body);
      }
      const target = statements[1];
      const correction = { changes: { topics: ['taiwan'] }, reason: 'Transcript', source };
      expect((await api.request('POST', `/v1/statements/${target.id}/corrections`, correction)).status).toBe(201);
      const entity = await api.request('POST', '/v1/sanctioned-entities', entityBody({ name: `Audited ${run} Ltd` }));
      expect(entity.status).toBe(201);

      const intact = await api.request('GET', '/v1/audit/verify');
      expect(intact.status).toBe(200);
      expect(intact.body).toEqual({ ok: true, streams: 4, events: 5, breaks: [] });

      const dataDir = api.dataDir;
      await api.close({ keepData: true });
      const db = new Database(join(dataDir, 'tracker.db'));
      const edit = db
        .prepare(`UPDATE events SET data = json_set(data, '$.text', 'forged') WHERE stream_id = ? AND revision = 0`)
        .run(target.streamId);
      const stored = db
        .prepare<[string], { metadata: string }>('SELECT metadata FROM events WHERE stream_id = ? AND revision = 0')
        .get(target.streamId);
      db.close();
      expect(edit.changes).toBe(1);
      api = await startTestApp(dataDir);

      const tampered = await api.request('GET', '/v1/audit/verify');
      expect(tampered.status).toBe(200);
      const firstBreak = {
        streamId: target.streamId,
        revision: 0,
        expected: expect.stringMatching(HEX64),
        found: JSON.parse(stored!.metadata).hash,
      };
      expect(tampered.body).toEqual({ ok: false, streams: 4, events: 5, firstBreak, breaks: [firstBreak] });
      expect(tampered.body.firstBreak.expected).not.toBe(tampered.body.firstBreak.found);

      const other = await api.request('GET', `/v1/audit/verify?streamId=${statements[0].streamId}`);
      expect(other.body).toEqual({ ok: true, streams: 1, events: 1, breaks: [] });
      const one = await api.request('GET', `/v1/audit/verify?streamId=${target.streamId}`);
      expect(one.body).toMatchObject({ ok: false, streams: 1, events: 2, firstBreak: { revision: 0 } });
    },
  );

  it('an unknown stream is 404, a malformed one 400, an unknown parameter 400', async () => {
    const unknown = await api.request('GET', `/v1/audit/verify?streamId=statement-${randomUUID()}`);
    expect(unknown.status).toBe(404);
    expect(unknown.headers['content-type']).toMatch(/^application\/problem\+json/);
    const malformed = await api.request('GET', '/v1/audit/verify?streamId=no_category');
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors[0].field).toBe('streamId');
    expect((await api.request('GET', '/v1/audit/verify?repair=true')).status).toBe(400);
  });
});

describe('HTTP: audit trail (GET /v1/audit/streams/:streamId)', () => {
  let api: TestApp;
  beforeAll(async () => (api = await startTestApp()));
  afterAll(() => api.close());

  it('lists every stored event with its metadata, paginated and as of a recorded time', async () => {
    const created = await api.request('POST', '/v1/statements', statementBody({ speaker: `Trail ${run}` }), {
      'x-correlation-id': `trail-${run}`,
    });
    const { id, streamId } = created.body;
    await pause();
    const between = new Date().toISOString();
    await pause();
    for (const text of ['second', 'third']) {
      const res = await api.request('POST', `/v1/statements/${id}/corrections`, {
        changes: { text },
        reason: text,
        source,
      });
      expect(res.status).toBe(201);
    }

    const trail = await api.request('GET', `/v1/audit/streams/${streamId}`);
    expect(trail.status).toBe(200);
    expect(trail.body.streamId).toBe(streamId);
    expect(trail.body.nextCursor).toBeUndefined();
    expect(trail.body.items.map((i: { type: string }) => i.type)).toEqual([
      'StatementRecorded',
      'StatementCorrected',
      'StatementCorrected',
    ]);
    const [first, second] = trail.body.items;
    expect(first).toEqual({
      eventId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      type: 'StatementRecorded',
      revision: 0,
      position: created.body.position,
      recordedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT.*Z$/),
      occurredAt: '2024-04-26',
      actor: 'local',
      correlationId: `trail-${run}`,
      causationId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      schemaVersion: 2,
      source: statementBody().source,
      hash: expect.stringMatching(HEX64),
      data: expect.objectContaining({ statementId: id, speaker: `Trail ${run}` }),
      metadata: expect.objectContaining({ actor: 'local', schemaVersion: 2 }),
    });
    expect(first.metadata.hash).toBe(first.hash);
    expect(second).toMatchObject({
      revision: 1,
      occurredAt: null,
      schemaVersion: 1,
      source,
      data: { reason: 'second' },
    });

    const page1 = await api.request('GET', `/v1/audit/streams/${streamId}?limit=2`);
    expect(page1.body.items.map((i: { revision: number }) => i.revision)).toEqual([0, 1]);
    expect(typeof page1.body.nextCursor).toBe('string');
    const page2 = await api.request('GET', `/v1/audit/streams/${streamId}?limit=2&cursor=${page1.body.nextCursor}`);
    expect(page2.body.items.map((i: { revision: number }) => i.revision)).toEqual([2]);
    expect(page2.body.nextCursor).toBeUndefined();

    const then = await api.request('GET', `/v1/audit/streams/${streamId}?asOf=${between}`);
    expect(then.body.items.map((i: { revision: number }) => i.revision)).toEqual([0]);
    expect((await api.request('GET', `/v1/audit/streams/${streamId}?asOf=2000-01-01T00:00:00Z`)).status).toBe(404);

    const other = await api.request('POST', '/v1/statements', statementBody({ speaker: `Other ${run}` }));
    const foreign = await api.request(
      'GET',
      `/v1/audit/streams/${other.body.streamId}?cursor=${page1.body.nextCursor}`,
    );
    expect(foreign.status).toBe(400);
    expect(foreign.body.errors[0].field).toBe('cursor');
  });

  it('shows when a listing took effect as its occurredAt', async () => {
    const added = await api.request('POST', '/v1/sanctioned-entities', entityBody({ name: `Trail ${run} Ltd` }));
    const trail = await api.request('GET', `/v1/audit/streams/${added.body.streamId}`);
    expect(trail.body.items).toEqual([
      expect.objectContaining({ type: 'SanctionedEntityAdded', occurredAt: '2023-10-06', schemaVersion: 2 }),
    ]);
  });

  it('an unknown stream is a 404 problem; bad stream names, cursors and limits are 400', async () => {
    const unknown = await api.request('GET', `/v1/audit/streams/statement-${randomUUID()}`);
    expect(unknown.status).toBe(404);
    expect(unknown.headers['content-type']).toMatch(/^application\/problem\+json/);
    for (const bad of ['nodash', '1statement-x', 'statement-', 'statement-a_b', '$all']) {
      const res = await api.request('GET', `/v1/audit/streams/${encodeURIComponent(bad)}`);
      expect({ bad, status: res.status, field: res.body.errors?.[0]?.field }).toEqual({
        bad,
        status: 400,
        field: 'streamId',
      });
    }
    const streamId = `statement-${randomUUID()}`;
    for (const query of ['cursor=abc', 'limit=0', 'limit=501', 'limit=x', 'asOf=yesterday', 'sort=desc']) {
      expect({ query, status: (await api.request('GET', `/v1/audit/streams/${streamId}?${query}`)).status }).toEqual({
        query,
        status: 400,
      });
    }
  });
});
