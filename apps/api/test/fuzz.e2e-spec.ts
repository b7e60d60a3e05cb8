import { ENGAGEMENT_KINDS } from '@tracker/domain/diplomatic-engagement/diplomatic-engagement.decider';
import { ESCALATION_REGIONS } from '@tracker/domain/escalation-signal/escalation-region';
import { ESCALATION_KINDS } from '@tracker/domain/escalation-signal/escalation-signal.decider';
import { POLICY_ACTION_KINDS, POLICY_ACTION_STAGES } from '@tracker/domain/policy-action/policy-action.lifecycle';
import { SANCTIONS_LISTS } from '@tracker/domain/sanctioned-entity/sanctioned-entity.decider';
import { headOf, parsePosition } from '@tracker/event-store/position';
import { ProjectionRunner } from '@tracker/read-models/projection-runner';
import { entityBody, statementBody } from '@tracker/testing/fixtures';
import { mutatedBody, withFieldsReplaced, withKeyAdded } from '@tracker/testing/fuzz/body-mutation.arbitraries';
import { preview, toJsonText } from '@tracker/testing/fuzz/json-text';
import {
  dateLike,
  deepNesting,
  hugeString,
  impossibleDate,
  INHERITED_KEYS,
  junkValue,
  nastyString,
  POLLUTION_KEYS,
  SPECIAL_STRINGS,
  unparseableIsoDate,
} from '@tracker/testing/fuzz/junk.arbitraries';
import { encodeWtf8, queryString } from '@tracker/testing/fuzz/query-string.arbitraries';
import * as valid from '@tracker/testing/fuzz/valid-bodies.arbitraries';
import fc from 'fast-check';
import { startTestApp, type TestApp } from './test-app';

/**
 * Property-based fuzzing of every route over HTTP (Fastify inject, one request at a time).
 * For every request: the status is 2xx or 4xx; a 4xx is `application/problem+json` whose
 * `status` is the HTTP status; a 201 carries `{ id, streamId, revision, position }` and the
 * matching ETag; and the log grows only by 201s (the head of `$all` is read after each request).
 * After the run: the event count matches the 201s, every projection has caught up (a stuck one
 * names the request whose event it cannot apply), the hash chains verify, and no prototype changed.
 *
 * One group per route, then one group per input class that crosses routes (raw payloads, deep
 * nesting with and without an `Idempotency-Key`, `Object.prototype` names as unknown fields and query
 * parameters, long or broken path parameters, ISO 8601 texts `Date` cannot parse, impossible calendar
 * dates), so that a failure in one class does not stop the others. Groups of input that must be refused
 * also check the status and the field the problem names. Each group is an `fc.assert` with its own fixed seed.
 * `FUZZ_SEED` changes the run, `FUZZ_SCALE` multiplies the request counts, `FUZZ_SHRINK=1` shrinks a
 * failure to a smaller counterexample (slower).
 */

const SEED = Number(process.env.FUZZ_SEED ?? 20_240_520);
const SCALE = Number(process.env.FUZZ_SCALE ?? 1);
const SHRINK = process.env.FUZZ_SHRINK === '1';

/** Ids and tokens the fuzz has seen, referred to by index at generation time and resolved when sent. */
type Pool =
  | 'statement'
  | 'sanctionedEntity'
  | 'policyAction'
  | 'anchor'
  | 'diplomaticEngagement'
  | 'escalationSignal'
  | 'stream'
  | 'cursor'
  | 'auditCursor'
  | 'projection';

type Segment = { ref: Pool; index: number } | { literal: string };

interface FuzzRequest {
  method: string;
  path: readonly (string | Segment)[];
  query?: string;
  body?: { json: unknown } | { raw: string | Uint8Array };
  /** Defaults to `application/json` for `json` bodies; `null` sends no content type. */
  contentType?: string | null;
  ifMatch?: string;
  idempotencyKey?: string;
  correlationId?: string;
  /** How a JSON body came about (`valid`, `drop`, `wrong-type`, …, `junk`, `raw`). */
  tag: string;
  /** For input that must be refused: the status, and a field or message the problem's `errors` must name. */
  expect?: { status: number; field?: string; message?: string };
}

interface RouteGroup {
  name: string;
  runs: number;
  /** A function when the requests depend on what the app reports at run time (its route list). */
  request: fc.Arbitrary<FuzzRequest> | (() => { runs: number; request: fc.Arbitrary<FuzzRequest> }[]);
}

/** A route of the OpenAPI document (`GET /docs-json`), e.g. `POST /v1/statements/{id}/corrections`. */
interface DocumentedRoute {
  method: string;
  path: string;
  pattern: RegExp;
}

/** Filled before the first group runs: every route the app documents, and how often each was fuzzed. */
const DOCUMENTED: DocumentedRoute[] = [];
const coverage = new Map<string, { requests: number; statuses: Map<number, number> }>();
/** A route needs this many requests to count as fuzzed; routes short of it get the generic group. */
const MIN_PER_ROUTE = Math.max(1, Math.round(30 * SCALE));

const POOL_OF_CATEGORY: Record<string, Pool> = {
  statement: 'statement',
  sanctionedEntity: 'sanctionedEntity',
  policyAction: 'policyAction',
  anchor: 'anchor',
  diplomaticEngagement: 'diplomaticEngagement',
  escalationSignal: 'escalationSignal',
};

/** Replaces lone surrogates: path segments must be valid UTF-8 here (broken ones have their own group). */
const wellFormed = (text: string) =>
  text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');

/** Fastify's default `maxParamLength`; longer path parameters have their own group. */
const MAX_PARAM_LENGTH = 100;

/** A garbage path segment, percent-encoded, cut to at most `MAX_PARAM_LENGTH` characters. */
const shortSegment = (text: string) => {
  let fitted = wellFormed(text.slice(0, MAX_PARAM_LENGTH));
  while (encodeWtf8(fitted).length > MAX_PARAM_LENGTH) fitted = wellFormed(fitted.slice(0, -1));
  return encodeWtf8(fitted);
};

