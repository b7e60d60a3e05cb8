import helmet from 'helmet';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HELMET_OPTIONS, securityHeaders } from './security-headers';

describe('securityHeaders', () => {
  let server: Server;
  afterEach(() => new Promise((done) => server.close(done)));

  /** The headers helmet itself sets on a real Node response, with the same options. */
  async function helmetOnARealResponse(options: Parameters<typeof helmet>[0]): Promise<Record<string, string>> {
    const middleware = helmet(options);
    server = createServer((req, res) => middleware(req, res, () => res.end()));
    await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
    const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    const headers: Record<string, string> = {};
    const ignored = new Set(['date', 'connection', 'keep-alive', 'content-length', 'transfer-encoding']);
    response.headers.forEach((value, name) => ignored.has(name) || (headers[name] = value));
    return headers;
  }

  it('are exactly the headers helmet sets per request, computed once', async () => {
    const expected = await helmetOnARealResponse(HELMET_OPTIONS);
    expect(securityHeaders()).toEqual(expected);
    expect(Object.keys(expected).length).toBeGreaterThanOrEqual(10);
  });
});
