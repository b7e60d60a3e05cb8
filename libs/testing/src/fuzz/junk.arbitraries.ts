import { isISO8601 } from 'class-validator';
import fc from 'fast-check';
import { objectOf, RawJson } from './json-text';

/**
 * Characters that break naive handling: NUL and other controls, lone surrogates, bidi
 * overrides (RTL), zero-width and combining marks, BOM, line separators, emoji with ZWJ,
 * non-characters, and the punctuation that matters in URLs, JSON and SQL.
 */
export const NASTY_CHARS = [
  '\u0000',
  '\u0001',
  '\u001f',
  '\u007f',
  '\u0085',
  '\uD800',
  '\uDBFF',
  '\uDC00',
  '\uDFFF',
  '\u202E',
  '\u202D',
  '\u200F',
  '\u200E',
  '\u2066',
  '\u2069',
  '\u061C',
  '\uFEFF',
  '\u2028',
  '\u2029',
  '\u0301',
  '\u200B',
  '\u00A0',
  '\uFFFE',
  '\uFFFF',
  '\u{10FFFF}',
  '😀',
  '👨‍👩‍👧‍👦',
  '🏳️‍🌈',
  '🇹🇼',
  'ﷺ',
  'ع',
  'א',
  '中',
  'İ',
  'ß',
  'Ⅻ',
  '\t',
  '\n',
  '\r',
  '\\',
  '"',
  "'",
  '`',
  '%',
  '&',
  '=',
  '?',
  '#',
  '/',
  '+',
  ';',
  '<',
  '>',
  '[',
  ']',
  '{',
  '}',
  '$',
  '*',
  '_',
  '.',
  ' ',
];

/** One nasty character, any code point, a lone surrogate half, or printable ASCII. */
export const nastyChar: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...NASTY_CHARS) },
  { weight: 3, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
  { weight: 3, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 }) },
  { weight: 1, arbitrary: fc.integer({ min: 0xd800, max: 0xdfff }).map((unit) => String.fromCharCode(unit)) },
);

/** Short strings of nasty characters. */
export const nastyString = (maxLength = 40): fc.Arbitrary<string> => fc.string({ unit: nastyChar, maxLength });

/** Strings of 1,000 to ~100,000 UTF-16 units: a repeated nasty chunk keeps generation cheap. */
export const hugeString: fc.Arbitrary<string> = fc
  .tuple(fc.string({ unit: nastyChar, minLength: 1, maxLength: 8 }), fc.integer({ min: 1_000, max: 100_000 }))
  .map(([chunk, length]) => chunk.repeat(Math.ceil(length / chunk.length)).slice(0, length));

/** Just past the limits the DTOs name (100, 200, 300, 500, 1000, 2000, 5000, 20000 characters). */
export const boundaryString: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom(99, 100, 101, 199, 200, 201, 299, 300, 301, 499, 500, 501, 1000, 1001, 2000, 2001, 5001, 20_001),
    fc.constantFrom('a', 'é', '😀', ' ', '\u0000'),
  )
  .map(([length, char]) => char.repeat(length));

/** Strings that mean something to parsers, coercions, databases, templates and prototypes. */
export const SPECIAL_STRINGS = [
  '',
  ' ',
  '   ',
  '\u0000',
  'null',
  'undefined',
  'NaN',
  '-NaN',
  'Infinity',
  '-Infinity',
  '1e308',
  '1e309',
  '-1e309',
  '-0',
  '+0',
  '0x10',
  '0b101',
  '0o17',
  '00',
  '007',
  '1_000',
  '9007199254740993',
  '99999999999999999999999',
  '-1',
  '3.14',
  '1.',
  '.5',
  ' 5 ',
  '5abc',
  'true',
  'false',
  '[]',
  '{}',
  '[object Object]',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  '{"$gt":""}',
  "' OR 1=1 --",
  "'); DROP TABLE events; --",
  '%',
  '%00',
  '%zz',
  '%E0%A4%A',
  '../../../../etc/passwd',
  '\\u0000',
  '<script>alert(1)</script>',
  '${7*7}',
  '{{7*7}}',
  'statement-',
  '-',
  'a-',
  '--',
  'BIS_ENTITY_LIST',
  'bis_entity_list',
  'CN',
  'cn',
  'XX',
  'ZZ',
  'taiwan-strait',
  'legislation',
  'introduced',
];

