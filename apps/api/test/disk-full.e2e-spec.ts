import { statementBody } from '@tracker/testing/fixtures';
import { KEY_STORE } from '@tracker/runtime/persistence.module';
import type { ReadModelStore } from '@tracker/read-models/store/read-model-store';
import { fillSqliteEventStore, fillSqliteReadModelStore } from '@tracker/testing/sqlite-storage-full';
import { startTestApp, type TestApp } from './test-app';

// The disk is filled through SQLite's page cap on the embedded store; EventStoreDB watches its own disks.
const describeSqlite = process.env.TEST_EVENT_STORE === 'esdb' ? describe.skip : describe;

describeSqlite('a full disk: writes answer 507, readiness says not writable, nothing acknowledged is lost', () => {
  let api: TestApp;
  beforeAll(async () => (api = await startTestApp()));
  afterAll(() => api.close());

  const write = (speaker: string, headers?: Record<string, string>) =>
    api.request('POST', '/v1/statements', statementBody({ speaker, text: 'x'.repeat(3_000) }), headers);

  it('refuses writes with 507 problem+json while full, then recovers when space returns', async () => {
    const before = await api.countEvents();
    const acknowledged: { streamId: string; revision: number }[] = [];
    for (let i = 0; i < 3; i++) acknowledged.push((await write(`Disk ${i}`)).body);
    expect(await api.countEvents()).toBe(before + 3);

    const full = fillSqliteEventStore(api.store);
    // Pages already in the file may take a few more; then there is no room.
    let refused;
    for (let i = 0; i < 100 && !refused; i++) {
      const res = await write(`Disk filling ${i}`);
      if (res.status === 201) acknowledged.push(res.body);
      else refused = res;
    }
    expect(refused?.status).toBe(507);
    expect(refused?.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused?.body).toMatchObject({ status: 507, title: 'Insufficient Storage', code: 'storage-full' });

    // A burst while full: every answer is 201 or 507, never a 500.
    const burst = await Promise.all(Array.from({ length: 20 }, (_, i) => write(`Disk burst ${i}`)));
    for (const res of burst) {
      expect([201, 507]).toContain(res.status);
      if (res.status === 201) acknowledged.push(res.body);
    }
    const retried = await write('Disk retried', { 'idempotency-key': 'disk-full-retry-1' });
    expect(retried.status).toBe(507);

    const ready = await api.request('GET', '/health/ready');
    expect(ready.status).toBe(503);
    expect(ready.body.error.eventStore).toMatchObject({
      status: 'down',
      message: expect.stringMatching(/not writable/),
    });
    expect((await api.request('GET', '/health/live')).status).toBe(200);
    expect((await api.request('GET', '/v1/statements')).status).toBe(200);

    // Every 201 is in the log, and nothing else is.
    expect(await api.countEvents()).toBe(before + acknowledged.length);
    for (const { streamId, revision } of acknowledged) {
      const events = [];
      for await (const event of api.store.readStream(streamId)) events.push(event);
      expect(events.map((e) => Number(e.revision))).toEqual([revision]);
    }

    full.restore();
    const recovered = await api.request('GET', '/health/ready');
    expect(recovered.status).toBe(200);
    expect(recovered.body.info.eventStore.status).toBe('up');
    // A 507 released its Idempotency-Key: the same request now lands, once.
    const again = await write('Disk retried', { 'idempotency-key': 'disk-full-retry-1' });
    expect(again.status).toBe(201);
    expect(await api.countEvents()).toBe(before + acknowledged.length + 1);
    await api.settle(again.body);
    const verified = await api.request('GET', '/v1/audit/verify');
    expect(verified.status).toBe(200);
    expect(verified.body).toMatchObject({ ok: true });
  });

  it('with no room for Idempotency-Keys either (they live beside the log), a keyed write is 507 if not written, 201 if it landed, never 500', async () => {
    const before = await api.countEvents();
    const keys = fillSqliteReadModelStore(api.app.get<ReadModelStore>(KEY_STORE));
    const statuses: number[] = [];
    try {
      for (let i = 0; i < 100 && !statuses.includes(507); i++) {
        statuses.push((await write(`Keyed ${i}`, { 'idempotency-key': `disk-full-keyed-${i}` })).status);
      }
    } finally {
      keys.restore();
    }
    expect(statuses.at(-1)).toBe(507);
    expect(statuses.filter((s) => s !== 201 && s !== 507)).toEqual([]);
    // A write whose response could not be stored with its key has still landed, and was answered 201.
    expect(await api.countEvents()).toBe(before + statuses.filter((s) => s === 201).length);
  });
});
