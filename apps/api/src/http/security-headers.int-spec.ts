import Fastify, { type FastifyServerOptions } from 'fastify';
import helmet from 'helmet';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type HeaderVariant, helmetOptions, securityHeaders, useSecurityHeaders } from './security-headers';

const VARIANTS: HeaderVariant[] = [
  { docs: false, https: false },
  { docs: false, https: true },
  { docs: true, https: false },
  { docs: true, https: true },
];

/** The CSP's directives by name, e.g. `{ 'script-src': "'self'" }`. */
const directives = (csp: string | undefined) =>
  Object.fromEntries(
    (csp ?? '').split(';').map((d) => {
      const [name, ...values] = d.trim().split(/\s+/);
      return [name, values.join(' ')];
    }),
  );

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

  it.each(VARIANTS)('are exactly the headers helmet sets per request, computed once (%o)', async (variant) => {
    const expected = await helmetOnARealResponse(helmetOptions(variant));
    expect(securityHeaders(variant)).toEqual(expected);
    expect(Object.keys(expected).length).toBeGreaterThanOrEqual(10);
  });
});

describe('the CSP', () => {
  it("allows inline scripts and styles on /docs only: the dashboard and everything else get 'self'", () => {
    for (const https of [false, true]) {
      const rest = directives(securityHeaders({ docs: false, https })['content-security-policy']);
      const docs = directives(securityHeaders({ docs: true, https })['content-security-policy']);
      expect([rest['script-src'], rest['style-src'], rest['script-src-attr']]).toEqual(["'self'", "'self'", "'none'"]);
      expect([docs['script-src'], docs['style-src']]).toEqual(["'self' 'unsafe-inline'", "'self' 'unsafe-inline'"]);
      expect(rest['default-src']).toBe("'self'");
    }
  });

  it('asks the browser to upgrade to https only for answers that went out over https', () => {
    for (const docs of [false, true]) {
      expect(directives(securityHeaders({ docs, https: false })['content-security-policy'])).not.toHaveProperty(
        'upgrade-insecure-requests',
      );
      expect(directives(securityHeaders({ docs, https: true })['content-security-policy'])).toHaveProperty(
        'upgrade-insecure-requests',
      );
    }
  });
});

describe('useSecurityHeaders', () => {
  /** The CSP Fastify answers `url` with, for a server built with `options`. */
  async function cspOf(url: string, headers: Record<string, string> = {}, options: FastifyServerOptions = {}) {
    const fastify = Fastify(options);
    useSecurityHeaders(fastify);
    fastify.get('/*', async () => 'ok');
    try {
      const response = await fastify.inject({ method: 'GET', url, headers });
      return directives(String(response.headers['content-security-policy']));
    } finally {
      await fastify.close();
    }
  }

  it('sends /docs and its assets the inline-allowing CSP, and /, /dashboard/… and /docs-json the strict one', async () => {
    for (const url of ['/docs', '/docs/', '/docs/swagger-ui-init.js', '/docs?x=1']) {
      expect((await cspOf(url))['script-src']).toContain("'unsafe-inline'");
    }
    for (const url of ['/', '/dashboard/dashboard.js', '/docs-json', '/v1/statements', '/docsx']) {
      expect((await cspOf(url))['script-src']).toBe("'self'");
    }
  });

  it('believes X-Forwarded-Proto only when trustProxy is configured', async () => {
    const forwarded = { 'x-forwarded-proto': 'https' };
    expect(await cspOf('/')).not.toHaveProperty('upgrade-insecure-requests');
    expect(await cspOf('/', forwarded)).not.toHaveProperty('upgrade-insecure-requests');
    expect(await cspOf('/', forwarded, { trustProxy: true })).toHaveProperty('upgrade-insecure-requests');
    expect(await cspOf('/', { 'x-forwarded-proto': 'http' }, { trustProxy: true })).not.toHaveProperty(
      'upgrade-insecure-requests',
    );
  });
});
