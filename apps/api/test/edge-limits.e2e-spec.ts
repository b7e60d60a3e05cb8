import { Logger } from '@nestjs/common';
import { hashApiKey } from '@tracker/runtime/api-key-hash';
import { statementBody } from '@tracker/testing/fixtures';
import type { AddressInfo } from 'node:net';
import { LiveFeedOptions } from '../src/feed/live-feed';
import { httpRequest, RawConnection, type RawResponse } from './raw-connection';
import { startTestApp, type TestApp } from './test-app';

const PROBLEM = /^application\/problem\+json/;

/** A test app listening on a real port, for what `inject` does not go through (sockets, Node's parser, timeouts). */
async function listening(overrides: Record<string, string>): Promise<{ api: TestApp; port: number }> {
  const api = await startTestApp(undefined, overrides);
  await api.app.listen(0, '127.0.0.1');
  return { api, port: (api.app.getHttpServer().address() as AddressInfo).port };
}

const expectProblem = (response: RawResponse, status: number) => {
  expect({ status: response.status, type: response.headers['content-type'] }).toEqual({
    status,
    type: expect.stringMatching(PROBLEM),
  });
  expect(JSON.parse(response.body)).toMatchObject({ type: 'about:blank', status });
};

describe('edge limits: request timeouts and the refusals of Node and Fastify', () => {
  let api: TestApp;
  let port: number;
  beforeAll(async () => {
    ({ api, port } = await listening({
      HEADERS_TIMEOUT_MS: '500',
      REQUEST_TIMEOUT_MS: '1000',
      BODY_LIMIT_BYTES: '4096',
    }));
    Object.assign(api.app.get(LiveFeedOptions), { heartbeatMs: 200, pollMs: 50 });
  });
  afterAll(() => api.close());

  it('closes a body sent one byte at a time with 408 problem+json once REQUEST_TIMEOUT_MS is up, appending nothing', async () => {
    const before = await api.countEvents();
    const errors = jest.spyOn(Logger.prototype, 'error');
    const body = JSON.stringify(statementBody());
    const connection = await RawConnection.open(port);
    const started = Date.now();
    connection.write(
      httpRequest('POST', '/v1/statements', { 'content-type': 'application/json', 'content-length': `${body.length}` }),
    );
    let sent = 0;
    const trickle = setInterval(() => connection.write(body[sent++]), 250);
    try {
      const response = await connection.response(5_000);
      expectProblem(response, 408);
      expect(JSON.parse(response.body).code).toBe('ERR_HTTP_REQUEST_TIMEOUT');
      expect(await connection.closesWithin(1_000)).toBe(true);
      // Cut by the timeout (1 s, checked every 125 ms), not by anything the first bytes did.
      expect(Date.now() - started).toBeGreaterThanOrEqual(900);
      expect(Date.now() - started).toBeLessThan(2_500);
      expect(sent).toBeLessThan(body.length);
    } finally {
      clearInterval(trickle);
      connection.close();
    }
    expect(await api.countEvents()).toBe(before);
    // The cut-off body fails the request inside Fastify too: a client's doing, not logged as a server failure.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(errors.mock.calls.filter(([line]) => (line as { msg?: string })?.msg === 'request failed')).toEqual([]);
    errors.mockRestore();
  });

  it('closes headers sent slowly (slow-loris) with 408 problem+json after HEADERS_TIMEOUT_MS', async () => {
    const connection = await RawConnection.open(port);
    const started = Date.now();
    connection.write('GET /v1/statements HTTP/1.1\r\nhost: localhost\r\n');
    const trickle = setInterval(() => connection.write('x-padding: 1\r\n'), 100);
    try {
      expectProblem(await connection.response(5_000), 408);
      expect(Date.now() - started).toBeGreaterThanOrEqual(400);
      expect(Date.now() - started).toBeLessThan(2_000);
    } finally {
      clearInterval(trickle);
      connection.close();
    }
  });

  it('leaves requests that arrive in time alone: a body in pieces within the timeout, and a live stream open past it', async () => {
    const body = JSON.stringify(statementBody());
    const write = await RawConnection.open(port);
    write.write(
      httpRequest('POST', '/v1/statements', { 'content-type': 'application/json', 'content-length': `${body.length}` }),
    );
    write.write(body.slice(0, 100));
    await new Promise((resolve) => setTimeout(resolve, 300));
    write.write(body.slice(100));
    expect((await write.response()).status).toBe(201);
    write.close();

    // The timeouts bound receiving a request; a Server-Sent Events answer may last as long as it likes.
    const live = await RawConnection.open(port);
    live.write(httpRequest('GET', '/v1/feed/live'));
    expect((await live.response()).status).toBe(200);
    expect(await live.closesWithin(1_800)).toBe(false);
    live.close();
  });

  const refusals: [number, string, () => string][] = [
    [
      413,
      'a body over BODY_LIMIT_BYTES',
      () => httpRequest('POST', '/v1/statements', { 'content-type': 'application/json' }, 'x'.repeat(10_000)),
    ],
    [
      414,
      'a path parameter over 100 characters',
      () => httpRequest('GET', `/v1/sanctioned-entities/${'a'.repeat(2_000)}`),
    ],
    [
      415,
      'a body of a type no parser takes',
      () => httpRequest('POST', '/v1/statements', { 'content-type': 'text/xml' }, '<statement/>'),
    ],
    [431, 'a 60 KB query string', () => httpRequest('GET', `/v1/statements?q=${'a'.repeat(60_000)}`)],
    [431, 'a 60 KB header', () => httpRequest('GET', '/v1/statements', { 'x-large': 'a'.repeat(60_000) })],
    [400, 'a request line that is not HTTP', () => 'NOT-HTTP\r\n\r\n'],
  ];

  it.each(refusals)('answers %i problem+json to %s, appending nothing', async (status, _, request) => {
    const before = await api.countEvents();
    const connection = await RawConnection.open(port);
    connection.write(request());
    try {
      expectProblem(await connection.response(), status);
    } finally {
      connection.close();
    }
    expect(await api.countEvents()).toBe(before);
  });
});