/** Date and date-time texts at and past the edges: year 0, ±275760, impossible days, odd offsets. */
export const EDGE_DATES = [
  '0000-01-01',
  '0000-00-00',
  '0001-01-01',
  '0099-12-31',
  '-000001-01-01',
  '-271821-04-20T00:00:00.000Z',
  '+275760-09-13T00:00:00.000Z',
  '+275760-09-13T00:00:00.001Z',
  '+275760-09-14',
  '275760-09-13',
  '275761-01-01',
  '+002024-05-20',
  '9999-12-31',
  '9999-12-31T23:59:59.999Z',
  '10000-01-01',
  '2024-02-30',
  '2023-02-29',
  '2024-02-29',
  '2024-13-01',
  '2024-00-10',
  '2024-04-31',
  '2024-12-32',
  '1970-01-01',
  '1970-01-01T00:00:00Z',
  '1969-12-31T23:59:59.999Z',
  '2024-05-20T24:00:00Z',
  '2024-05-20T23:59:60Z',
  '2024-05-20T00:00:00+24:00',
  '2024-05-20T00:00:00+14:01',
  '2024-05-20T00:00:00-12:00',
  '2024-05-20T00:00:00+99:99',
  '2024-05-20T00:00:00.123456789Z',
  '2024-05-20T00:00:00.1234567891Z',
  '2024-05-20 00:00:00Z',
  '2024-05-20t00:00:00z',
  '2024-05-20T00:00Z',
  '2024-05-20T00:00:00',
  '2024-5-20',
  '05/20/2024',
  '2024',
  '2024-05',
  'P1D',
  '-1',
  '1716163200000',
  'yesterday',
  'now',
  '2999-01-01',
  '2100-01-01',
  '1899-12-31',
  '2024-05-20\u0000',
  ' 2024-05-20',
  '２０２４-05-20',
];

const pad = (value: number, width: number) => `${value < 0 ? '-' : ''}${String(Math.abs(value)).padStart(width, '0')}`;

/**
 * True for texts that pass `IsISO8601({ strict: true })` but that `Date` cannot parse: week dates
 * (`2024-W21-1`), ordinal dates (`2024-141`), the basic format (`20240520`), comma fractions,
 * hour-only times and `±hh` offsets. They get their own generator (`unparseableIsoDate`).
 */
export const isUnparseableIso = (text: string) => isISO8601(text, { strict: true }) && Number.isNaN(Date.parse(text));

