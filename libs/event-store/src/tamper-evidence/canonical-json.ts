/**
 * JSON with object keys sorted (UTF-16 code-unit order, recursively) and no whitespace, so the
 * same value always hashes the same, whichever store or client library serialised it last.
 * Follows `JSON.stringify` otherwise: `toJSON` is honoured, `undefined`/function/symbol members
 * are dropped (`null` inside arrays), non-finite numbers become `null`; a `bigint` throws.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'bigint') throw new TypeError('canonicalJson cannot encode a bigint');
    return isOmitted(value) ? 'null' : JSON.stringify(value);
  }
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    return canonicalJson((value as { toJSON(): unknown }).toJSON());
  }
  // Loops and concatenation rather than map/filter/join: this runs on every appended event.
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out += ',';
      out += isOmitted(value[i]) ? 'null' : canonicalJson(value[i]);
    }
    return `${out}]`;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort();
  let out = '{';
  for (const key of keys) {
    const member = record[key];
    if (isOmitted(member)) continue;
    if (out.length > 1) out += ',';
    out += `${JSON.stringify(key)}:${canonicalJson(member)}`;
  }
  return `${out}}`;
}

function isOmitted(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}
