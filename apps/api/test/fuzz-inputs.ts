import { KIND_NAMES } from '@tracker/domain/record-kinds';
import { ENGAGEMENT_KINDS } from '@tracker/domain/diplomatic-engagement/diplomatic-engagement.decider';
import { ESCALATION_REGIONS } from '@tracker/domain/escalation-signal/escalation-region';
import { ESCALATION_KINDS } from '@tracker/domain/escalation-signal/escalation-signal.decider';
import { POLICY_ACTION_KINDS, POLICY_ACTION_STAGES } from '@tracker/domain/policy-action/policy-action.lifecycle';
import { SANCTIONS_LISTS } from '@tracker/domain/sanctioned-entity/sanctioned-entity.decider';
import { entityBody, statementBody } from '@tracker/testing/fixtures';
import { dateLike, hugeString, nastyString, SPECIAL_STRINGS } from '@tracker/testing/fuzz/junk.arbitraries';
import { encodeWtf8 } from '@tracker/testing/fuzz/query-string.arbitraries';
import * as valid from '@tracker/testing/fuzz/valid-bodies.arbitraries';
import fc from 'fast-check';

// What the fuzz suites send: the request shape, the seed records, path-segment arbitraries, and the
// route tables (every POST route with the valid body its mutations start from, every GET route with
// its query parameters) that the suites crossing routes draw from too. `fuzz-harness.ts` sends and checks.

/** Ids and tokens the fuzz has seen, referred to by index at generation time and resolved when sent. */
export type Pool =
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

export type Segment = { ref: Pool; index: number } | { literal: string };