/** Dates and date-times: edge texts, any `Date` (years −271821…275760), and out-of-range parts. */
export const dateLike: fc.Arbitrary<string> = fc
  .oneof(
    { weight: 4, arbitrary: fc.constantFrom(...EDGE_DATES) },
    { weight: 2, arbitrary: fc.date({ noInvalidDate: true }).map((d) => d.toISOString()) },
    { weight: 2, arbitrary: fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)) },
    {
      weight: 2,
      arbitrary: fc
        .tuple(
          fc.integer({ min: -300_000, max: 300_000 }),
          fc.integer({ min: -1, max: 14 }),
          fc.integer({ min: -1, max: 33 }),
        )
        .map(([y, m, d]) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`),
    },
  )
  .filter((text) => !isUnparseableIso(text));

const year = fc.integer({ min: 1000, max: 2999 });
const two = (n: number) => String(n).padStart(2, '0');

/** ISO 8601 texts that strict validation accepts and `Date.parse` rejects (see `isUnparseableIso`). */
export const unparseableIsoDate: fc.Arbitrary<string> = fc
  .oneof(
    fc
      .tuple(year, fc.integer({ min: 1, max: 53 }), fc.integer({ min: 1, max: 7 }))
      .map(([y, w, d]) => `${y}-W${two(w)}-${d}`),
    fc.tuple(year, fc.integer({ min: 1, max: 53 })).map(([y, w]) => `${y}-W${two(w)}`),
    fc.tuple(year, fc.integer({ min: 1, max: 365 })).map(([y, d]) => `${y}-${String(d).padStart(3, '0')}`),
    fc.date({ min: new Date('1000-01-01'), max: new Date('2999-12-31'), noInvalidDate: true }).chain((d) => {
      const iso = d.toISOString();
      const basic = iso.slice(0, 10).replace(/-/g, '');
      return fc.constantFrom(
        basic,
        `${basic}T${iso.slice(11, 19).replace(/:/g, '')}Z`,
        `${iso.slice(0, 19)},5Z`,
        `${iso.slice(0, 13)}Z`,
        `${iso.slice(0, 19)}+08`,
      );
    }),
  )
  .filter(isUnparseableIso);

/** Numbers at the edges (as values; `-0` survives as `-0` through `toJsonText`). */
export const edgeNumber: fc.Arbitrary<number> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      0,
      -0,
      1,
      -1,
      2,
      5,
      6,
      1.5,
      0.1,
      200,
      201,
      365,
      366,
      500,
      501,
      100_000,
      100_001,
      2 ** 31,
      2 ** 32,
      2 ** 53,
      2 ** 53 + 2,
      2 ** 63,
      1e21,
      1e308,
      -1e308,
      Number.MAX_VALUE,
      Number.MIN_VALUE,
      Number.EPSILON,
    ),
  },
  { weight: 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
  { weight: 1, arbitrary: fc.integer() },
);

/** Number tokens `JSON.stringify` cannot write; some are not JSON at all (`NaN`, `00`, `+1`). */
export const RAW_NUMBER_TOKENS = [
  '1e400',
  '-1e400',
  '1e-400',
  '-0',
  '-0.0',
  '0e0',
  '1E+2',
  '123456789012345678901234567890',
  '1.0000000000000000000000001',
  'NaN',
  'Infinity',
  '-Infinity',
  '00',
  '01',
  '+1',
  '.5',
  '5.',
  '0x1F',
  '1_000',
];

/** Arrays or objects nested `min` to `max` deep, written as text (generating them as values would be slow). */
export const deepNesting = (min: number, max: number): fc.Arbitrary<RawJson> =>
  fc.tuple(fc.integer({ min, max }), fc.constantFrom('array', 'object', 'mixed')).map(([depth, shape]) => {
    if (shape === 'array') return new RawJson(`${'['.repeat(depth)}${']'.repeat(depth)}`);
    if (shape === 'object') return new RawJson(`${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`);
    return new RawJson(`${'[{"a":'.repeat(depth)}[]${'}]'.repeat(depth)}`);
  });

/** Raw fragments: odd number tokens, nesting up to 500 deep, duplicate keys. */
export const rawFragment: fc.Arbitrary<RawJson> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...RAW_NUMBER_TOKENS).map((text) => new RawJson(text)) },
  { weight: 1, arbitrary: deepNesting(10, 500) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      new RawJson('{"a":1,"a":2}'),
      new RawJson('{"__proto__":{"polluted":"yes"}}'),
      new RawJson('{"constructor":{"prototype":{"polluted":"yes"}}}'),
      new RawJson('"\\ud800"'),
      new RawJson('"\\u0000"'),
    ),
  },
);

/** Keys that reach `Object.prototype` in naive merges, and other inherited names. */
export const POLLUTION_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  '__defineGetter__',
  '__defineSetter__',
  '__lookupGetter__',
  'hasOwnProperty',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toString',
  'toLocaleString',
  'valueOf',
  '__proto__.polluted',
  'constructor.prototype.polluted',
];

/**
 * Every name `Object.prototype` has (`toString`, `valueOf`, `hasOwnProperty`, `__defineGetter__`, …,
 * `__proto__`, `constructor`) and `prototype`. As a field of a body or a query each is unknown, so a
 * 400; class-transformer once dropped the inherited method names silently and the write went through.
 */
export const INHERITED_KEYS: readonly string[] = [...Object.getOwnPropertyNames(Object.prototype), 'prototype'];

const isLeapYear = (y: number) => y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
/** Days in month `m` (1–12) of year `y`, by the Gregorian rule, written out so that it owes nothing to `Date`. */
const daysInMonth = (y: number, m: number) =>
  [31, isLeapYear(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];

/**
 * Texts shaped like a date (`YYYY-MM-DD`, sometimes with a time and zone) whose day is not on the
 * calendar: the day after a month's last (`2024-02-30`, `2023-02-29`, `1900-02-29`, `2024-04-31`),
 * day or month `00`, month 13–99, day 32–99, year `0000`. Every date field and filter refuses them.
 */
export const impossibleDate: fc.Arbitrary<string> = fc
  .tuple(
    fc.oneof(
      {
        weight: 3,
        arbitrary: fc
          .tuple(fc.integer({ min: 1900, max: 2999 }), fc.integer({ min: 1, max: 12 }))
          .filter(([y, m]) => daysInMonth(y, m) < 31)
          .chain(([y, m]) => fc.integer({ min: daysInMonth(y, m) + 1, max: 31 }).map((d) => [y, m, d] as const)),
      },
      {
        weight: 2,
        arbitrary: fc
          .tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 }))
          .filter(([y, m, d]) => m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)),
      },
      { weight: 1, arbitrary: fc.constantFrom([0, 0, 0] as const, [2024, 13, 45] as const, [2024, 2, 30] as const) },
    ),
    fc.constantFrom('', '', '', 'T00:00:00Z', 'T12:30:00+08:00', 'T23:59:59.999-05:00'),
  )
  .map(([[y, m, d], time]) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}${time}`);

/** What a pollution key is set to: a payload that would show up as `({}).polluted`. */
export const pollutionPayload: fc.Arbitrary<unknown> = fc.constantFrom<unknown>(
  objectOf([['polluted', 'yes']]),
  objectOf([['prototype', objectOf([['polluted', 'yes']])]]),
  objectOf([
    ['polluted', 'yes'],
    ['isAdmin', true],
    ['toString', 1],
  ]),
  'yes',
  1,
  null,
  [],
);

/** A key for an unknown field: inherited names, nasty text, or a dotted path. */
export const junkKey: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...POLLUTION_KEYS) },
  { weight: 3, arbitrary: nastyString(20) },
  { weight: 1, arbitrary: fc.constantFrom('a.b', 'a[b]', '$set', 'id', 'streamId', 'revision', 'actor', 'recordedAt') },
);

