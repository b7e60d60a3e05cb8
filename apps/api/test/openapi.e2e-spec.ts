import type {
  MediaTypeObject,
  OpenAPIObject,
  OperationObject,
  ParameterObject,
  ReferenceObject,
  ResponseObject,
  SchemaObject,
} from '@nestjs/swagger';
import { hashApiKey } from '@tracker/runtime/api-key-hash';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { operationsOf } from '../src/openapi/openapi';
import { startTestApp, type TestApp } from './test-app';

const CHECKED_IN = join(__dirname, '..', '..', '..', 'openapi.json');
const KEYS = { viewer: 'viewer-key-0123456789', admin: 'admin-key-0123456789' };

/** The first place where `actual` and `expected` differ, as a JSON path. */
function firstDifference(actual: unknown, expected: unknown, at = '$'): string | undefined {
  if (isDeepStrictEqual(actual, expected)) return undefined;
  if (typeof actual !== 'object' || typeof expected !== 'object' || actual === null || expected === null) {
    return `${at}: served ${JSON.stringify(actual)?.slice(0, 200)}, checked in ${JSON.stringify(expected)?.slice(0, 200)}`;
  }
  const keys = new Set([...Object.keys(actual), ...Object.keys(expected)]);
  for (const key of keys) {
    const difference = firstDifference(
      (actual as Record<string, unknown>)[key],
      (expected as Record<string, unknown>)[key],
      `${at}.${key}`,
    );
    if (difference) return difference;
  }
  return `${at}: key order`;
}