export interface FuzzRequest {
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

export interface RouteGroup {
  /**
   * The group's place in the fuzz's fixed order (0–39, as when it was one suite); its seed is
   * `FUZZ_SEED + 100 × index + part`, so a failure replays with the same `FUZZ_SEED` in any suite.
   */
  index: number;
  name: string;
  runs: number;
  /** A function when the requests depend on what the app reports at run time (its route list). */
  request: fc.Arbitrary<FuzzRequest> | (() => { runs: number; request: fc.Arbitrary<FuzzRequest> }[]);
}

/** A route of the OpenAPI document (`GET /docs-json`), e.g. `POST /v1/statements/{id}/corrections`. */
export interface DocumentedRoute {
  method: string;
  path: string;
  pattern: RegExp;
}

/** Seed records of every kind, so that `/:id` routes and `asOf` reads hit real data from the start. */
export const SEEDS: [string, unknown][] = [
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

/** Replaces lone surrogates: path segments must be valid UTF-8 here (broken ones have their own group). */
export const wellFormed = (text: string) =>
  text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');

/** Fastify's default `maxParamLength`; longer path parameters have their own group. */
export const MAX_PARAM_LENGTH = 100;

/** A garbage path segment, percent-encoded, cut to at most `MAX_PARAM_LENGTH` characters. */
export const shortSegment = (text: string) => {
  let fitted = wellFormed(text.slice(0, MAX_PARAM_LENGTH));
  while (encodeWtf8(fitted).length > MAX_PARAM_LENGTH) fitted = wellFormed(fitted.slice(0, -1));
  return encodeWtf8(fitted);
};

export const ref = (pool: Pool) => fc.nat().map((index): Segment => ({ ref: pool, index }));
export const literal = (text: string): Segment => ({ literal: text });
export const sentinel = (pool: Pool) => fc.nat().map((index) => `@@ref:${pool}:${index}@@`);
export const rare = <T>(arbitrary: fc.Arbitrary<T>, weight = 6) =>
  fc.oneof({ weight, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary });

export const garbageId: fc.Arbitrary<string> = fc.oneof(
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

export const fixed = (...parts: (string | Segment)[]) => fc.constant(parts);
export const under = (prefix: string, pool: Pool, suffix: string) =>
  idSegment(pool).map((segment) => [prefix, segment, suffix]);

/** Every POST route, with the valid body its mutations start from. */
export const POSTS: {
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

/** The one POST route outside `POSTS`: it takes no body, so it has a group of its own. */
export const REBUILD_ROUTE = 'POST /v1/admin/projections/:name/rebuild';

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
export const page = {
  limit: fc.oneof(fc.integer({ min: -2, max: 202 }).map(String), fc.constantFrom('1', '50', '200', '1.5', '1e2', ' 7')),
  cursor: fc.oneof(
    { weight: 3, arbitrary: sentinel('cursor') },
    { weight: 1, arbitrary: fc.base64String({ maxLength: 60 }) },
  ),
  asOf,
};
const countryParam = fc.oneof(valid.country, fc.constantFrom('XX', 'chn', 'Cn'));
const textParam = fc.oneof(valid.text(30), fc.constantFrom('wang', 'a', '%', '_', "'", 'taiwan'));

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

interface GetRoute {
  name: string;
  runs: number;
  path: fc.Arbitrary<(string | Segment)[]>;
  /** A path whose parameters name real records, so that only the query can be wrong. */
  recordPath: fc.Arbitrary<(string | Segment)[]>;
  known: Record<string, fc.Arbitrary<string>>;
}

const get = (
  name: string,
  runs: number,
  path: fc.Arbitrary<(string | Segment)[]>,
  known: Record<string, fc.Arbitrary<string>>,
  recordPath = path,
): GetRoute => ({ name, runs, path, recordPath, known });

/** The pages `/docs` serves, which the OpenAPI document does not list. */
export const DOCS_ROUTE = 'GET /docs, /docs-json';

/** Every GET route with its query parameters: one group each, and the groups that send bad dates or keys to all. */
export const GET_ROUTES: GetRoute[] = [
  get('GET /health', 60, fixed('/health'), {}),
  get('GET /v1/admin/projections', 60, fixed('/v1/admin/projections'), {}),
  get('GET /v1/timelines/export-controls', 220, fixed('/v1/timelines/export-controls'), {
    list: fc.constantFrom(...SANCTIONS_LISTS),
    country: countryParam,
    from: day,
    to: day,
    asOf,
  }),
  get('GET /v1/timelines/escalation', 260, fixed('/v1/timelines/escalation'), {
    anchor: fc.oneof({ weight: 4, arbitrary: sentinel('anchor') }, { weight: 1, arbitrary: valid.anchorName }),
    before: fc.oneof(fc.integer({ min: -1, max: 366 }).map(String), fc.constantFrom('0', '365', '30')),
    after: fc.oneof(fc.integer({ min: -1, max: 366 }).map(String), fc.constantFrom('0', '365', '30')),
    region: fc.constantFrom(...ESCALATION_REGIONS),
    asOf,
  }),
  get('GET /v1/audit/verify', 80, fixed('/v1/audit/verify'), {
    streamId: fc.oneof({ weight: 5, arbitrary: sentinel('stream') }, { weight: 1, arbitrary: garbageId }),
  }),
  get(
    'GET /v1/audit/streams/:streamId',
    250,
    streamSegment.map((segment) => ['/v1/audit/streams/', segment]),
    { limit: fc.integer({ min: -1, max: 501 }).map(String), cursor: sentinel('auditCursor'), asOf },
    ref('stream').map((segment) => ['/v1/audit/streams/', segment]),
  ),
  get(
    'GET /v1/sanctioned-entities/:id',
    220,
    idSegment('sanctionedEntity').map((segment) => ['/v1/sanctioned-entities/', segment]),
    { asOf },
    ref('sanctionedEntity').map((segment) => ['/v1/sanctioned-entities/', segment]),
  ),
  get('GET /v1/sanctioned-entities', 220, fixed('/v1/sanctioned-entities'), {
    ...page,
    list: fc.constantFrom(...SANCTIONS_LISTS),
    country: countryParam,
    q: textParam,
    status: fc.constantFrom('listed', 'removed', 'any'),
  }),
  get('GET /v1/feed', 200, fixed('/v1/feed'), {
    ...page,
    kind: fc.constantFrom(...KIND_NAMES),
  }),
  get('GET /v1/statements', 220, fixed('/v1/statements'), {
    ...page,
    speaker: textParam,
    topic: textParam,
    country: countryParam,
    from: day,
    to: day,
  }),
  get(
    'GET /v1/policy-actions/:id',
    200,
    idSegment('policyAction').map((segment) => ['/v1/policy-actions/', segment]),
    { asOf },
    ref('policyAction').map((segment) => ['/v1/policy-actions/', segment]),
  ),
  get('GET /v1/policy-actions', 220, fixed('/v1/policy-actions'), {
    ...page,
    kind: fc.constantFrom(...POLICY_ACTION_KINDS),
    stage: fc.constantFrom(...POLICY_ACTION_STAGES),
    actor: textParam,
    q: textParam,
    from: day,
    to: day,
  }),
  get('GET /v1/diplomatic-engagements', 200, fixed('/v1/diplomatic-engagements'), {
    ...page,
    kind: fc.constantFrom(...ENGAGEMENT_KINDS),
    participant: textParam,
    country: countryParam,
    from: day,
    to: day,
  }),
  get('GET /v1/escalation-signals', 200, fixed('/v1/escalation-signals'), {
    ...page,
    region: fc.constantFrom(...ESCALATION_REGIONS),
    kind: fc.constantFrom(...ESCALATION_KINDS),
    from: day,
    to: day,
  }),
  get('GET /v1/anchors', 150, fixed('/v1/anchors'), page),
  get(DOCS_ROUTE, 30, fc.constantFrom(['/docs'], ['/docs-json'], ['/docs/']), {}),
];

/** `POST /v1/statements/:id/corrections` as the OpenAPI document names it: `POST /v1/statements/{id}/corrections`. */
export const documentedName = (route: string) => route.replace(/:(\w+)/g, '{$1}');

/** The documented routes that have a group of their own; every other documented route gets the generic one. */
export const ROUTES_WITH_A_GROUP = [
  ...POSTS.map((p) => p.name),
  REBUILD_ROUTE,
  ...GET_ROUTES.map((r) => r.name).filter((name) => name !== DOCS_ROUTE),
].map(documentedName);
