import type { SqlParams } from './store/read-model-store';

/**
 * As-of convention for every read model: rows carry the server time at which the event that
 * produced them was recorded (ISO 8601 UTC, comparable as text), and queries take an optional
 * `@asOf` cut-off. Nothing is overwritten, so "what did we know at T" is a filter, not a replay.
 */

/** Append-only rows (timeline changes, feed items): known at `@asOf` if recorded at or before it. Use only when `asOf` is set. */
export const knownAt = (alias: string) => `${alias}.recorded_at <= @asOf`;

/**
 * Versioned rows (a record that can be corrected, amended, retracted or removed): each version
 * is valid from the recording of the event that made it until the recording of the next one.
 * Without `asOf` only the current version (`recorded_to IS NULL`) matches.
 */
export const versionAt = (alias: string, asOf: string | null | undefined) =>
  asOf
    ? `${alias}.recorded_from <= @asOf AND (${alias}.recorded_to IS NULL OR ${alias}.recorded_to > @asOf)`
    : `${alias}.recorded_to IS NULL`;

/** Normalises an `asOf` parameter to the stored form, or `null` when absent. */
export const asOfParam = (asOf: string | undefined): string | null => (asOf ? new Date(asOf).toISOString() : null);

/**
 * A WHERE condition: `always` plus each condition of `when` whose parameter in `params` is set
 * (not `null`/`undefined`), joined with AND. A filter that is not given adds no SQL, so the
 * planner sees only real predicates and can use an index for them (an `@p IS NULL OR …` for
 * every optional filter defeats it).
 */
export function whereSet(params: SqlParams, always: readonly string[], when: Readonly<Record<string, string>>): string {
  const conditions = [...always];
  for (const [param, condition] of Object.entries(when)) if (params[param] != null) conditions.push(condition);
  return conditions.length > 0 ? conditions.map((c) => `(${c})`).join(' AND ') : 'TRUE';
}
