/** An array or object whose members are still being written. */
interface Open {
  readonly array: readonly unknown[] | undefined;
  readonly record: Record<string, unknown> | undefined;
  readonly keys: readonly string[] | undefined;
  next: number;
  written: boolean;
}

/**
 * JSON with object keys sorted (UTF-16 code-unit order, recursively) and no whitespace, so the
 * same value always hashes the same, whichever store or client library serialised it last.
 * Follows `JSON.stringify` otherwise: `toJSON` is honoured, `undefined`/function/symbol members
 * are dropped (`null` inside arrays), non-finite numbers become `null`; a `bigint` throws.
 *
 * Walks with a stack of its own rather than by recursion, so a value nested 100,000 deep (a
 * request body fingerprinted before validation, say) costs time, never the call stack.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return scalar(value);
  // Loops and concatenation rather than map/filter/join: this runs on every appended event.
  const open: Open[] = [];
  let out = '';
  /** The object or array to open next; `undefined` when none is (only objects are ever pending). */
  let pending: object | undefined = value;
  for (;;) {
    if (pending !== undefined) {
      const member = resolved(pending);
      pending = undefined;
      if (member === null || typeof member !== 'object') out += scalar(member);
      else if (Array.isArray(member)) {
        out += '[';
        open.push({ array: member, record: undefined, keys: undefined, next: 0, written: false });
      } else {
        const record = member as Record<string, unknown>;
        out += '{';
        open.push({ array: undefined, record, keys: Object.keys(record).sort(), next: 0, written: false });
      }
    }
    const top = open[open.length - 1];
    if (top === undefined) return out;
    if (top.array !== undefined) {
      const array = top.array;
      while (top.next < array.length) {
        if (top.next > 0) out += ',';
        const item = array[top.next++];
        if (item !== null && typeof item === 'object') {
          pending = item;
          break;
        }
        out += isOmitted(item) ? 'null' : scalar(item);
      }
      if (pending !== undefined) continue;
      out += ']';
    } else {
      const record = top.record as Record<string, unknown>;
      const keys = top.keys as readonly string[];
      while (top.next < keys.length) {
        const key = keys[top.next++];
        const member = record[key];
        if (isOmitted(member)) continue;
        if (top.written) out += ',';
        top.written = true;
        out += `${JSON.stringify(key)}:`;
        if (member !== null && typeof member === 'object') {
          pending = member;
          break;
        }
        out += scalar(member);
      }
      if (pending !== undefined) continue;
      out += '}';
    }
    open.pop();
  }
}

/** Follows `toJSON` until a value has none (a `Date` becomes its ISO text). */
function resolved(value: unknown): unknown {
  let current = value;
  while (current !== null && typeof current === 'object' && typeof (current as ToJson).toJSON === 'function') {
    current = (current as ToJson).toJSON();
  }
  return current;
}

/** A non-object as JSON text: omitted values (a `toJSON` may return one) are `null`. */
function scalar(value: unknown): string {
  if (typeof value === 'bigint') throw new TypeError('canonicalJson cannot encode a bigint');
  return isOmitted(value) ? 'null' : JSON.stringify(value);
}

type ToJson = { toJSON(): unknown };

function isOmitted(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}
