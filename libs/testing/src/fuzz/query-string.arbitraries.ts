import fc from 'fast-check';
import { dateLike, edgeNumber, hugeString, nastyString, SPECIAL_STRINGS } from './junk.arbitraries';

const UNRESERVED = /[A-Za-z0-9\-._~]/;

/**
 * Percent-encodes all but unreserved ASCII, writing lone surrogates as WTF-8 (`%ED%A0%80`): the
 * bytes a careless client really sends, which `encodeURIComponent` refuses to produce.
 */
export function encodeWtf8(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (UNRESERVED.test(char)) {
      out += char;
      continue;
    }
    let code = text.charCodeAt(i);
    const next = text.charCodeAt(i + 1);
    if (code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      code = 0x10000 + ((code - 0xd800) << 10) + (next - 0xdc00);
      i++;
    }
    out += utf8Bytes(code)
      .map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`)
      .join('');
  }
  return out;
}

function utf8Bytes(code: number): number[] {
  if (code < 0x80) return [code];
  if (code < 0x800) return [0xc0 | (code >> 6), 0x80 | (code & 63)];
  if (code < 0x10000) return [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63)];
  return [0xf0 | (code >> 18), 0x80 | ((code >> 12) & 63), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63)];
}

/** Query keys aimed at `qs`-style bracket parsing and prototype pollution. */
export const POLLUTION_QUERY_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  '__proto__[polluted]',
  '__proto__.polluted',
  'constructor[prototype][polluted]',
  'constructor.prototype.polluted',
  'a[__proto__][polluted]',
  'toString',
  'hasOwnProperty',
  'valueOf',
];

/** A value for any query parameter: odd strings, dates, numbers as text, occasionally ~100 KB. */
export const junkQueryValue: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: nastyString(30) },
  { weight: 3, arbitrary: fc.constantFrom(...SPECIAL_STRINGS) },
  { weight: 2, arbitrary: dateLike },
  { weight: 2, arbitrary: edgeNumber.map((n) => (Object.is(n, -0) ? '-0' : String(n))) },
  { weight: 1, arbitrary: hugeString },
);

/** How the pairs are written on the wire. */
export type QueryEncoding = 'percent' | 'form' | 'raw' | 'broken';

/**
 * A query string (without `?`) for a route whose parameters are `known`: known keys with plausible
 * values (so that some requests are valid), known keys with junk, pollution keys, unknown keys,
 * repeated keys, keys without `=`, written percent-encoded, form-encoded, raw, or with broken escapes.
 */
export function queryString(known: Record<string, fc.Arbitrary<string>>): fc.Arbitrary<string> {
  const keys = Object.keys(known);
  const pair: fc.Arbitrary<[string, string | undefined]> = fc.oneof(
    ...(keys.length > 0
      ? [
          {
            weight: 6,
            arbitrary: fc
              .constantFrom(...keys)
              .chain((key) => known[key].map((value): [string, string] => [key, value])),
          },
          { weight: 3, arbitrary: fc.tuple(fc.constantFrom(...keys), junkQueryValue) },
        ]
      : []),
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...POLLUTION_QUERY_KEYS), junkQueryValue) },
    { weight: 1, arbitrary: fc.tuple(nastyString(12), junkQueryValue) },
    {
      weight: 1,
      arbitrary: fc.tuple(fc.constantFrom('', ...keys, ...POLLUTION_QUERY_KEYS), fc.constant(undefined)),
    },
  );
  return fc
    .tuple(
      fc.array(pair, { maxLength: 6 }),
      fc.constantFrom<QueryEncoding>('percent', 'percent', 'percent', 'form', 'raw', 'broken'),
      fc.nat(),
    )
    .map(([pairs, encoding, salt]) => writeQuery(pairs, encoding, salt));
}

function writeQuery(pairs: [string, string | undefined][], encoding: QueryEncoding, salt: number): string {
  const encode = (text: string): string => {
    switch (encoding) {
      case 'percent':
        return encodeWtf8(text);
      case 'form':
        return encodeWtf8(text).replace(/%20/g, '+');
      case 'raw':
        // Only what would end the parameter or the URL is escaped; the rest goes as typed.
        return text.replace(/[%&=#\s]/g, (c) => encodeWtf8(c)).replace(/[\uD800-\uDFFF]/g, (c) => encodeWtf8(c));
      case 'broken': {
        const escaped = encodeWtf8(text);
        const cut = salt % (escaped.length + 1);
        const junk = ['%', '%z', '%zz', '%E0%A4', '%C0%AF', '%ED%A0%80', '%FF', '%00'][salt % 8];
        return `${escaped.slice(0, cut)}${junk}${escaped.slice(cut)}`;
      }
    }
  };
  return pairs.map(([key, value]) => (value === undefined ? encode(key) : `${encode(key)}=${encode(value)}`)).join('&');
}