describe('edge limits: open connections (MAX_CONNECTIONS)', () => {
  let api: TestApp;
  let port: number;
  const opened: RawConnection[] = [];
  beforeAll(async () => ({ api, port } = await listening({ MAX_CONNECTIONS: '3' })));
  afterAll(async () => {
    opened.forEach((c) => c.close());
    await api.close();
  });

  const open = async () => {
    const connection = await RawConnection.open(port);
    opened.push(connection);
    return connection;
  };
  const get = async (connection: RawConnection, path = '/health/live') => {
    connection.write(httpRequest('GET', path));
    return connection.response();
  };

  it('serves MAX_CONNECTIONS connections, answers the next 503 problem+json and closes it, and serves again once one closes', async () => {
    const held = [await open(), await open(), await open()];
    // Each answered, and kept alive: the server has counted all three.
    for (const connection of held) expect((await get(connection)).status).toBe(200);

    const over = await open();
    const refused = await get(over, '/v1/statements');
    expectProblem(refused, 503);
    expect(refused.headers['retry-after']).toBe('1');
    expect(refused.headers.connection).toBe('close');
    expect(JSON.parse(refused.body).code).toBe('connection-limit');
    expect(await over.closesWithin(1_000)).toBe(true);

    // The held connections are still served.
    expect((await get(held[0])).status).toBe(200);

    held[2].close();
    await held[2].closed;
    const deadline = Date.now() + 2_000;
    let status = 0;
    while (status !== 200 && Date.now() < deadline) status = (await get(await open())).status;
    expect(status).toBe(200);
  });

  it('drops connections beyond twice the cap unanswered, so idle sockets cannot exhaust the process', async () => {
    opened.splice(0).forEach((c) => c.close());
    await new Promise((resolve) => setTimeout(resolve, 100));
    const served = [await open(), await open(), await open()];
    for (const connection of served) expect((await get(connection)).status).toBe(200);
    // Three more are accepted (over the cap, they would be answered 503), idle.
    const idle = [await open(), await open(), await open()];
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await Promise.all(idle.map((c) => c.closesWithin(50)))).toEqual([false, false, false]);
    const dropped = await open();
    expect(await dropped.closesWithin(1_000)).toBe(true);
  });
});

