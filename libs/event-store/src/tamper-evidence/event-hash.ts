import { hash } from 'node:crypto';
import type { JsonObject } from '../event-store.port';
import { canonicalJson } from './canonical-json';

/** The "previous hash" of a stream's first event: 64 zeros. */
export const GENESIS_HASH = '0'.repeat(64);

/** The parts of an event the chain covers. */
export interface HashableEvent {
  readonly type: string;
  readonly data: JsonObject;
  readonly metadata: JsonObject;
}

/**
 * `hex(SHA-256(previousHash + canonicalJson({ type, data, metadata })))` where `metadata` is the
 * event's metadata without its own `hash`. Chaining on the previous hash makes any edit, removal
 * or reordering of an earlier event in the stream change every later hash.
 */
export function eventHash(previousHash: string, event: HashableEvent): string {
  const { hash: _ignored, ...metadata } = event.metadata;
  const body = canonicalJson({ type: event.type, data: event.data, metadata });
  // One-shot: the same digest as update(previousHash).update(body), without a Hash object per event.
  return hash('sha256', previousHash + body, 'hex');
}

/** The hash a stored event carries, or `null` for events written before hashing existed. */
export function storedHash(event: Pick<HashableEvent, 'metadata'>): string | null {
  const { hash } = event.metadata;
  return typeof hash === 'string' ? hash : null;
}

/** Stamps `metadata.hash` on events about to be appended, each chaining from the one before. */
export function chainEvents<E extends HashableEvent>(
  previousHash: string,
  events: readonly E[],
): (E & { readonly metadata: { readonly hash: string } })[] {
  let previous = previousHash;
  return events.map((event) => {
    previous = eventHash(previous, event);
    return { ...event, metadata: { ...event.metadata, hash: previous } };
  });
}
