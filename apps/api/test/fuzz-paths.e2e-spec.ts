import { hugeString, junkValue, nastyString } from '@tracker/testing/fuzz/junk.arbitraries';
import { encodeWtf8, queryString } from '@tracker/testing/fuzz/query-string.arbitraries';
import fc from 'fast-check';
import { describeFuzz, DOCUMENTED, MIN_PER_ROUTE } from './fuzz-harness';
import {
  type DocumentedRoute,
  fixed,
  type FuzzRequest,
  garbageId,
  literal,
  MAX_PARAM_LENGTH,
  page,
  type Pool,
  POSTS,
  rare,
  ref,
  type RouteGroup,
  ROUTES_WITH_A_GROUP,
  type Segment,
  shortSegment,
  under,
  wellFormed,
} from './fuzz-inputs';

// Methods and paths: wrong methods and unknown paths, long or broken path parameters on every route
// that has one, and generic junk for every documented route without a group of its own.

const KNOWN_PATHS: fc.Arbitrary<(string | Segment)[]> = fc.oneof(
  ...POSTS.map((p) => p.path),
  fixed('/v1/feed'),
  fixed('/v1/anchors'),
  fixed('/health'),
  fixed('/v1/audit/verify'),
  under('/v1/sanctioned-entities/', 'sanctionedEntity', ''),
);
const methodGroup: RouteGroup = {
  index: 29,
  name: 'wrong methods and unknown paths',
  runs: 300,
  request: fc.oneof(
    fc
      .tuple(fc.constantFrom('PUT', 'PATCH', 'DELETE', 'OPTIONS', 'GET', 'POST'), KNOWN_PATHS, rare(junkValue, 1))
      .map(([method, path, json]): FuzzRequest => ({
        method,
        path,
        body: json === undefined || method === 'GET' || method === 'OPTIONS' ? undefined : { json },
        tag: 'method',
      })),
    fc
      .tuple(
        fc.oneof(
          fc.constantFrom(
            '/v2/statements',
            '/V1/STATEMENTS',
            '/v1/statements/',
            '//v1//statements',
            '/v1/./statements',
            '/v1/statements/../anchors',
            '/v1/statements;x=1',
            '/v1/statements%2Fcorrections',
            '/metrics',
            '/v1/feed/live',
            '/favicon.ico',
            '/health/',
            '/v1/sanctioned-entities/00000000-0000-0000-0000-000000000000/amendments/extra',
          ),
          nastyString(30).map((s) => `/v1/${encodeWtf8(wellFormed(s))}`),
          fc.integer({ min: 1_000, max: 20_000 }).map((n) => `/v1/${'a'.repeat(n)}`),
        ),
        fc.constantFrom('GET', 'POST'),
      )
      .map(([path, method]): FuzzRequest => ({
        method,
        path: [path],
        body: method === 'POST' ? { json: {} } : undefined,
        tag: 'unknown-path',
      })),
  ),
};

/** Routes with a path parameter, for the URL groups. */
const PARAM_ROUTES: [method: string, prefix: string, suffix: string][] = [
  ['POST', '/v1/statements/', '/corrections'],
  ['POST', '/v1/statements/', '/retraction'],
  ['POST', '/v1/sanctioned-entities/', '/amendments'],
  ['POST', '/v1/sanctioned-entities/', '/removal'],
  ['POST', '/v1/policy-actions/', '/stages'],
  ['POST', '/v1/admin/projections/', '/rebuild'],
  ['GET', '/v1/sanctioned-entities/', ''],
  ['GET', '/v1/policy-actions/', ''],
  ['GET', '/v1/audit/streams/', ''],
];

