/**
 * As-of convention for every read model: rows carry the server time at which the event that
 * produced them was recorded (ISO 8601 UTC, comparable as text), and queries take an optional
 * `@asOf` cut-off. Nothing is overwritten, so "what did we know at T" is a filter, not a replay.
 * (`CAST(@asOf AS TEXT)` lets PostgreSQL type a parameter that may be NULL.)
 */

/** Append-only rows (timeline changes, feed items): known at T if recorded at or before T. */
export const knownAt = (alias: string) => `(CAST(@asOf AS TEXT) IS NULL OR ${alias}.recorded_at <= @asOf)`;

/**
 * Versioned rows (a record that can be corrected, amended, retracted or removed): each version
 * is valid from the recording of the event that made it until the recording of the next one.
 * Without `@asOf` only the current version (`recorded_to IS NULL`) matches.
 */
export const versionAt = (alias: string) =>
  `((CAST(@asOf AS TEXT) IS NULL AND ${alias}.recorded_to IS NULL) OR (CAST(@asOf AS TEXT) IS NOT NULL AND ${alias}.recorded_from <= @asOf AND (${alias}.recorded_to IS NULL OR ${alias}.recorded_to > @asOf)))`;

/** Normalises an `asOf` parameter to the stored form, or `null` when absent. */
export const asOfParam = (asOf: string | undefined): string | null => (asOf ? new Date(asOf).toISOString() : null);