const ref = (pool: Pool) => fc.nat().map((index): Segment => ({ ref: pool, index }));
const literal = (text: string): Segment => ({ literal: text });
const sentinel = (pool: Pool) => fc.nat().map((index) => `@@ref:${pool}:${index}@@`);
const rare = <T>(arbitrary: fc.Arbitrary<T>, weight = 6) =>
  fc.oneof({ weight, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary });

/** Printable header text (Node refuses control characters in header values). */
const headerText = fc.string({
  unit: fc.oneof(
    fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 }),
    fc.constantFrom('"', 'W/', ' ', '\t', ',', 'é'),
  ),
  maxLength: 40,
});

const garbageId: fc.Arbitrary<string> = fc.oneof(
  nastyString(40).filter((s) => s.length > 0),
  fc.constantFrom(...SPECIAL_STRINGS.filter((s) => s.length > 0)),
  fc.uuid().map((u) => u.toUpperCase()),
  fc.uuid().map((u) => ` ${u}`),
  fc.uuid().map((u) => `${u}\u0000`),
  fc.uuid().map((u) => u.replace(/-/g, '')),
  fc.uuid().map((u) => `${u}-${u}`),
  fc.uuid({ version: 4 }).map((u) => `{${u}}`),
  hugeString.map((s) => s.slice(0, 3_000)),
);

/** An id path segment: mostly a real record of `pool`, sometimes another kind's, an unknown UUID or garbage. */
const idSegment = (pool: Pool): fc.Arbitrary<Segment> =>
  fc.oneof(
    { weight: 8, arbitrary: ref(pool) },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom<Pool>('statement', 'sanctionedEntity', 'policyAction', 'anchor', 'escalationSignal')
        .chain(ref),
    },
    { weight: 2, arbitrary: fc.uuid().map(literal) },
    { weight: 2, arbitrary: garbageId.map((s) => literal(shortSegment(s))) },
  );

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

const fixed = (...parts: (string | Segment)[]) => fc.constant(parts);
const under = (prefix: string, pool: Pool, suffix: string) =>
  idSegment(pool).map((segment) => [prefix, segment, suffix]);

/** Every POST route, with the valid body its mutations start from. */
const POSTS: {
  name: string;
  runs: number;
  path: fc.Arbitrary<(string | Segment)[]>;
  body: fc.Arbitrary<Record<string, unknown>>;
  ifMatch?: boolean;
}[] = [
  { name: 'POST /v1/statements', runs: 800, path: fixed('/v1/statements'), body: valid.statement },
  {
    name: 'POST /v1/statements/:id/corrections',
    runs: 500,
    path: under('/v1/statements/', 'statement', '/corrections'),
    body: valid.correction,
    ifMatch: true,
  },
  {
    name: 'POST /v1/statements/:id/retraction',
    runs: 400,
    path: under('/v1/statements/', 'statement', '/retraction'),
    body: valid.retraction,
    ifMatch: true,
  },
  { name: 'POST /v1/sanctioned-entities', runs: 800, path: fixed('/v1/sanctioned-entities'), body: valid.entity },
  {
    name: 'POST /v1/sanctioned-entities/:id/amendments',
    runs: 500,
    path: under('/v1/sanctioned-entities/', 'sanctionedEntity', '/amendments'),
    body: valid.amendment,
    ifMatch: true,
  },
  {
    name: 'POST /v1/sanctioned-entities/:id/removal',
    runs: 350,
    path: under('/v1/sanctioned-entities/', 'sanctionedEntity', '/removal'),
    body: valid.removal,
    ifMatch: true,
  },
  { name: 'POST /v1/policy-actions', runs: 700, path: fixed('/v1/policy-actions'), body: valid.policyAction },
  {
    name: 'POST /v1/policy-actions/:id/stages',
    runs: 700,
    path: under('/v1/policy-actions/', 'policyAction', '/stages'),
    body: valid.stage,
    ifMatch: true,
  },
  {
    name: 'POST /v1/escalation-signals',
    runs: 700,
    path: fixed('/v1/escalation-signals'),
    body: valid.escalationSignal,
  },
  { name: 'POST /v1/anchors', runs: 500, path: fixed('/v1/anchors'), body: valid.anchor },
  {
    name: 'POST /v1/diplomatic-engagements',
    runs: 600,
    path: fixed('/v1/diplomatic-engagements'),
    body: valid.engagement,
  },
];

const rebuildGroup: RouteGroup = {
  name: 'POST /v1/admin/projections/:name/rebuild',
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

// --- GET routes and their query parameters -------------------------------------------------------

const asOf = fc.oneof(
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '2099-01-01T00:00:00Z',
      '2024-05-21T00:00:00Z',
      '2000-01-01',
      '2030-06-01T12:00:00+08:00',
    ),
  },
  { weight: 3, arbitrary: dateLike },
);
const day = fc.oneof(valid.dateOnly, dateLike);
const page = {
  limit: fc.oneof(fc.integer({ min: -2, max: 202 }).map(String), fc.constantFrom('1', '50', '200', '1.5', '1e2', ' 7')),
  cursor: fc.oneof(
    { weight: 3, arbitrary: sentinel('cursor') },
    { weight: 1, arbitrary: fc.base64String({ maxLength: 60 }) },
  ),
  asOf,
};
const countryParam = fc.oneof(valid.country, fc.constantFrom('XX', 'chn', 'Cn'));
const textParam = fc.oneof(valid.text(30), fc.constantFrom('wang', 'a', '%', '_', "'", 'taiwan'));

/** GET routes with their query parameters, kept for the groups that send bad dates or keys to all of them. */
const GET_ROUTES: {
  name: string;
  path: fc.Arbitrary<(string | Segment)[]>;
  /** A path whose parameters name real records, so that only the query can be wrong. */
  recordPath: fc.Arbitrary<(string | Segment)[]>;
  known: Record<string, fc.Arbitrary<string>>;
}[] = [];

