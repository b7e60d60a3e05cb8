import type { JsonRecord, Upcaster } from './upcaster-registry';

/** Publisher given to v1 records whose source had only a citation. */
export const UNKNOWN_PUBLISHER = 'unknown (recorded before publisher was required)';

/**
 * v1 → v2 of `StatementRecorded` and `SanctionedEntityAdded`: `source.publisher` became required
 * (commit "required publisher"), so older records may name only a URL or a citation. Fills a
 * missing or blank publisher from the URL's hostname (e.g. `www.fmprc.gov.cn`), else
 * `UNKNOWN_PUBLISHER`, so readers never have to handle the old optional shape.
 */
export const fillMissingPublisher: Upcaster = (data) => {
  const source = data.source;
  if (!isRecord(source)) return data;
  if (typeof source.publisher === 'string' && source.publisher.trim() !== '') return data;
  return { ...data, source: { ...source, publisher: publisherFrom(source.url) } };
};

function publisherFrom(url: unknown): string {
  if (typeof url !== 'string') return UNKNOWN_PUBLISHER;
  try {
    return new URL(url).hostname || UNKNOWN_PUBLISHER;
  } catch {
    return UNKNOWN_PUBLISHER;
  }
}

function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
