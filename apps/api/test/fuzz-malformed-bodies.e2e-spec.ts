import { withFieldsReplaced, withKeyAdded } from '@tracker/testing/fuzz/body-mutation.arbitraries';
import { toJsonText } from '@tracker/testing/fuzz/json-text';
import {
  deepNesting,
  INHERITED_KEYS,
  junkValue,
  nastyString,
  unparseableIsoDate,
} from '@tracker/testing/fuzz/junk.arbitraries';
import fc from 'fast-check';
import { describeFuzz, DOCUMENTED, SCALE } from './fuzz-harness';
import { type FuzzRequest, literal, POSTS, rare, ref, type RouteGroup, type Segment } from './fuzz-inputs';

// Bodies that are not what a POST route takes, each class in a group of its own so that a failure in
// one does not hide the others: raw payloads (not JSON, wrong content types, empty), deep nesting
// with and without an Idempotency-Key, Object.prototype names as unknown fields, and ISO 8601 dates
// Date cannot parse (last: the input class that can poison read models).

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
  index: 28,
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

/** A field of a valid body (or the whole body) nested 500 to 10,000 deep. */
const deepGroup: RouteGroup = {
  index: 30,
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

/**
 * Bodies nested 10,000 to 100,000 deep with an `Idempotency-Key`, on every documented POST route:
 * the key's fingerprint once walked them before any depth check and overflowed the stack (500).
 * A 400 naming the depth, whatever the route (guards, which claim the key, run before any pipe).
 */
const deepKeyedGroup: RouteGroup = {
  index: 31,
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
  index: 32,
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

const DATE_KEY = /(?:At|From|To|On|^date)$/;

/** Valid bodies whose date fields hold ISO 8601 texts that strict validation accepts but `Date` cannot parse. */
const unparseableDateBodyGroup: RouteGroup = {
  index: 39,
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

describeFuzz('malformed bodies', [
  rawGroup,
  deepGroup,
  deepKeyedGroup,
  inheritedKeyBodyGroup,
  unparseableDateBodyGroup,
]);