const getGroup = (
  name: string,
  runs: number,
  path: fc.Arbitrary<(string | Segment)[]>,
  known: Record<string, fc.Arbitrary<string>>,
  recordPath = path,
): RouteGroup => {
  GET_ROUTES.push({ name, path, recordPath, known });
  return {
    name,
    runs,
    request: fc
      .tuple(path, queryString(known))
      .map(([path, query]): FuzzRequest => ({ method: 'GET', path, query, tag: 'query' })),
  };
};

const streamSegment: fc.Arbitrary<Segment> = fc.oneof(
  { weight: 6, arbitrary: ref('stream') },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.constantFrom('statement', 'sanctionedEntity', 'policyAction', 'anchor', 'x', '$all', '$et'), fc.uuid())
      .map(([category, id]) => literal(encodeWtf8(`${category}-${id}`))),
  },
  { weight: 2, arbitrary: garbageId.map((s) => literal(shortSegment(s))) },
);

const GETS: RouteGroup[] = [
  getGroup('GET /health', 60, fixed('/health'), {}),
  getGroup('GET /v1/admin/projections', 60, fixed('/v1/admin/projections'), {}),
  getGroup('GET /v1/timelines/export-controls', 220, fixed('/v1/timelines/export-controls'), {
    list: fc.constantFrom(...SANCTIONS_LISTS),
    country: countryParam,
    from: day,
    to: day,
    asOf,
  }),
  getGroup('GET /v1/timelines/escalation', 260, fixed('/v1/timelines/escalation'), {
    anchor: fc.oneof({ weight: 4, arbitrary: sentinel('anchor') }, { weight: 1, arbitrary: valid.anchorName }),
    before: fc.oneof(fc.integer({ min: -1, max: 366 }).map(String), fc.constantFrom('0', '365', '30')),
    after: fc.oneof(fc.integer({ min: -1, max: 366 }).map(String), fc.constantFrom('0', '365', '30')),
    region: fc.constantFrom(...ESCALATION_REGIONS),
    asOf,
  }),
  getGroup('GET /v1/audit/verify', 80, fixed('/v1/audit/verify'), {
    streamId: fc.oneof({ weight: 5, arbitrary: sentinel('stream') }, { weight: 1, arbitrary: garbageId }),
  }),
  getGroup(
    'GET /v1/audit/streams/:streamId',
    250,
    streamSegment.map((segment) => ['/v1/audit/streams/', segment]),
    { limit: fc.integer({ min: -1, max: 501 }).map(String), cursor: sentinel('auditCursor'), asOf },
    ref('stream').map((segment) => ['/v1/audit/streams/', segment]),
  ),
  getGroup(
    'GET /v1/sanctioned-entities/:id',
    220,
    idSegment('sanctionedEntity').map((segment) => ['/v1/sanctioned-entities/', segment]),
    { asOf },
    ref('sanctionedEntity').map((segment) => ['/v1/sanctioned-entities/', segment]),
  ),
  getGroup('GET /v1/sanctioned-entities', 220, fixed('/v1/sanctioned-entities'), {
    ...page,
    list: fc.constantFrom(...SANCTIONS_LISTS),
    country: countryParam,
    q: textParam,
    status: fc.constantFrom('listed', 'removed', 'any'),
  }),
  getGroup('GET /v1/feed', 200, fixed('/v1/feed'), {
    ...page,
    kind: fc.constantFrom(
      'statement',
      'sanctioned-entity',
      'policy-action',
      'escalation-signal',
      'diplomatic-engagement',
      'anchor',
    ),
  }),
  getGroup('GET /v1/statements', 220, fixed('/v1/statements'), {
    ...page,
    speaker: textParam,
    topic: textParam,
    country: countryParam,
    from: day,
    to: day,
  }),
  getGroup(
    'GET /v1/policy-actions/:id',
    200,
    idSegment('policyAction').map((segment) => ['/v1/policy-actions/', segment]),
    { asOf },
    ref('policyAction').map((segment) => ['/v1/policy-actions/', segment]),
  ),
  getGroup('GET /v1/policy-actions', 220, fixed('/v1/policy-actions'), {
    ...page,
    kind: fc.constantFrom(...POLICY_ACTION_KINDS),
    stage: fc.constantFrom(...POLICY_ACTION_STAGES),
    actor: textParam,
    q: textParam,
    from: day,
    to: day,
  }),
  getGroup('GET /v1/diplomatic-engagements', 200, fixed('/v1/diplomatic-engagements'), {
    ...page,
    kind: fc.constantFrom(...ENGAGEMENT_KINDS),
    participant: textParam,
    country: countryParam,
    from: day,
    to: day,
  }),
  getGroup('GET /v1/escalation-signals', 200, fixed('/v1/escalation-signals'), {
    ...page,
    region: fc.constantFrom(...ESCALATION_REGIONS),
    kind: fc.constantFrom(...ESCALATION_KINDS),
    from: day,
    to: day,
  }),
  getGroup('GET /v1/anchors', 150, fixed('/v1/anchors'), page),
  getGroup('GET /docs, /docs-json', 30, fc.constantFrom(['/docs'], ['/docs-json'], ['/docs/']), {}),
];

// --- raw payloads: not JSON, wrong content types, empty bodies -----------------------------------------

const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'APPLICATION/JSON',
  'application/json;charset=UTF-8',
  'application/json; charset=latin1',
  'application/json; charset=utf-16',
  'application/json; boundary=x; q=0.5',
  'application/problem+json',
  'application/vnd.api+json',
  'application/merge-patch+json',
  'text/json',
  'text/plain',
  'text/plain; charset=utf-8',
  'text/html',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/xml',
  'application/octet-stream',
  '*/*',
  'application/*',
  'json',
  ';',
  '',
];
const contentType = fc.oneof(
  { weight: 1, arbitrary: fc.constant<string | null>(null) },
  { weight: 6, arbitrary: fc.constantFrom<string | null>(...CONTENT_TYPES) },
);

