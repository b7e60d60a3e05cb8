import fc from 'fast-check';
import { objectOf, RawJson } from './json-text';
import {
  boundaryString,
  dateLike,
  edgeNumber,
  hugeString,
  junkKey,
  junkValue,
  nastyString,
  pollutionPayload,
  POLLUTION_KEYS,
  rawFragment,
  SPECIAL_STRINGS,
} from './junk.arbitraries';

type Path = readonly (string | number)[];

/** Every node below the root of a JSON-like value, with its path. */
function nodesOf(value: unknown, path: Path = []): { path: Path; value: unknown }[] {
  if (value === null || typeof value !== 'object' || value instanceof RawJson) return [];
  const entries: [string | number, unknown][] = Array.isArray(value)
    ? value.map((item, index) => [index, item])
    : Object.keys(value).map((key) => [key, (value as Record<string, unknown>)[key]]);
  return entries.flatMap(([key, child]) => [{ path: [...path, key], value: child }, ...nodesOf(child, [...path, key])]);
}

/** A copy of `value` with the node at `path` replaced (or removed when `replace` returns `REMOVE`). */
function rewrite(value: unknown, path: Path, replace: (old: unknown) => unknown): unknown {
  if (path.length === 0) return replace(value);
  const [head, ...rest] = path;
  if (Array.isArray(value)) {
    const copy = value.slice();
    const next = rewrite(copy[head as number], rest, replace);
    if (next === REMOVE) copy.splice(head as number, 1);
    else copy[head as number] = next;
    return copy;
  }
  const object = value as Record<string, unknown>;
  return objectOf(
    Object.keys(object).flatMap((key): [string, unknown][] => {
      if (key !== head) return [[key, object[key]]];
      const next = rewrite(object[key], rest, replace);
      return next === REMOVE ? [] : [[key, next]];
    }),
  );
}

const REMOVE = Symbol('remove');

/** Adds a key to the object at `path` (the root when `path` is empty). */
function addKey(value: unknown, path: Path, key: string, added: unknown): unknown {
  return rewrite(value, path, (old) =>
    old !== null && typeof old === 'object' && !Array.isArray(old) && !(old instanceof RawJson)
      ? objectOf([
          ...Object.keys(old).map((k): [string, unknown] => [k, (old as Record<string, unknown>)[k]]),
          [key, added],
        ])
      : old,
  );
}

/** A value of the same JSON type as `old` but probably out of range: what "one nested value changed" means. */
function sameTypeVariant(old: unknown): fc.Arbitrary<unknown> {
  if (typeof old === 'number') return fc.oneof(edgeNumber, rawFragment);
  if (typeof old === 'boolean') return fc.boolean();
  if (typeof old === 'string') {
    return fc.oneof(
      { weight: 3, arbitrary: dateLike },
      { weight: 3, arbitrary: nastyString() },
      { weight: 2, arbitrary: fc.constantFrom(...SPECIAL_STRINGS) },
      { weight: 1, arbitrary: boundaryString },
      { weight: 1, arbitrary: hugeString },
      // Small edits keep it plausible: case, whitespace, a character more or less.
      {
        weight: 3,
        arbitrary: fc.constantFrom(
          old.toUpperCase(),
          old.toLowerCase(),
          ` ${old}`,
          `${old} `,
          `${old}\u0000`,
          old.slice(1),
          old.slice(0, -1),
          `${old}${old}`,
          old.normalize('NFD'),
        ),
      },
    );
  }
  if (Array.isArray(old)) {
    return fc.oneof(
      fc.constant([]),
      fc.array(nastyString(), { minLength: 1, maxLength: 300 }),
      fc.array(junkValue, { maxLength: 4 }),
      fc.constant([old]),
    );
  }
  return junkValue;
}

/** How a valid body was changed, for the summary. */
export type Mutation = 'valid' | 'drop' | 'wrong-type' | 'unknown-field' | 'pollution-key' | 'nested-value';

