import type { ReadModelStore } from '@tracker/read-models/store/read-model-store';
import { KEY_STORE } from '@tracker/runtime/persistence.module';
import { entityBody, statementBody } from '@tracker/testing/fixtures';
import { randomUUID } from 'node:crypto';
import { startTestApp, type TestApp } from './test-app';

describe('Idempotency-Key on every POST', () => {
  let api: TestApp;
  beforeAll(async () => (api = await startTestApp()));
  afterAll(() => api.close());
  const key = () => ({ 'idempotency-key': `retry-${randomUUID()}` });

  it('a retry with the same key and body returns the first response and appends nothing', async () => {
    const headers = key();
    const first = await api.request('POST', '/v1/statements', statementBody(), headers);
    const before = await api.countEvents();
    const retry = await api.request('POST', '/v1/statements', statementBody(), headers);
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers.etag).toBe(first.headers.etag);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(await api.countEvents()).toBe(before);
  });

  it('the same key with a different body is a 422; without a key every POST is new', async () => {
    const headers = key();
    await api.request('POST', '/v1/statements', statementBody(), headers);
    const other = await api.request('POST', '/v1/statements', statementBody({ text: 'different' }), headers);
    expect(other.status).toBe(422);
    expect(other.headers['content-type']).toMatch(/^application\/problem\+json/);
    const a = await api.request('POST', '/v1/statements', statementBody());
    const b = await api.request('POST', '/v1/statements', statementBody());
    expect(a.body.id).not.toBe(b.body.id);
  });

  it('concurrent retries with one key append once', async () => {
    const headers = key();
    const before = await api.countEvents();
    const responses = await Promise.all(
      Array.from({ length: 10 }, () =>
        api.request(
          'POST',
          '/v1/sanctioned-entities',
          entityBody({ name: `Idem ${headers['idempotency-key']}` }),
          headers,
        ),
      ),
    );
    expect(await api.countEvents()).toBe(before + 1);
    const ok = responses.filter((r) => r.status === 201);
    expect(ok.length).toBeGreaterThanOrEqual(1);
    expect(new Set(ok.map((r) => r.body.id)).size).toBe(1);
    expect(responses.every((r) => r.status === 201 || r.status === 409)).toBe(true);
  });

  it('a failed request is not remembered: fixing the body and retrying with the same key works', async () => {
    const headers = key();
    const bad = await api.request('POST', '/v1/statements', statementBody({ country: 'XX' }), headers);
    expect(bad.status).toBe(400);
    const good = await api.request('POST', '/v1/statements', statementBody(), headers);
    expect(good.status).toBe(201);
  });

  it('a change whose response was lost to a crash is not applied again when retried after its claim was abandoned', async () => {
    const created = await api.request('POST', '/v1/statements', statementBody());
    const headers = key();
    const source = { url: 'https://www.state.gov/', publisher: 'US Department of State' };
    const change = { changes: { text: 'Corrected transcript' }, reason: 'Official transcript', source };
    const url = `/v1/statements/${created.body.id}/corrections`;
    const first = await api.request('POST', url, change, headers);
    expect(first.status).toBe(201);
    // The process died after the append, before the response was stored; the claim is older than the 30 s window.
    await api.app
      .get<ReadModelStore>(KEY_STORE)
      .run(`UPDATE idempotency_keys SET state = 'pending', response = NULL, created_at = 0 WHERE idem_key = @key`, {
        key: headers['idempotency-key'],
      });
    const before = await api.countEvents();
    const retry = await api.request('POST', url, change, headers);
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers.etag).toBe(first.headers.etag);
    expect(await api.countEvents()).toBe(before);
  });

  it('keys survive a restart', async () => {
    const headers = key();
    const first = await api.request('POST', '/v1/statements', statementBody(), headers);
    await api.close({ keepData: true });
    api = await startTestApp(api.dataDir);
    const before = await api.countEvents();
    const retry = await api.request('POST', '/v1/statements', statementBody(), headers);
    expect(retry.body).toEqual(first.body);
    expect(await api.countEvents()).toBe(before);
  });

  it('replays a response stored by the previous version, which kept the body as an object', async () => {
    const headers = key();
    const first = await api.request('POST', '/v1/statements', statementBody(), headers);
    const stored = { status: 201, body: first.body, etag: first.headers.etag };
    await api.app
      .get<ReadModelStore>(KEY_STORE)
      .run('UPDATE idempotency_keys SET response = @response WHERE idem_key = @key', {
        key: headers['idempotency-key'],
        response: JSON.stringify(stored),
      });
    const retry = await api.request('POST', '/v1/statements', statementBody(), headers);
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers.etag).toBe(first.headers.etag);
    expect(retry.headers['content-type']).toMatch(/^application\/json/);
  });

  it('a malformed key is a 400 naming Idempotency-Key', async () => {
    const res = await api.request('POST', '/v1/statements', statementBody(), { 'idempotency-key': 'x'.repeat(300) });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].field).toBe('Idempotency-Key');
  });
});