const RAW_SCALARS = [
  'null',
  'true',
  '0',
  '-0',
  '1e400',
  '"x"',
  '[]',
  '[{}]',
  '{}',
  'NaN',
  'undefined',
  "{'a':1}",
  '{"a":1,}',
  '// c\n{}',
  '{"a":1}{"b":2}',
  '{"a":"\\ud800"}',
  '\u0000',
  '{',
  '}',
  '"',
  '{"__proto__":{"polluted":"yes"}}',
  '{"constructor":{"prototype":{"polluted":"yes"}}}',
  '[{"__proto__":{"polluted":"yes"}}]',
];

/** Prepends `key: value` to a JSON object text (a duplicate key when the body already has it). */
const prependKey = (json: string, key: string, value: string) =>
  json === '{}' ? `{${JSON.stringify(key)}:${value}}` : `{${JSON.stringify(key)}:${value},${json.slice(1)}`;

const rawPayload = (body: fc.Arbitrary<Record<string, unknown>>) =>
  fc.oneof(
    body.chain((b) => {
      const text = toJsonText(b);
      return fc
        .nat(text.length)
        .map((n) => ({ raw: text.slice(0, n), contentType: 'application/json', tag: 'truncated' }));
    }),
    body.map((b) => ({ raw: `\uFEFF${toJsonText(b)}`, contentType: 'application/json', tag: 'bom' })),
    fc.tuple(body, contentType).map(([b, contentType]) => ({ raw: toJsonText(b), contentType, tag: 'content-type' })),
    contentType.map((contentType) => ({ raw: '', contentType, tag: 'empty' })),
    fc
      .tuple(fc.constantFrom(...RAW_SCALARS), contentType)
      .map(([raw, contentType]) => ({ raw, contentType, tag: 'scalar' })),
    fc.tuple(nastyString(200), contentType).map(([raw, contentType]) => ({ raw, contentType, tag: 'text' })),
    fc
      .tuple(fc.uint8Array({ maxLength: 512 }), contentType)
      .map(([raw, contentType]) => ({ raw, contentType, tag: 'bytes' })),
    deepNesting(10, 500).map((d) => ({ raw: d.text, contentType: 'application/json', tag: 'nested' })),
    fc
      .tuple(
        body,
        fc.constantFrom('__proto__', 'constructor'),
        fc.constantFrom('{"polluted":"yes"}', '{"prototype":{"polluted":"yes"}}'),
      )
      .map(([b, key, value]) => ({
        raw: prependKey(toJsonText(b), key, value),
        contentType: 'application/json',
        tag: 'proto-json',
      })),
    fc.tuple(body, junkValue).map(([b, junk]) => {
      // The first key again with junk: JSON.parse keeps the last, valid value.
      const text = toJsonText(b);
      const first = Object.keys(b)[0] ?? 'x';
      return { raw: prependKey(text, first, toJsonText(junk)), contentType: 'application/json', tag: 'duplicate-key' };
    }),
    body.map((b) => ({
      raw: Buffer.from(toJsonText(b), 'utf16le'),
      contentType: 'application/json; charset=utf-16le',
      tag: 'utf-16',
    })),
    body.map((b) => ({
      raw: Buffer.from(toJsonText(b), 'latin1'),
      contentType: 'application/json; charset=iso-8859-1',
      tag: 'latin1',
    })),
    fc.constantFrom(
      {
        raw: 'speaker=x&country=CN&__proto__[polluted]=yes',
        contentType: 'application/x-www-form-urlencoded',
        tag: 'form',
      },
      {
        raw: '--x\r\nContent-Disposition: form-data; name="speaker"\r\n\r\nWang Yi\r\n--x--\r\n',
        contentType: 'multipart/form-data; boundary=x',
        tag: 'multipart',
      },
      { raw: '<statement><speaker>x</speaker></statement>', contentType: 'application/xml', tag: 'xml' },
    ),
    fc
      .integer({ min: 1_048_600, max: 1_200_000 })
      .map((n) => ({ raw: `"${'a'.repeat(n)}"`, contentType: 'application/json', tag: 'too-large' })),
  );

const rawGroup: RouteGroup = {
  name: 'POST (raw payloads, every POST route)',
  runs: 800,
  request: fc
    .integer({ min: 0, max: POSTS.length - 1 })
    .chain((i) => fc.tuple(POSTS[i].path, rawPayload(POSTS[i].body)))
    .map(([path, payload]): FuzzRequest => ({
      method: 'POST',
      path,
      body: { raw: payload.raw },
      contentType: payload.contentType,
      tag: `raw:${payload.tag}`,
    })),
};

// --- input classes that get a group of their own, so that one failure does not hide others -------------

/** A field of a valid body (or the whole body) nested 500 to 10,000 deep. */
const deepGroup: RouteGroup = {
  name: 'POST (JSON nested 500-10,000 deep, every POST route)',
  runs: 120,
  request: fc
    .integer({ min: 0, max: POSTS.length - 1 })
    .chain((i) =>
      fc.tuple(
        POSTS[i].path,
        fc.oneof(
          deepNesting(500, 10_000),
          POSTS[i].body.chain((body) =>
            fc
              .tuple(fc.constantFrom(...Object.keys(body), 'extra'), deepNesting(500, 10_000))
              .map(([key, deep]) => ({ ...body, [key]: deep })),
          ),
        ),
      ),
    )
    .map(([path, json]): FuzzRequest => ({ method: 'POST', path, body: { json }, tag: 'deep' })),
};

const DATE_KEY = /(?:At|From|To|On|^date)$/;

/** Valid bodies whose date fields hold ISO 8601 texts that strict validation accepts but `Date` cannot parse. */
const unparseableDateBodyGroup: RouteGroup = {
  name: 'POST (ISO 8601 dates Date cannot parse, every POST route)',
  runs: 200,
  request: fc
    .integer({ min: 0, max: POSTS.length - 1 })
    .chain((i) =>
      fc.tuple(
        POSTS[i].path,
        withFieldsReplaced(POSTS[i].body, (key) => DATE_KEY.test(key), unparseableIsoDate),
      ),
    )
    .map(([path, json]): FuzzRequest => ({ method: 'POST', path, body: { json }, tag: 'unparseable-date' })),
};