describe('the OpenAPI document', () => {
  let api: TestApp;
  let document: OpenAPIObject;

  const resolve = <T extends object>(item: T | ReferenceObject): T => {
    if (!('$ref' in item)) return item;
    const [, , section, name] = item.$ref.split('/');
    return (document.components as Record<string, Record<string, T>>)[section][name];
  };
  const parameters = (operation: OperationObject) =>
    (operation.parameters ?? []).map((p) => resolve<ParameterObject>(p));
  const responses = (operation: OperationObject) =>
    Object.entries(operation.responses).map(([status, r]) => [Number(status), resolve<ResponseObject>(r!)] as const);
  const operations = () => operationsOf(document).map((o) => ({ ...o, route: `${o.method.toUpperCase()} ${o.path}` }));

  beforeAll(async () => {
    const API_KEYS = Object.entries(KEYS)
      .map(([role, key]) => `${role}:${role}:${hashApiKey(key)}`)
      .join(',');
    api = await startTestApp(undefined, { API_KEYS });
    const served = await api.request('GET', '/docs-json');
    expect(served.status).toBe(200);
    document = served.body;
  });

  afterAll(() => api.close());

  it('is the checked-in openapi.json', () => {
    const checkedIn = JSON.parse(readFileSync(CHECKED_IN, 'utf8'));
    const difference = firstDifference(document, checkedIn);
    if (difference) {
      throw new Error(
        `openapi.json is not the document the API serves at /docs-json (${difference}): ` +
          'run `npm run openapi` and commit openapi.json',
      );
    }
  });

  it('names every operation for a client generator, once', () => {
    const ids = operations().map((o) => o.operation.operationId);
    for (const id of ids) expect(id).toMatch(/^[a-z][a-zA-Z]+$/);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining(['recordStatement', 'listStatements', 'getSanctionedEntity']));
  });

  it('describes every request body: an object schema with its fields, and an example', () => {
    const bodies = operations().filter((o) => o.operation.requestBody);
    expect(bodies.length).toBeGreaterThanOrEqual(11);
    for (const { route, operation } of bodies) {
      const media = resolve(operation.requestBody!).content['application/json'];
      const schema = resolve<SchemaObject>(media.schema!);
      expect({ route, properties: Object.keys(schema.properties ?? {}).length > 0 }).toEqual({
        route,
        properties: true,
      });
      const example = media.examples ?? media.example ?? Object.values(schema.properties!).some((p) => 'example' in p);
      expect({ route, example: Boolean(example) }).toEqual({ route, example: true });
    }
  });

  it('has no schema that is an empty object', () => {
    for (const [name, schema] of Object.entries(document.components!.schemas!)) {
      const s = schema as SchemaObject;
      const empty = s.type === 'object' && Object.keys(s.properties ?? {}).length === 0 && !s.additionalProperties;
      expect({ name, empty }).toEqual({ name, empty: false });
    }
  });

  it('gives every operation a 2xx body schema', () => {
    for (const { route, operation } of operations()) {
      const ok = responses(operation).filter(([status]) => status >= 200 && status < 300);
      expect({ route, count: ok.length }).toEqual({ route, count: 1 });
      const content = Object.values(ok[0][1].content ?? {}) as MediaTypeObject[];
      const schemas = content.map((media) => media.schema && resolve<SchemaObject>(media.schema));
      const described = schemas.some(
        (s) => s !== undefined && (s.type !== 'object' || Object.keys(s.properties ?? {}).length > 0),
      );
      expect({ route, described }).toEqual({ route, described: true });
    }
  });

  it('gives every error a problem+json body and the correlation id, and every answer the correlation id', () => {
    for (const { route, operation } of operations()) {
      expect({ route, correlation: parameters(operation).some((p) => p.name === 'X-Correlation-Id') }).toEqual({
        route,
        correlation: true,
      });
      for (const [status, response] of responses(operation)) {
        expect({ route, status, header: Boolean(response.headers?.['X-Correlation-Id']) }).toEqual({
          route,
          status,
          header: true,
        });
        if (status >= 400) {
          expect({ route, status, problem: Boolean(response.content?.['application/problem+json']?.schema) }).toEqual({
            route,
            status,
            problem: true,
          });
        }
      }
    }
  });

  it('asks for a bearer API key (not a JWT) wherever the access policy does, and documents its 401', () => {
    const scheme = document.components!.securitySchemes!.bearer as { scheme: string; bearerFormat: string };
    expect(scheme).toMatchObject({ scheme: 'bearer', bearerFormat: 'API key' });
    for (const { route, path, operation } of operations()) {
      const isPublic = path === '/metrics' || path === '/health' || path.startsWith('/health/');
      const has401 = '401' in operation.responses;
      expect({ route, security: operation.security, has401 }).toEqual({
        route,
        security: isPublic ? [] : [{ bearer: [] }],
        has401: !isPublic,
      });
    }
  });

  it('documents Idempotency-Key on every POST, and ETag and 409 on every write', () => {
    for (const { route, method, operation } of operations()) {
      const names = parameters(operation).map((p) => p.name);
      expect({ route, key: names.includes('Idempotency-Key') }).toEqual({ route, key: method === 'post' });
      const created = operation.responses['201'] as ResponseObject | undefined;
      if (!created) continue;
      expect({ route, etag: Boolean(created.headers?.ETag), conflict: '409' in operation.responses }).toEqual({
        route,
        etag: true,
        conflict: true,
      });
    }
  });

  it('lists the query parameters of every paged list', () => {
    const lists = operations().filter(({ operation }) => {
      const ok = operation.responses['200'] as ResponseObject | undefined;
      const schema = ok?.content?.['application/json']?.schema;
      return schema !== undefined && 'nextCursor' in (resolve<SchemaObject>(schema).properties ?? {});
    });
    expect(lists.length).toBeGreaterThanOrEqual(7);
    for (const { route, operation } of lists) {
      const query = parameters(operation)
        .filter((p) => p.in === 'query')
        .map((p) => p.name);
      expect({ route, query }).toEqual({ route, query: expect.arrayContaining(['limit', 'cursor', 'asOf']) });
    }
  });

  /** A request for every operation that the API refuses, and whether the document says it may. */
  describe('documents the statuses the API answers with', () => {
    const concrete = (path: string) =>
      path
        .replace('{streamId}', `statement-${randomUUID()}`)
        .replace('{name}', 'statements')
        .replace('{position}', '1')
        .replace(/\{\w+\}/g, randomUUID());
    const documented = (operation: OperationObject) => Object.keys(operation.responses).map(Number);

    it('without a key, with a key whose role falls short, and with unknown ids and an empty body', async () => {
      const seen: { route: string; status: number; documented: boolean }[] = [];
      const probe = async (route: string, operation: OperationObject, url: string, key?: string, body?: unknown) => {
        // A bad `Last-Event-ID` keeps the live feed from streaming; the other routes ignore it.
        const headers: Record<string, string> = { 'last-event-id': 'not-a-position' };
        if (key) headers.authorization = `Bearer ${key}`;
        const method = route.split(' ')[0] as 'GET' | 'POST';
        const payload = method === 'POST' ? JSON.stringify(body ?? {}) : undefined;
        if (payload) headers['content-type'] = 'application/json';
        const { statusCode: status } = await api.app.inject({ method, url, payload, headers });
        seen.push({ route, status, documented: documented(operation).includes(status) });
      };
      for (const { route, path, operation } of operations()) {
        // Rebuilding with an admin key starts a rebuild: the unknown projection below is refused instead.
        const url = concrete(path).replace(
          '/projections/statements/rebuild',
          '/projections/no-such-projection/rebuild',
        );
        await probe(route, operation, url);
        await probe(route, operation, url, KEYS.viewer);
        await probe(route, operation, url, KEYS.admin);
        if (parameters(operation).some((p) => p.in === 'query')) {
          await probe(route, operation, `${url}?asOf=2024-02-30`, KEYS.admin);
        }
      }
      expect(seen.filter((s) => !s.documented)).toEqual([]);
    });
  });
});
