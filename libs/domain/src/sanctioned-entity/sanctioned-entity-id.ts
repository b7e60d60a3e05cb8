import { createHash } from 'node:crypto';

/** Folds case, width, punctuation and spacing so "ACME Co., Ltd." and "Acme Co Ltd" are one entity. */
export function normalizeEntityName(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** What identifies a listing: the list plus the source's own id, or else country and normalised name. */
export interface ListingKey {
  list: string;
  country: string;
  name: string;
  sourceId?: string;
}

/**
 * Deterministic entity id (UUID-shaped, from SHA-256), so that recording the same listing
 * twice lands on the same stream and `expectedRevision: 'no_stream'` catches the duplicate
 * even when the two requests race.
 */
export function sanctionedEntityId(key: ListingKey): string {
  const basis = key.sourceId
    ? `${key.list}|source|${key.sourceId.trim()}`
    : `${key.list}|${key.country.toUpperCase()}|${normalizeEntityName(key.name)}`;
  const hex = createHash('sha256').update(basis).digest('hex');
  return [hex.slice(0, 8), hex.slice(8, 12), hex.slice(12, 16), hex.slice(16, 20), hex.slice(20, 32)].join('-');
}

/** Stream of one listed entity. */
export const sanctionedEntityStreamId = (entityId: string) => `sanctionedEntity-${entityId}`;