/** `asOf`, `from` and `to` as ISO 8601 texts that strict validation accepts but `Date` cannot parse. */
const unparseableDateQueryGroup: RouteGroup = {
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

/**
 * Bodies nested 10,000 to 100,000 deep with an `Idempotency-Key`, on every documented POST route:
 * the key's fingerprint once walked them before any depth check and overflowed the stack (500).
 * A 400 naming the depth, whatever the route (guards, which claim the key, run before any pipe).
 */
const deepKeyedGroup: RouteGroup = {
  name: 'POST (JSON nested 10,000-100,000 deep with Idempotency-Key, every documented POST route)',
  runs: 0,
  request: () => {
    const param = (name: string): fc.Arbitrary<Segment> =>
      name === 'name' ? ref('projection') : name === 'position' ? fc.constant(literal('1')) : fc.uuid().map(literal);
    const paths = DOCUMENTED.filter((r) => r.method === 'POST').map((route) =>
      fc.tuple(
        ...route.path
          .split(/(\{\w+\})/)
          .filter((part) => part !== '')
          .map((part): fc.Arbitrary<string | Segment> =>
            part.startsWith('{') ? param(part.slice(1, -1)) : fc.constant(part),
          ),
      ),
    );
    const keyed = (json: fc.Arbitrary<unknown>, path: fc.Arbitrary<(string | Segment)[]>) =>
      fc.tuple(path, json, fc.nat(40)).map(([path, json, n]): FuzzRequest => ({
        method: 'POST',
        path,
        body: { json },
        idempotencyKey: `fuzz-deep-${n}`,
        tag: 'deep-keyed',
        expect: { status: 400, message: 'nests deeper than 32 levels' },
      }));
    return [
      { runs: Math.round(8 * paths.length * SCALE), request: keyed(deepNesting(10_000, 100_000), fc.oneof(...paths)) },
      {
        runs: Math.round(60 * SCALE),
        request: fc.integer({ min: 0, max: POSTS.length - 1 }).chain((i) =>
          keyed(
            POSTS[i].body.chain((body) =>
              fc
                .tuple(fc.constantFrom(...Object.keys(body)), deepNesting(10_000, 100_000))
                .map(([key, deep]) => ({ ...body, [key]: deep })),
            ),
            POSTS[i].path,
          ),
        ),
      },
    ];
  },
};

/** A POST route's path with a fresh UUID for `:id`: validation answers before any record is looked up. */
const pathOf = (route: string) =>
  fc.uuid().map((id) => [route.slice('POST '.length).replace(':id', id)] as (string | Segment)[]);

/** What an inherited key is set to; none of these trips another check first. */
const inheritedValue = fc.constantFrom<unknown>('x', 1, true, [], {}, { polluted: 'yes' });

/**
 * Valid bodies with one unknown field named like an `Object.prototype` member, at the root, in
 * `source`, in any nested object or object in an array: a 400 naming it (`__proto__` is refused by
 * the JSON parser, before fields are named).
 */
const inheritedKeyBodyGroup: RouteGroup = {
  name: 'POST (Object.prototype names as unknown fields at any level, every POST route)',
  runs: 500,
  request: fc
    .integer({ min: 0, max: POSTS.length - 1 })
    .chain((i) =>
      fc.tuple(
        pathOf(POSTS[i].name),
        withKeyAdded(POSTS[i].body, fc.constantFrom(...INHERITED_KEYS), inheritedValue),
        rare(fc.nat(40), 3),
      ),
    )
    .map(([path, { body, field }, key]): FuzzRequest => ({
      method: 'POST',
      path,
      body: { json: body },
      idempotencyKey: key === undefined ? undefined : `fuzz-inherited-${key}`,
      tag: 'inherited-key',
      expect: { status: 400, field: field.endsWith('__proto__') ? undefined : field },
    })),
};

/** The same names as query parameters of every GET route that takes a query. */
const inheritedKeyQueryGroup: RouteGroup = {
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

// --- wrong methods and unknown paths ------------------------------------------------------------------------

const KNOWN_PATHS: fc.Arbitrary<(string | Segment)[]> = fc.oneof(
  ...POSTS.map((p) => p.path),
  fixed('/v1/feed'),
  fixed('/v1/anchors'),
  fixed('/health'),
  fixed('/v1/audit/verify'),
  under('/v1/sanctioned-entities/', 'sanctionedEntity', ''),
);
const methodGroup: RouteGroup = {
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

/**
 * Every documented route the groups above fuzzed fewer than `MIN_PER_ROUTE` times (a route added
 * after this suite was written, say) gets junk: garbage or real path parameters, junk query strings,
 * junk bodies. So "every route" stays true without editing this file.
 */
const otherRoutesGroup: RouteGroup = {
  name: 'other documented routes (generic junk)',
  runs: 0,
  request: () => {
    const routes = DOCUMENTED.filter((r) => (coverage.get(`${r.method} ${r.path}`)?.requests ?? 0) < MIN_PER_ROUTE);
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
    return routes.map((route) => ({ runs: MIN_PER_ROUTE, request: request(route) }));
  },
};

/** In this order: writes fill the pools the reads use; the input class that can poison read models goes last. */
const GROUPS: RouteGroup[] = [
  ...POSTS.map((p): RouteGroup => ({ name: p.name, runs: p.runs, request: write(p.path, p.body, p.ifMatch) })),
  rebuildGroup,
  ...GETS,
  rawGroup,
  methodGroup,
  deepGroup,
  deepKeyedGroup,
  inheritedKeyBodyGroup,
  inheritedKeyQueryGroup,
  impossibleDateQueryGroup,
  longParamGroup,
  brokenEscapeGroup,
  unparseableDateQueryGroup,
  otherRoutesGroup,
  unparseableDateBodyGroup,
];

// --- the oracle ----------------------------------------------------------------------------------------

interface RouteStats {
  requests: number;
  statuses: Map<number, number>;
  created: Map<string, number>;
}

describe('HTTP fuzz: never a 5xx, 4xx are problems, only 201s append', () => {
  let api: TestApp;
  let head = 0n;
  let baseline = 0;
  let appended = 0;
  let sent = 0;
  const pools: Record<Pool, string[]> = {
    statement: [],
    sanctionedEntity: [],
    policyAction: [],
    anchor: [],
    diplomaticEngagement: [],
    escalationSignal: [],
    stream: [],
    cursor: [],
    auditCursor: [],
    projection: [],
  };
  const revisions = new Map<string, number>();
  /** The request behind each appended position, to name the culprit when a projection gets stuck. */
  const writers = new Map<bigint, string>();
  const stats = new Map<string, RouteStats>();
  const failures: string[] = [];
  const prototypeNames = {
    object: Object.getOwnPropertyNames(Object.prototype).sort(),
    array: Object.getOwnPropertyNames(Array.prototype).sort(),
    function: Object.getOwnPropertyNames(Function.prototype).sort(),
  };
  const started = Date.now();

  const headPosition = async () => (await headOf(api.store))?.commit ?? 0n;

  const pick = (pool: Pool, index: number) => {
    const items = pools[pool];
    return items.length === 0 ? undefined : items[index % items.length];
  };
  const remember = (pool: Pool, value: string, cap = 500) => {
    const items = pools[pool];
    if (items.includes(value)) return;
    if (items.length >= cap) items[items.length % cap] = value;
    else items.push(value);
  };

  const resolvePath = (parts: readonly (string | Segment)[]) => {
    let streamId: string | undefined;
    const path = parts
      .map((part) => {
        if (typeof part === 'string') return part;
        if ('literal' in part) return part.literal;
        const value = pick(part.ref, part.index) ?? '00000000-0000-4000-8000-000000000000';
        if (part.ref in POOL_OF_CATEGORY) streamId = `${part.ref}-${value}`;
        return encodeURIComponent(value);
      })
      .join('');
    return { path, streamId };
  };
  const resolveQuery = (query: string) =>
    query.replace(/(?:@@|%40%40)ref(?::|%3A)(\w+)(?::|%3A)(\d+)(?:@@|%40%40)/g, (_, pool: Pool, index: string) =>
      encodeURIComponent(pick(pool, Number(index)) ?? ''),
    );

  /** Sends one request and checks the properties; throws a description of every violation. */
  async function send(route: string, request: FuzzRequest) {
    const { path, streamId } = resolvePath(request.path);
    const url = request.query ? `${path}?${resolveQuery(request.query)}` : path;
    const headers: Record<string, string> = {};
    let payload: string | Buffer | undefined;
    if (request.body && 'json' in request.body) {
      payload = toJsonText(request.body.json);
      if (request.contentType !== null) headers['content-type'] = request.contentType ?? 'application/json';
    } else if (request.body) {
      payload = typeof request.body.raw === 'string' ? request.body.raw : Buffer.from(request.body.raw);
      if (request.contentType != null) headers['content-type'] = request.contentType;
    }
    if (request.ifMatch !== undefined) {
      headers['if-match'] =
        request.ifMatch === 'current' ? `"${(streamId && revisions.get(streamId)) ?? 0}"` : request.ifMatch;
    }
    if (request.idempotencyKey !== undefined) headers['idempotency-key'] = request.idempotencyKey;
    if (request.correlationId !== undefined) headers['x-correlation-id'] = request.correlationId;

    // An accepted GET /v1/feed/live is an endless event stream: take its status and headers, then hang up.
    const live = request.method === 'GET' && path === '/v1/feed/live';
    const response = await api.app.inject({
      method: request.method as 'GET',
      url,
      payload,
      headers,
      payloadAsStream: live,
    });
    if (live && response.statusCode === 200) response.raw.res.destroy();
    else if (live) response.body = (await response.stream().toArray()).join('');
    sent++;
    const status = response.statusCode;
    const own = stats.get(route) ?? { requests: 0, statuses: new Map(), created: new Map() };
    stats.set(route, own);
    own.requests++;
    own.statuses.set(status, (own.statuses.get(status) ?? 0) + 1);
    const documented = DOCUMENTED.find((r) => r.method === request.method && r.pattern.test(path));
    const routeKey = documented
      ? `${documented.method} ${documented.path}`
      : `${request.method} (not in the OpenAPI document)`;
    const covered = coverage.get(routeKey) ?? { requests: 0, statuses: new Map<number, number>() };
    coverage.set(routeKey, covered);
    covered.requests++;
    covered.statuses.set(status, (covered.statuses.get(status) ?? 0) + 1);

    const problems: string[] = [];
    const contentType = String(response.headers['content-type'] ?? '');
    let body: any;
    try {
      body = response.body ? JSON.parse(response.body) : undefined;
    } catch {
      body = undefined;
    }
    // By design a health check answers 503 with Terminus's report when a dependency is down.
    const healthDown = status === 503 && path.startsWith('/health') && body?.status === 'error';
    if (!((status >= 200 && status < 300) || (status >= 400 && status < 500) || healthDown)) {
      problems.push(`status ${status}`);
    }
    if (status >= 400 && status < 500) {
      if (!/^application\/problem\+json/.test(contentType))
        problems.push(`a ${status} with content-type "${contentType}"`);
      if (typeof body?.status !== 'number' || body.status !== status) {
        problems.push(`a ${status} whose problem status is ${JSON.stringify(body?.status)}`);
      }
    }
    if (request.expect) {
      const { status: expected, field, message } = request.expect;
      const errors: { field?: unknown; messages?: unknown }[] = Array.isArray(body?.errors) ? body.errors : [];
      if (status !== expected) problems.push(`status ${status} where ${expected} was expected`);
      else if (field !== undefined && !errors.some((e) => e.field === field)) {
        problems.push(`a ${status} whose errors do not name ${field}`);
      } else if (
        message !== undefined &&
        !errors.some((e) => Array.isArray(e.messages) && e.messages.includes(message))
      ) {
        problems.push(`a ${status} whose errors do not say "${message}"`);
      }
    }
    const after = await headPosition();
    if (status === 201) {
      const shaped =
        typeof body?.id === 'string' &&
        body.id.length > 0 &&
        typeof body.streamId === 'string' &&
        body.streamId.endsWith(`-${body.id}`) &&
        Number.isInteger(body.revision) &&
        body.revision >= 0 &&
        typeof body.position === 'string' &&
        /^\d+(?:\/\d+)?$/.test(body.position);
      if (!shaped) problems.push('a 201 without { id, streamId, revision, position }');
      else {
        if (response.headers.etag !== `"${body.revision}"`)
          problems.push(`ETag ${response.headers.etag} for revision ${body.revision}`);
        const known = revisions.get(body.streamId) ?? -1;
        const replay = after === head && request.idempotencyKey !== undefined && body.revision <= known;
        if (!replay) {
          if (after === head) problems.push('a 201 that appended nothing');
          else if (after !== parsePosition(body.position).commit)
            problems.push(`a 201 at ${body.position} but the head is ${after}`);
          if (body.revision <= known) problems.push(`revision ${body.revision} after ${known}`);
          appended += body.revision - known;
          revisions.set(body.streamId, body.revision);
          const category = body.streamId.slice(0, body.streamId.indexOf('-'));
          if (POOL_OF_CATEGORY[category]) remember(POOL_OF_CATEGORY[category], body.id, 2_000);
          remember('stream', body.streamId, 2_000);
          own.created.set(request.tag, (own.created.get(request.tag) ?? 0) + 1);
          writers.set(
            after,
            `${request.method} ${preview(url, 200)} ${preview(typeof payload === 'string' ? payload : undefined, 1_000)}`,
          );
          const stored = await lastEventData(body.streamId);
          const leaked = pollutionKeysIn(stored);
          if (leaked.length > 0) problems.push(`stored event data has the keys ${leaked.join(', ')}`);
        }
      }
    } else if (after !== head) {
      problems.push(`a ${status} appended ${after - head} event(s)`);
    }
    head = after;
    if (status === 200 && typeof body?.nextCursor === 'string') {
      remember(url.startsWith('/v1/audit/streams/') ? 'auditCursor' : 'cursor', body.nextCursor, 200);
    }
    if (sent % 1_000 === 0) {
      const count = await api.countEvents();
      if (count !== baseline + appended)
        problems.push(`the log holds ${count} events, expected ${baseline + appended}`);
    }
    if (problems.length > 0) {
      const detail = [
        `[${route}] ${problems.join('; ')}`,
        `  request:  ${request.method} ${preview(url, 300)} (${request.tag})`,
        `  headers:  ${JSON.stringify(headers)}`,
        `  body:     ${preview(typeof payload === 'string' ? payload : payload?.toString('latin1'))}`,
        `  response: ${status} ${contentType} ${preview(response.body, 400)}`,
      ].join('\n');
      failures.push(detail);
      throw new Error(detail);
    }
    return { status, body };
  }

  async function lastEventData(streamId: string): Promise<unknown> {
    for await (const event of api.store.readStream(streamId, {
      fromRevision: 'end',
      direction: 'backwards',
      maxCount: 1,
    })) {
      return event.data;
    }
    return undefined;
  }

  beforeAll(async () => {
    api = await startTestApp();
    const document = await api.request('GET', '/docs-json');
    for (const [path, operations] of Object.entries(document.body.paths as Record<string, object>)) {
      const pattern = new RegExp(`^${path.replace(/\{\w+\}/g, '[^/]+')}$`);
      for (const method of Object.keys(operations)) DOCUMENTED.push({ method: method.toUpperCase(), path, pattern });
    }
    baseline = await api.countEvents();
    head = await headPosition();
    // Seed records of every kind, so that `/:id` routes and `asOf` reads hit real data from the start.
    const seeds: [string, unknown][] = [
      ['/v1/statements', statementBody()],
      ['/v1/statements', statementBody({ speaker: 'Lai Ching-te', country: 'TW' })],
      ['/v1/sanctioned-entities', entityBody({ name: 'Fuzz Seed One Ltd' })],
      ['/v1/sanctioned-entities', entityBody({ name: 'Fuzz Seed Two Ltd', list: 'OFAC_SDN' })],
      [
        '/v1/policy-actions',
        {
          kind: 'legislation',
          title: 'Fuzz seed bill',
          actors: ['US Congress'],
          instrument: 'H.R. 1',
          stage: 'introduced',
          occurredAt: '2024-03-05',
          source: { url: 'https://www.congress.gov/', publisher: 'Congress.gov' },
        },
      ],
      [
        '/v1/policy-actions',
        {
          kind: 'investigation',
          title: 'Fuzz seed investigation',
          actors: ['USTR'],
          instrument: 'Section 301',
          stage: 'petition',
          occurredAt: '2024-03-12',
          source: { url: 'https://ustr.gov/', publisher: 'USTR' },
        },
      ],
      [
        '/v1/anchors',
        {
          name: 'fuzz-seed-anchor',
          date: '2024-05-20',
          title: 'Seed anchor',
          source: { url: 'https://www.president.gov.tw/', publisher: 'Office of the President' },
        },
      ],
      [
        '/v1/escalation-signals',
        {
          region: 'taiwan-strait',
          kind: 'air',
          observedFrom: '2024-05-23T06:00:00+08:00',
          observedTo: '2024-05-24T06:00:00+08:00',
          metrics: { aircraft: 49 },
          severity: 4,
          source: { url: 'https://www.mnd.gov.tw/', publisher: 'Taiwan MND' },
        },
      ],
      [
        '/v1/diplomatic-engagements',
        {
          kind: 'call',
          title: 'Fuzz seed call',
          participants: [
            { name: 'A', country: 'US' },
            { name: 'B', country: 'CN' },
          ],
          startsOn: '2024-06-10',
          endsOn: '2024-06-10',
          source: { url: 'https://www.state.gov/', publisher: 'State' },
        },
      ],
    ];
    for (const [path, json] of seeds) {
      const { status } = await send('seed', { method: 'POST', path: [path], body: { json }, tag: 'valid' });
      expect(status).toBe(201);
    }
    const projections = await send('seed', { method: 'GET', path: ['/v1/admin/projections'], tag: 'seed' });
    for (const p of projections.body.projections as { name: string }[]) remember('projection', p.name);
  });

  afterAll(async () => {
    if (!api) return;
    const count = await api.countEvents();
    const total = [...stats.values()].reduce((sum, s) => sum + s.requests, 0);
    const byClass = (test: (status: number) => boolean) =>
      [...stats.values()].reduce(
        (sum, s) => sum + [...s.statuses].filter(([status]) => test(status)).reduce((n, [, c]) => n + c, 0),
        0,
      );
    const histogram = (statuses: Map<number, number>) =>
      [...statuses]
        .sort(([a], [b]) => a - b)
        .map(([status, n]) => `${status}×${n}`)
        .join(' ');
    const groups = [...stats].map(([group, s]) => {
      const created = [...s.created].map(([tag, n]) => `${tag}:${n}`).join(' ');
      return `  ${group.padEnd(60)} ${String(s.requests).padStart(5)}  ${histogram(s.statuses)}${created ? `  (201 by ${created})` : ''}`;
    });
    const routes = [...coverage]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([route, c]) => `  ${route.padEnd(60)} ${String(c.requests).padStart(5)}  ${histogram(c.statuses)}`);
    console.log(
      [
        `fuzz (seed ${SEED}, ${((Date.now() - started) / 1000).toFixed(1)} s), by group:`,
        ...groups,
        `by route (${DOCUMENTED.length} documented):`,
        ...routes,
        ...(failures.length > 0 ? [`${failures.length} violation(s):`, ...failures] : []),
        `fuzz: ${total} requests, ${byClass((s) => s >= 200 && s < 300)} 2xx, ${byClass((s) => s >= 400 && s < 500)} 4xx, ${byClass((s) => s >= 500)} 5xx, events +${count - baseline}`,
      ].join('\n'),
    );
    await api.close();
  });

  GROUPS.forEach((group, index) => {
    it(`${group.name}${group.runs ? ` (${Math.round(group.runs * SCALE)} requests)` : ''}`, async () => {
      const parts =
        typeof group.request === 'function' ? group.request() : [{ runs: group.runs, request: group.request }];
      for (const [part, { runs, request }] of parts.entries()) {
        const seed = SEED + index * 100 + part;
        await fc.assert(
          fc.asyncProperty(request, async (request) => {
            await send(group.name, request);
          }),
          {
            // Parts computed at run time (the generic group) are already sized.
            numRuns: typeof group.request === 'function' ? runs : Math.max(1, Math.round(runs * SCALE)),
            seed,
            endOnFailure: !SHRINK,
            reporter: (details) => {
              if (!details.failed) return;
              const error =
                details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
              throw new Error(
                `${group.name}: failed after ${details.numRuns} request(s); replay with FUZZ_SEED=${SEED} (group seed ${details.seed}, path ${details.counterexamplePath})\n${error}`,
              );
            },
          },
        );
      }
    }, 120_000);
  });

  it(`fuzzed every documented route at least ${MIN_PER_ROUTE} times`, () => {
    const short = DOCUMENTED.map((r) => `${r.method} ${r.path}`).filter(
      (route) => (coverage.get(route)?.requests ?? 0) < MIN_PER_ROUTE,
    );
    expect(DOCUMENTED.length).toBeGreaterThan(20);
    expect(short).toEqual([]);
  });

  it('leaves the log exactly as the 201s say', async () => {
    expect(await api.countEvents()).toBe(baseline + appended);
  });

  it('leaves every projection caught up and running (a stuck one names the event it cannot apply)', async () => {
    const runner = api.app.get(ProjectionRunner);
    const deadline = Date.now() + 20_000;
    let generations = (await runner.status()).filter((g) => g.status === 'active');
    const settled = (g: (typeof generations)[number]) => g.state === 'retrying' || (g.position?.commit ?? 0n) >= head;
    while (Date.now() < deadline && !generations.every(settled)) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      generations = (await runner.status()).filter((g) => g.status === 'active');
    }
    const stuck = generations
      .filter((g) => g.state !== 'running' || g.lastError || (g.position?.commit ?? 0n) < head)
      .map((g) => {
        const checkpoint = g.position?.commit ?? 0n;
        const next = [...writers.keys()].filter((p) => p > checkpoint).sort((a, b) => (a < b ? -1 : 1))[0];
        const culprit = next === undefined ? '?' : writers.get(next);
        return `${g.name}: ${g.state} at ${checkpoint} of ${head} (${g.lastError ?? 'no error'}); next event from ${culprit}`;
      });
    expect(stuck).toEqual([]);
  }, 30_000);

  it('leaves the tamper-evidence chains intact', async () => {
    const verify = await api.request('GET', '/v1/audit/verify');
    expect(verify.status).toBe(200);
    expect({ ok: verify.body.ok, firstBreak: verify.body.firstBreak }).toEqual({ ok: true, firstBreak: undefined });
  });

  it('leaves Object.prototype, Array.prototype and Function.prototype untouched', () => {
    const probe = {} as Record<string, unknown>;
    expect([probe.polluted, probe.isAdmin, ([] as unknown as Record<string, unknown>).polluted]).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeNames.object);
    expect(Object.getOwnPropertyNames(Array.prototype).sort()).toEqual(prototypeNames.array);
    expect(Object.getOwnPropertyNames(Function.prototype).sort()).toEqual(prototypeNames.function);
    expect(typeof Object.prototype.toString).toBe('function');
  });
});

const POLLUTING = new Set(['__proto__', 'constructor', 'prototype']);

/** Own keys named `__proto__`, `constructor` or `prototype` anywhere in a stored value. */
function pollutionKeysIn(value: unknown, path = ''): string[] {
  if (value === null || typeof value !== 'object') return [];
  return Object.keys(value).flatMap((key) => [
    ...(POLLUTING.has(key) ? [`${path}${key}`] : []),
    ...pollutionKeysIn((value as Record<string, unknown>)[key], `${path}${key}.`),
  ]);
}