/**
 * Mutations of a valid body: unchanged (so that some requests succeed), one field dropped, one
 * field set to a wrong type, an unknown field added (at the root or nested, prototype-pollution
 * names included), or one nested value changed to a same-typed, likely invalid one.
 */
export function mutatedBody(
  valid: fc.Arbitrary<Record<string, unknown>>,
): fc.Arbitrary<{ mutation: Mutation; body: unknown }> {
  return valid.chain((body) => {
    const nodes = nodesOf(body);
    if (nodes.length === 0) return fc.constant({ mutation: 'valid' as const, body });
    const objectPaths: Path[] = [[], ...nodes.filter((n) => isPlainObject(n.value)).map((n) => n.path)];
    const node = fc.integer({ min: 0, max: nodes.length - 1 }).map((i) => nodes[i]);
    const objectPath = fc.integer({ min: 0, max: objectPaths.length - 1 }).map((i) => objectPaths[i]);
    const tagged = (mutation: Mutation) => (changed: unknown) => ({ mutation, body: changed });
    return fc.oneof(
      { weight: 4, arbitrary: fc.constant({ mutation: 'valid' as const, body }) },
      { weight: 2, arbitrary: node.map((n) => rewrite(body, n.path, () => REMOVE)).map(tagged('drop')) },
      {
        weight: 3,
        arbitrary: fc
          .tuple(node, junkValue)
          .map(([n, v]) => rewrite(body, n.path, () => v))
          .map(tagged('wrong-type')),
      },
      {
        weight: 2,
        arbitrary: fc
          .tuple(objectPath, junkKey, junkValue)
          .map(([p, k, v]) => addKey(body, p, k, v))
          .map(tagged('unknown-field')),
      },
      {
        weight: 2,
        arbitrary: fc
          .tuple(objectPath, fc.constantFrom(...POLLUTION_KEYS), pollutionPayload)
          .map(([p, k, v]) => addKey(body, p, k, v))
          .map(tagged('pollution-key')),
      },
      {
        weight: 4,
        arbitrary: node
          .chain((n) => sameTypeVariant(n.value).map((v) => rewrite(body, n.path, () => v)))
          .map(tagged('nested-value')),
      },
    );
  });
}

/**
 * A valid body with one `key` added to one of its objects: the root, a nested object, or an
 * object in an array. `field` names it as the API's errors do (`participants.0.toString`).
 */
export function withKeyAdded(
  valid: fc.Arbitrary<Record<string, unknown>>,
  key: fc.Arbitrary<string>,
  value: fc.Arbitrary<unknown>,
): fc.Arbitrary<{ body: unknown; field: string }> {
  return valid.chain((body) => {
    const objectPaths: Path[] = [
      [],
      ...nodesOf(body)
        .filter((n) => isPlainObject(n.value))
        .map((n) => n.path),
    ];
    return fc
      .tuple(fc.constantFrom(...objectPaths), key, value)
      .map(([path, k, v]) => ({ body: addKey(body, path, k, v), field: [...path, k].join('.') }));
  });
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof RawJson);
}

/**
 * A valid body with every field whose key matches `isTarget` (e.g. the date fields), or one of
 * them, set to a value from `value`; bodies without such a field come through unchanged.
 */
export function withFieldsReplaced(
  valid: fc.Arbitrary<Record<string, unknown>>,
  isTarget: (key: string) => boolean,
  value: fc.Arbitrary<unknown>,
): fc.Arbitrary<unknown> {
  return valid.chain((body) => {
    const targets = nodesOf(body).filter((n) => {
      const key = n.path[n.path.length - 1];
      return typeof key === 'string' && isTarget(key);
    });
    if (targets.length === 0) return fc.constant<unknown>(body);
    return fc
      .tuple(
        fc.subarray(targets, { minLength: 1 }),
        fc.array(value, { minLength: targets.length, maxLength: targets.length }),
      )
      .map(([chosen, values]) =>
        chosen.reduce<unknown>((changed, n, i) => rewrite(changed, n.path, () => values[i]), body),
      );
  });
}
