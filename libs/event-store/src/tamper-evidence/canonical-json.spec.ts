import fc from 'fast-check';
import { canonicalJson } from './canonical-json';

/** The definition, written plainly: JSON.stringify of a copy whose object keys were inserted in sorted order. */
function sortedCopy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedCopy);
  if (value === null || typeof value !== 'object') return value;
  const record = value as Record<string, unknown>;
  return Object.fromEntries(
    Object.keys(record)
      .sort()
      .map((key) => [key, sortedCopy(record[key])]),
  );
}

/** The recursive implementation the stack-based one replaced; hashes already in logs were made by it. */
function recursiveCanonicalJson(value: unknown): string {
  const omitted = (v: unknown) => v === undefined || typeof v === 'function' || typeof v === 'symbol';
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'bigint') throw new TypeError('canonicalJson cannot encode a bigint');
    return omitted(value) ? 'null' : JSON.stringify(value);
  }
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    return recursiveCanonicalJson((value as { toJSON(): unknown }).toJSON());
  }
  if (Array.isArray(value)) return `[${value.map((v) => (omitted(v) ? 'null' : recursiveCanonicalJson(v))).join(',')}]`;
  const record = value as Record<string, unknown>;
  const members = Object.keys(record)
    .sort()
    .filter((key) => !omitted(record[key]))
    .map((key) => `${JSON.stringify(key)}:${recursiveCanonicalJson(record[key])}`);
  return `{${members.join(',')}}`;
}

describe('canonicalJson', () => {
  it('sorts keys recursively, including inside arrays, and emits no whitespace', () => {
    const value = { b: 1, a: { d: [{ z: true, y: null }], c: 'x' } };
    expect(canonicalJson(value)).toBe('{"a":{"c":"x","d":[{"y":null,"z":true}]},"b":1}');
  });

  it('is independent of insertion order', () => {
    expect(canonicalJson({ x: 1, y: { p: 1, q: 2 } })).toBe(canonicalJson({ y: { q: 2, p: 1 }, x: 1 }));
  });

  it('orders keys by code unit, not as numbers ("10" before "9")', () => {
    expect(canonicalJson({ 9: 'a', 10: 'b', B: 1, a: 2 })).toBe('{"10":"b","9":"a","B":1,"a":2}');
  });

  it('matches JSON.stringify for undefined, toJSON, non-finite numbers and escaping', () => {
    const value = {
      gone: undefined,
      list: [undefined, 1, () => 0],
      when: new Date('2024-05-20T00:00:00Z'),
      nan: NaN,
      text: 'quote " and \n newline, 台湾',
    };
    expect(canonicalJson(value)).toBe(
      '{"list":[null,1,null],"nan":null,"text":"quote \\" and \\n newline, 台湾","when":"2024-05-20T00:00:00.000Z"}',
    );
    expect(JSON.parse(canonicalJson(value))).toEqual(JSON.parse(JSON.stringify(value)));
  });

  it('gives the same text after a JSON round trip (what every store does)', () => {
    const value = { n: 0.1 + 0.2, big: 1e21, neg: -0, nested: { arr: [3, 2, 1] } };
    expect(canonicalJson(JSON.parse(JSON.stringify(value)))).toBe(canonicalJson(value));
  });

  it('is JSON.stringify of the value with its keys sorted, for any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        // Integer-like keys would be reordered by Object.fromEntries; the code-unit test above covers them.
        fc.pre(!/"\d+":/.test(JSON.stringify(value)));
        expect(canonicalJson(value)).toBe(JSON.stringify(sortedCopy(value)));
      }),
      { numRuns: 500 },
    );
  });

  it('writes what the recursive implementation wrote, for values with undefined, functions, symbols, dates and toJSON anywhere', () => {
    const leaf = fc.oneof(
      fc.jsonValue({ maxDepth: 1 }),
      fc.constantFrom<unknown>(undefined, () => 0, Symbol('s'), NaN, -Infinity, -0),
      fc.date({ noInvalidDate: true }),
      fc.jsonValue({ maxDepth: 1 }).map((inner) => ({ toJSON: () => inner })),
      fc.constant({ toJSON: () => undefined }),
    );
    const value = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, leaf, tie('array'), tie('object')),
      array: fc.array(tie('node'), { maxLength: 4 }),
      object: fc.dictionary(fc.string({ maxLength: 4 }), tie('node'), { maxKeys: 4 }),
    })).node;
    fc.assert(
      fc.property(value, (v) => {
        expect(canonicalJson(v)).toBe(recursiveCanonicalJson(v));
      }),
      { numRuns: 2_000 },
    );
  });

  it('encodes values nested 100,000 deep without running out of stack', () => {
    let arrays: unknown = [];
    let objects: unknown = 1;
    for (let i = 0; i < 100_000; i++) {
      arrays = [arrays];
      objects = { b: objects, a: [] };
    }
    expect(canonicalJson(arrays)).toBe(`${'['.repeat(100_001)}${']'.repeat(100_001)}`);
    expect(canonicalJson(objects)).toBe(`${'{"a":[],"b":'.repeat(100_000)}1${'}'.repeat(100_000)}`);
  });

  it('encodes scalars and refuses bigint', () => {
    expect(canonicalJson('s')).toBe('"s"');
    expect(canonicalJson(null)).toBe('null');
    expect(canonicalJson([])).toBe('[]');
    expect(canonicalJson({})).toBe('{}');
    expect(() => canonicalJson({ n: 1n })).toThrow(TypeError);
  });
});