describe('edge limits: live feed streams (SSE_MAX_CLIENTS)', () => {
  let api: TestApp;
  let port: number;
  beforeAll(async () => ({ api, port } = await listening({ SSE_MAX_CLIENTS: '2' })));
  afterAll(() => api.close());

  const stream = async () => {
    const connection = await RawConnection.open(port);
    connection.write(httpRequest('GET', '/v1/feed/live'));
    return { connection, response: await connection.response() };
  };

  it('serves SSE_MAX_CLIENTS streams, answers one more 503 problem+json with Retry-After, and admits again once one ends', async () => {
    const first = await stream();
    const second = await stream();
    expect([first.response.status, second.response.status]).toEqual([200, 200]);
    const third = await stream();
    expectProblem(third.response, 503);
    expect(third.response.headers['retry-after']).toBe('5');
    expect(JSON.parse(third.response.body).detail).toMatch(/SSE_MAX_CLIENTS/);
    // Other routes are unaffected.
    expect((await api.request('GET', '/v1/feed')).status).toBe(200);

    first.connection.close();
    const deadline = Date.now() + 2_000;
    let again = await stream();
    while (again.response.status !== 200 && Date.now() < deadline) {
      again.connection.close();
      await new Promise((resolve) => setTimeout(resolve, 50));
      again = await stream();
    }
    expect(again.response.status).toBe(200);
    [second, third, again].forEach((s) => s.connection.close());
  });
});

describe('edge limits: failed authentications per client address (AUTH_FAILURES_PER_MINUTE)', () => {
  const KEY = 'viewer-key-0001';
  const API_KEYS = `viewer:viewer:${hashApiKey(KEY)}`;
  const call = (api: TestApp, remoteAddress: string, key?: string, url = '/v1/statements') =>
    api.app.inject({
      method: 'GET',
      url,
      remoteAddress,
      headers: key === undefined ? {} : { authorization: `Bearer ${key}` },
    });

  it('answers 401 to the first 20 wrong keys from an address (the default), then 429 problem+json with Retry-After', async () => {
    const api = await startTestApp(undefined, { API_KEYS });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 60; i++) statuses.push((await call(api, '198.51.100.7', `wrong-key-${i}-xxxx`)).statusCode);
      expect(statuses.slice(0, 20)).toEqual(Array(20).fill(401));
      expect(statuses.slice(20)).toEqual(Array(40).fill(429));
      const limited = await call(api, '198.51.100.7', 'wrong-key-again-xxxx');
      expect(limited.headers['content-type']).toMatch(PROBLEM);
      expect(limited.json()).toMatchObject({ status: 429 });
      const retryAfter = Number(limited.headers['retry-after']);
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(60);
    } finally {
      await api.close();
    }
  });

  it('counts per address as configured: a right key from the limited address is refused too, another address is unaffected', async () => {
    const api = await startTestApp(undefined, { API_KEYS, AUTH_FAILURES_PER_MINUTE: '3' });
    try {
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await call(api, '203.0.113.5', `wrong-key-${i}-xxxx`)).statusCode);
      expect(statuses).toEqual([401, 401, 401, 429]);
      // Were the right key let through here, 200 against 429 would still tell a right guess from a wrong one.
      expect((await call(api, '203.0.113.5', KEY)).statusCode).toBe(429);
      // Public routes need no key, so they are not refused.
      expect((await call(api, '203.0.113.5', undefined, '/health/live')).statusCode).toBe(200);

      expect((await call(api, '203.0.113.6', KEY)).statusCode).toBe(200);
      expect((await call(api, '203.0.113.6', 'wrong-key-other-xxxx')).statusCode).toBe(401);
      // Requests without any key guess nothing and are not counted.
      for (let i = 0; i < 5; i++) expect((await call(api, '203.0.113.6')).statusCode).toBe(401);
      expect((await call(api, '203.0.113.6', KEY)).statusCode).toBe(200);
    } finally {
      await api.close();
    }
  });

  it('AUTH_FAILURES_PER_MINUTE=0 turns the limit off', async () => {
    const api = await startTestApp(undefined, { API_KEYS, AUTH_FAILURES_PER_MINUTE: '0' });
    try {
      for (let i = 0; i < 25; i++) expect((await call(api, '192.0.2.1', `wrong-key-${i}-xxxx`)).statusCode).toBe(401);
    } finally {
      await api.close();
    }
  });
});
