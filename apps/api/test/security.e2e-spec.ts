import { statementBody } from '@tracker/testing/fixtures';
import { hashApiKey } from '@tracker/runtime/api-key-hash';
import { assertSafeBinding } from '../src/bootstrap';
import { loadConfig } from '@tracker/runtime/app.config';
import type { ReadModelStore } from '@tracker/read-models/store/read-model-store';
import { KEY_STORE } from '@tracker/runtime/persistence.module';
import { startTestApp, type TestApp } from './test-app';

const KEYS = {
  viewer: 'viewer-key-0001',
  analyst: 'analyst-key-0001',
  auditor: 'auditor-key-0001',
  admin: 'admin-key-00001',
};
const API_KEYS = Object.entries(KEYS)
  .map(([role, key]) => `${role}-user:${role}:${hashApiKey(key)}`)
  .join(',');
const as = (role: keyof typeof KEYS) => ({ authorization: `Bearer ${KEYS[role]}` });

describe('security: API keys and roles', () => {
  let api: TestApp;
  let streamId: string;
  beforeAll(async () => {
    api = await startTestApp(undefined, { API_KEYS });
    const created = await api.request('POST', '/v1/statements', statementBody(), as('analyst'));
    streamId = created.body.streamId;
    await api.settle(created.body);
  });
  afterAll(() => api.close());

  const routes: [string, 'GET' | 'POST', string, () => unknown][] = [
    ['read', 'GET', '/v1/statements', () => undefined],
    ['write', 'POST', '/v1/statements', () => statementBody()],
    ['audit', 'GET', '/v1/audit/verify', () => undefined],
    ['admin', 'GET', '/v1/admin/projections', () => undefined],
  ];
  const allowed: Record<keyof typeof KEYS, string[]> = {
    viewer: ['read'],
    analyst: ['read', 'write'],
    auditor: ['read', 'audit'],
    admin: ['read', 'write', 'audit', 'admin'],
  };

  it.each(routes)(
    '%s (%s %s) without a key is 401 problem+json with a Bearer challenge',
    async (_, method, url, body) => {
      const res = await api.request(method, url, body());
      expect(res.status).toBe(401);
      expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect((await api.request(method, url, body(), { authorization: 'Bearer not-a-real-key' })).status).toBe(401);
    },
  );

  it.each(Object.keys(KEYS) as (keyof typeof KEYS)[])(
    'role %s: allowed routes answer, forbidden ones are 403',
    async (role) => {
      for (const [permission, method, url, body] of routes) {
        const res = await api.request(method, url, body(), as(role));
        if (allowed[role].includes(permission)) expect([200, 201]).toContain(res.status);
        else expect(res.status).toBe(403);
      }
    },
  );

  it('an Idempotency-Key is claimed only after the access check, and per key holder', async () => {
    const headers = (role: keyof typeof KEYS) => ({ ...as(role), 'idempotency-key': 'shared-key-1' });
    const refused = await api.request('POST', '/v1/statements', statementBody(), headers('viewer'));
    expect(refused.status).toBe(403);
    const claims = await api.app
      .get<ReadModelStore>(KEY_STORE)
      .all<{ principal: string }>('SELECT principal FROM idempotency_keys WHERE idem_key = @key', {
        key: 'shared-key-1',
      });
    expect(claims).toEqual([]);
    const first = await api.request('POST', '/v1/statements', statementBody(), headers('analyst'));
    const other = await api.request('POST', '/v1/statements', statementBody(), headers('admin'));
    const retry = await api.request('POST', '/v1/statements', statementBody(), headers('analyst'));
    expect([first.status, other.status, retry.status]).toEqual([201, 201, 201]);
    expect(other.body.id).not.toBe(first.body.id);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers['idempotent-replayed']).toBe('true');
  });

  it('health, metrics-free routes and docs need no key', async () => {
    expect((await api.request('GET', '/health')).status).toBe(200);
  });

  it('the actor is the key’s name, whatever the body says', async () => {
    const res = await api.request('POST', '/v1/statements', statementBody(), as('analyst'));
    const events = [];
    for await (const e of api.store.readStream(res.body.streamId)) events.push(e);
    expect(events[0].metadata.actor).toBe('analyst-user');
    const audit = await api.request('GET', `/v1/audit/streams/${streamId}`, undefined, as('auditor'));
    expect(audit.body.items[0].actor).toBe('analyst-user');
  });

  it('refuses to listen beyond loopback without keys, and accepts loopback', () => {
    expect(() => assertSafeBinding(loadConfig({ HOST: '0.0.0.0' }), new Map())).toThrow(/without API keys/);
    expect(() => assertSafeBinding(loadConfig({ HOST: '127.0.0.1' }), new Map())).not.toThrow();
  });

  it('a malformed key entry is a configuration error naming the entry', async () => {
    await expect(startTestApp(undefined, { API_KEYS: 'alice:superuser:abc' })).rejects.toThrow(
      /API_KEYS entry 1: role/,
    );
  });
});

describe('security: rate limit, headers and body size', () => {
  let api: TestApp;
  beforeAll(
    async () => (api = await startTestApp(undefined, { RATE_LIMIT_PER_MINUTE: '5', BODY_LIMIT_BYTES: '4096' })),
  );
  afterAll(() => api.close());

  it('answers 429 problem+json past the per-minute limit, with security headers on every answer', async () => {
    const statuses = [];
    for (let i = 0; i < 7; i++) statuses.push((await api.request('GET', '/v1/statements')).status);
    expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    const limited = await api.request('GET', '/v1/statements');
    expect(limited.status).toBe(429);
    expect(limited.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(limited.headers['x-content-type-options']).toBe('nosniff');
    expect(limited.headers['content-security-policy']).toContain("default-src 'self'");
  });

  it('refuses a body over the limit with 413 problem+json', async () => {
    const fresh = await startTestApp(undefined, { BODY_LIMIT_BYTES: '4096' });
    const res = await fresh.request('POST', '/v1/statements', statementBody({ text: 'x'.repeat(10_000) }));
    expect(res.status).toBe(413);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    await fresh.close();
  });
});
