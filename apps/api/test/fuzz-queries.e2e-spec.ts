import { impossibleDate, INHERITED_KEYS, unparseableIsoDate } from '@tracker/testing/fuzz/junk.arbitraries';
import { encodeWtf8, queryString } from '@tracker/testing/fuzz/query-string.arbitraries';
import fc from 'fast-check';
import { describeFuzz } from './fuzz-harness';
import { documentedName, DOCS_ROUTE, type FuzzRequest, GET_ROUTES, POSTS, type RouteGroup } from './fuzz-inputs';

// One group per GET route with generated query strings, then the query input that must be refused
// on every GET route: Object.prototype names as parameters, impossible calendar dates, ISO 8601 texts
// Date cannot parse. The writes no longer precede the reads in one app, so 600 valid writes on every
// POST route (the `fill`) give the reads records, corrections and pages to read.

const getGroups = GET_ROUTES.map(({ name, runs, path, known }, i): RouteGroup => ({
  // After the POST routes and the rebuild route in the fuzz's fixed order.
  index: POSTS.length + 1 + i,
  name,
  runs,
  request: fc
    .tuple(path, queryString(known))
    .map(([path, query]): FuzzRequest => ({ method: 'GET', path, query, tag: 'query' })),
}));

/** The same names as query parameters of every GET route that takes a query. */
const inheritedKeyQueryGroup: RouteGroup = {
  index: 33,
  name: 'GET (Object.prototype names as unknown query parameters, every GET route with a query)',
  runs: 200,
  request: fc
    .tuple(
      fc.constantFrom(...GET_ROUTES.filter((r) => Object.keys(r.known).length > 0)),
      fc.constantFrom(...INHERITED_KEYS),
    )
    .chain(([route, key]) =>
      route.recordPath.map((path): FuzzRequest => ({
        method: 'GET',
        path,
        query: `${encodeWtf8(key)}=1`,
        tag: 'inherited-key',
        expect: { status: 400, field: key },
      })),
    ),
};

/** Every date filter of every GET route, for the group below. */
const DATE_FILTERS = GET_ROUTES.flatMap((route) =>
  Object.keys(route.known)
    .filter((key) => ['asOf', 'from', 'to'].includes(key))
    .map((key) => ({ route, key })),
);

/**
 * Every date filter (`from`, `to`, `asOf`) of every GET route set to a day that is not on the
 * calendar (`2024-02-30`, `0000-00-00`, `2024-13-45`, …): a 400 naming the filter, the rule of
 * `GET /v1/statements` everywhere.
 */
const impossibleDateQueryGroup: RouteGroup = {
  index: 34,
  name: 'GET (impossible calendar dates in every date filter, every GET route)',
  runs: 12 * DATE_FILTERS.length,
  request: fc.tuple(fc.constantFrom(...DATE_FILTERS), impossibleDate).chain(([{ route, key }, date]) =>
    route.recordPath.map((path): FuzzRequest => ({
      method: 'GET',
      path,
      query: `${key}=${encodeWtf8(date)}`,
      tag: 'impossible-date',
      expect: { status: 400, field: key },
    })),
  ),
};

/** `asOf`, `from` and `to` as ISO 8601 texts that strict validation accepts but `Date` cannot parse. */
const unparseableDateQueryGroup: RouteGroup = {
  index: 37,
  name: 'GET (ISO 8601 dates Date cannot parse, every GET route)',
  runs: 200,
  request: fc
    .integer({ min: 0, max: GET_ROUTES.length - 1 })
    .chain((i) => {
      const { path, known } = GET_ROUTES[i];
      const dates = Object.keys(known).filter((key) => ['asOf', 'from', 'to'].includes(key));
      const keys = dates.length > 0 ? dates : ['asOf'];
      return fc.tuple(
        path,
        fc
          .subarray(keys, { minLength: 1 })
          .chain((chosen) =>
            fc.tuple(...chosen.map((key) => unparseableIsoDate.map((d) => `${key}=${encodeURIComponent(d)}`))),
          ),
      );
    })
    .map(([path, pairs]): FuzzRequest => ({ method: 'GET', path, query: pairs.join('&'), tag: 'unparseable-date' })),
};

/** Valid records of every kind, with corrections, amendments and stages, for lists, pages and `asOf` to read. */
const validWrite = fc
  .integer({ min: 0, max: POSTS.length - 1 })
  .chain((i) => fc.tuple(POSTS[i].path, POSTS[i].body))
  .map(([path, json]): FuzzRequest => ({ method: 'POST', path, body: { json }, tag: 'valid' }));

describeFuzz('queries', [...getGroups, inheritedKeyQueryGroup, impossibleDateQueryGroup, unparseableDateQueryGroup], {
  routes: () => GET_ROUTES.filter((r) => r.name !== DOCS_ROUTE).map((r) => documentedName(r.name)),
  fill: { runs: 600, request: validWrite },
});
