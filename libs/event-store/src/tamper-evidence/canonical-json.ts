/**
 * JSON with object keys sorted (UTF-16 code-unit order, recursively) and no whitespace, so the
 * same value always hashes the same, whichever store or client library serialised it last.
 * Follows `JSON.stringify` otherwise: `toJSON` is honoured, `undefined`/function/symbol members
 * are dropped (`null` inside arrays), non-finite numbers become `null`; a `bigint` throws.
 */
export function canonicalJson(value: unknown): string {
  if (value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    return canonicalJson((value as { toJSON(): unknown }).toJSON());
  }
  if (Array.isArray(value))
    return `[${value.map((item) => (isOmitted(item) ? 'null' : canonicalJson(item))).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const members = Object.keys(record)
      .sort()
      .filter((key) => !isOmitted(record[key]))
      .map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`);
    return `{${members.join(',')}}`;
  }
  if (typeof value === 'bigint') throw new TypeError('canonicalJson cannot encode a bigint');
  return isOmitted(value) ? 'null' : JSON.stringify(value);
}

function isOmitted(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}
