/**
 * A JSON fragment written into the request text verbatim, for what `JSON.stringify` cannot
 * produce: `1e400`, `-0`, `NaN`, leading zeros, 5,000-deep nesting, duplicate keys.
 */
export class RawJson {
  constructor(readonly text: string) {}
}

/** Defines own enumerable properties, so `__proto__` becomes a key rather than a prototype change. */
export function objectOf(entries: readonly (readonly [string, unknown])[]): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  for (const [key, value] of entries) {
    Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return object;
}

/**
 * Serialises like `JSON.stringify`, except that `RawJson` values are inlined as written, own
 * `__proto__` keys are kept, and `-0` stays `-0`. Values JSON has no form for become `null`.
 */
export function toJsonText(value: unknown): string {
  if (value instanceof RawJson) return value.text;
  if (value === null || value === undefined) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      return Object.is(value, -0) ? '-0' : Number.isFinite(value) ? String(value) : 'null';
    case 'string':
      return JSON.stringify(value);
    case 'bigint':
      return value.toString();
    case 'object':
      if (Array.isArray(value)) return `[${value.map(toJsonText).join(',')}]`;
      return `{${Object.keys(value)
        .map((key) => `${JSON.stringify(key)}:${toJsonText((value as Record<string, unknown>)[key])}`)
        .join(',')}}`;
    default:
      return 'null';
  }
}

/** A short, printable rendering of a request body for failure messages. */
export function preview(text: string | undefined, max = 400): string {
  if (text === undefined) return '(none)';
  const escaped = JSON.stringify(text);
  return escaped.length <= max ? escaped : `${escaped.slice(0, max)}… (${text.length} chars)`;
}
