import { mutatedBody } from '@tracker/testing/fuzz/body-mutation.arbitraries';
import { junkValue, POLLUTION_KEYS } from '@tracker/testing/fuzz/junk.arbitraries';
import { encodeWtf8 } from '@tracker/testing/fuzz/query-string.arbitraries';
import fc from 'fast-check';
import { describeFuzz } from './fuzz-harness';
import {
  documentedName,
  type FuzzRequest,
  garbageId,
  literal,
  POSTS,
  rare,
  REBUILD_ROUTE,
  ref,
  type RouteGroup,
  type Segment,
  shortSegment,
} from './fuzz-inputs';

// One group per POST route: mutations of a valid body (or whole junk), with If-Match, Idempotency-Key
// and correlation ids; these are the requests that fill the log. Then the projection rebuild route.

/** Printable header text (Node refuses control characters in header values). */
const headerText = fc.string({
  unit: fc.oneof(
    fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 }),
    fc.constantFrom('"', 'W/', ' ', '\t', ',', 'é'),
  ),
  maxLength: 40,
});

const IF_MATCH = ['current', 'current', 'current', '"0"', '"1"', 'W/"0"', '*', '"999999999999999999"'];
const ifMatchHeader = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...IF_MATCH) },
  {
    weight: 1,
    arbitrary: fc.constantFrom('"9999999999999999999"', '"-1"', '""', 'abc', '"0", "1"', ' "0" ', '"1e3"', '"0x1"'),
  },
  { weight: 1, arbitrary: headerText },
);

/** A write: a mutated valid body (or whole junk), sometimes with If-Match, Idempotency-Key or a correlation id. */
const write = (
  path: fc.Arbitrary<(string | Segment)[]>,
  body: fc.Arbitrary<Record<string, unknown>>,
  ifMatch = false,
) =>
  fc
    .record({
      path,
      payload: fc.oneof(
        { weight: 12, arbitrary: mutatedBody(body).map(({ mutation, body }) => ({ json: body, tag: mutation })) },
        { weight: 1, arbitrary: junkValue.map((json) => ({ json, tag: 'junk' })) },
      ),
      ifMatch: ifMatch ? rare(ifMatchHeader, 3) : fc.constant(undefined),
      idempotencyKey: rare(
        fc.nat(40).map((n) => `fuzz-key-${n}`),
        10,
      ),
      correlationId: rare(headerText, 10),
    })
    .map(({ path, payload, ifMatch, idempotencyKey, correlationId }): FuzzRequest => ({
      method: 'POST',
      path,
      body: { json: payload.json },
      ifMatch,
      idempotencyKey,
      correlationId,
      tag: payload.tag,
    }));

const rebuildGroup: RouteGroup = {
  index: POSTS.length,
  name: REBUILD_ROUTE,
  runs: 80,
  request: fc
    .record({
      name: fc.oneof(
        { weight: 1, arbitrary: ref('projection') },
        { weight: 6, arbitrary: garbageId.map((s) => literal(shortSegment(s))) },
        { weight: 1, arbitrary: fc.constantFrom(...POLLUTION_KEYS).map((s) => literal(encodeWtf8(s))) },
      ),
      body: rare(junkValue, 2),
    })
    .map(({ name, body }): FuzzRequest => ({
      method: 'POST',
      path: ['/v1/admin/projections/', name, '/rebuild'],
      body: body === undefined ? undefined : { json: body },
      tag: body === undefined ? 'no-body' : 'junk',
    })),
};

describeFuzz(
  'write bodies',
  [
    ...POSTS.map((p, index): RouteGroup => ({
      index,
      name: p.name,
      runs: p.runs,
      request: write(p.path, p.body, p.ifMatch),
    })),
    rebuildGroup,
  ],
  { routes: () => [...POSTS.map((p) => p.name), REBUILD_ROUTE].map(documentedName) },
);
