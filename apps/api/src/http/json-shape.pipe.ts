import type { ArgumentMetadata, PipeTransform } from '@nestjs/common';
import { InvalidInputError } from './problem-details';

/** Deeper bodies are refused before class-transformer, whose recursion would overflow the stack. */
const MAX_DEPTH = 32;
/** Keys that name `Object.prototype` machinery: never data, and would slip past the unknown-field check. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/** Enough to name what is wrong; a body with thousands of offending fields gets the first ones. */
const MAX_ERRORS = 20;

/**
 * Shape checks every body and query gets before validation: no `null` anywhere (no field
 * of ours takes it, and an optional field set to `null` would otherwise reach the domain),
 * no prototype keys, no nesting deeper than 32 levels. Offenders are a 400 naming the field.
 */
export class JsonShapePipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type !== 'body' && metadata.type !== 'query') return value;
    assertJsonShape(value, metadata.type);
    return value;
  }
}

/**
 * Throws the 400 `JsonShapePipe` gives. Whatever walks a body before the pipes run (the
 * idempotency fingerprint) calls it first, so a 100,000-deep body is refused the same way
 * with or without an `Idempotency-Key`, and nothing unbounded walks it.
 */
export function assertJsonShape(value: unknown, kind: 'body' | 'query'): void {
  const errors = jsonShapeErrors(value, kind);
  if (errors.length > 0) throw new InvalidInputError(errors);
}

/** The offending fields of `value`, at most 20; the walk never goes below depth 33, so its recursion is bounded. */
function jsonShapeErrors(value: unknown, kind: 'body' | 'query'): { field: string; messages: string[] }[] {
  const errors: { field: string; messages: string[] }[] = [];
  const visit = (node: unknown, path: string, depth: number): void => {
    if (errors.length >= MAX_ERRORS) return;
    if (node === null && kind === 'body') {
      errors.push({
        field: path || 'body',
        messages: [`${path || 'body'} must not be null; omit the field instead`],
      });
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    if (depth > MAX_DEPTH) {
      errors.push({ field: path || 'body', messages: [`nests deeper than ${MAX_DEPTH} levels`] });
      return;
    }
    for (const key of Object.keys(node)) {
      const field = path ? `${path}.${key}` : key;
      if (FORBIDDEN_KEYS.has(key)) errors.push({ field, messages: [`property ${key} is not allowed`] });
      else visit((node as Record<string, unknown>)[key], field, depth + 1);
    }
  };
  visit(value, '', 0);
  return errors;
}