/** Path parameters of 101 to 5,000 characters (well-formed UTF-8), on every route that has one. */
const longParamGroup: RouteGroup = {
  index: 35,
  name: 'path parameters over 100 characters (every :id route)',
  runs: 120,
  request: fc
    .tuple(
      fc.constantFrom(...PARAM_ROUTES),
      fc.oneof(
        fc.integer({ min: MAX_PARAM_LENGTH + 1, max: 5_000 }).map((n) => 'a'.repeat(n)),
        fc.uuid().map((u) => `${u}${'0'.repeat(MAX_PARAM_LENGTH)}`),
        hugeString.map((s) => wellFormed(s.slice(0, 2_000))),
      ),
    )
    .map(([[method, prefix, suffix], id]): FuzzRequest => ({
      method,
      path: [prefix, literal(encodeWtf8(id)), suffix],
      body: method === 'POST' ? { json: {} } : undefined,
      tag: 'long-param',
    })),
};

const BROKEN_ESCAPES = [
  '%',
  '%z',
  '%zz',
  '%E0%A4%A',
  '%C0%AF',
  '%ED%A0%80',
  '%ED%BF%BF',
  '%FF',
  '%00',
  '%2e%2e',
  '%2F',
  '%25',
];

/** Malformed percent-escapes and lone surrogates as WTF-8 in path parameters. */
const brokenEscapeGroup: RouteGroup = {
  index: 36,
  name: 'broken percent-escapes in path parameters (every :id route)',
  runs: 120,
  request: fc
    .tuple(
      fc.constantFrom(...PARAM_ROUTES),
      fc.oneof(
        fc.constantFrom(...BROKEN_ESCAPES),
        fc.tuple(fc.uuid(), fc.constantFrom(...BROKEN_ESCAPES)).map(([u, e]) => `${u}${e}`),
        fc.integer({ min: 0xd800, max: 0xdfff }).map((unit) => encodeWtf8(String.fromCharCode(unit))),
      ),
    )
    .map(([[method, prefix, suffix], segment]): FuzzRequest => ({
      method,
      path: [prefix, literal(segment), suffix],
      body: method === 'POST' ? { json: {} } : undefined,
      tag: 'broken-escape',
    })),
};

/** Documented routes without a group of their own in any fuzz suite, in the document's order. */
const otherRoutes = () => DOCUMENTED.filter((r) => !ROUTES_WITH_A_GROUP.includes(`${r.method} ${r.path}`));

/**
 * Every documented route no fuzz suite has a group for (a route added after these suites were
 * written, say) gets junk: garbage or real path parameters, junk query strings, junk bodies.
 * So "every route" stays true without editing the suites.
 */
const otherRoutesGroup: RouteGroup = {
  index: 38,
  name: 'other documented routes (generic junk)',
  runs: 0,
  request: () => {
    const param = (name: string): fc.Arbitrary<Segment> =>
      fc.oneof(
        name === 'streamId'
          ? ref('stream')
          : name === 'name'
            ? ref('projection')
            : fc.constantFrom<Pool>('statement', 'sanctionedEntity', 'policyAction', 'anchor').chain(ref),
        fc.uuid().map(literal),
        garbageId.map((s) => literal(shortSegment(s))),
      );
    const request = (route: DocumentedRoute): fc.Arbitrary<FuzzRequest> => {
      const parts = route.path.split(/(\{\w+\})/).filter((part) => part !== '');
      const path = fc.tuple(
        ...parts.map((part): fc.Arbitrary<string | Segment> =>
          part.startsWith('{') ? param(part.slice(1, -1)) : fc.constant(part),
        ),
      );
      if (route.method === 'GET') {
        return fc
          .tuple(path, queryString(page))
          .map(([path, query]): FuzzRequest => ({ method: 'GET', path, query, tag: 'generic' }));
      }
      return fc.tuple(path, rare(fc.oneof(junkValue, fc.constant({})), 1)).map(([path, json]): FuzzRequest => ({
        method: route.method,
        path,
        body: json === undefined ? undefined : { json },
        tag: 'generic',
      }));
    };
    return otherRoutes().map((route) => ({ runs: MIN_PER_ROUTE, request: request(route) }));
  },
};

describeFuzz('methods and paths', [methodGroup, longParamGroup, brokenEscapeGroup, otherRoutesGroup], {
  routes: () => otherRoutes().map((r) => `${r.method} ${r.path}`),
});