/** Any scalar: null, booleans, edge numbers, odd strings, dates, huge strings, raw tokens. */
export const junkLeaf: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom<unknown>(null, true, false) },
  { weight: 3, arbitrary: edgeNumber },
  { weight: 3, arbitrary: nastyString() },
  { weight: 3, arbitrary: fc.constantFrom(...SPECIAL_STRINGS) },
  { weight: 2, arbitrary: dateLike },
  { weight: 1, arbitrary: boundaryString },
  { weight: 1, arbitrary: hugeString },
  { weight: 1, arbitrary: rawFragment },
);

/** Builds junk objects from entries, so inherited names become own keys. */
export const junkObjectOf = (value: fc.Arbitrary<unknown>): fc.Arbitrary<Record<string, unknown>> =>
  fc
    .array(
      fc.oneof(
        { weight: 4, arbitrary: fc.tuple(junkKey, value) },
        { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...POLLUTION_KEYS), pollutionPayload) },
      ),
      { maxLength: 6 },
    )
    .map(objectOf);

/** Wrong-typed and odd values of any shape, objects and arrays nested a few levels. */
export const junkValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown; array: unknown[]; object: unknown }>(
  (tie) => ({
    value: fc.oneof(
      { depthSize: 'small', maxDepth: 4 },
      { weight: 6, arbitrary: junkLeaf },
      { weight: 1, arbitrary: tie('array') },
      { weight: 1, arbitrary: tie('object') },
    ),
    array: fc.array(tie('value'), { maxLength: 5 }),
    object: junkObjectOf(tie('value')),
  }),
).value;
