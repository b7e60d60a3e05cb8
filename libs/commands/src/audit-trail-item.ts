import { schemaVersionOf } from '@tracker/domain/upcasting/upcaster-registry';
import type { JsonObject, RecordedEvent } from '@tracker/event-store/event-store.port';
import { formatPosition } from '@tracker/event-store/position';

/**
 * One stored event as the audit trail shows it: the stored data and metadata, unchanged, plus
 * handy fields read from the metadata `handleCommand` writes (`EventMetadata`) and the record
 * kinds' date fields.
 */
export interface AuditTrailItem {
  eventId: string;
  type: string;
  revision: number;
  position: string;
  /** When the store committed the event. */
  recordedAt: string;
  /** When the fact happened in the world, if the event says. */
  occurredAt: string | null;
  actor: string | null;
  correlationId: string | null;
  causationId: string | null;
  /** Schema version the data was written in (before any upcasting). */
  schemaVersion: number;
  source: JsonObject | null;
  hash: string | null;
  data: JsonObject;
  metadata: JsonObject;
}

/** Data fields that say when the fact happened, by record kind, most specific first. */
const OCCURRED_AT_FIELDS = ['occurredAt', 'effectiveFrom', 'effectiveOn', 'observedTo', 'date', 'startsOn'] as const;

/** Shapes a stored event; `data` and `metadata` are passed through as stored, never upcast. */
export function toAuditTrailItem(event: RecordedEvent): AuditTrailItem {
  const { data, metadata } = event;
  const occurredAt = OCCURRED_AT_FIELDS.map((field) => data[field]).find((value) => typeof value === 'string');
  const source = data.source;
  return {
    eventId: event.eventId,
    type: event.type,
    revision: Number(event.revision),
    position: formatPosition(event.position),
    recordedAt: event.recordedAt.toISOString(),
    occurredAt: (occurredAt as string | undefined) ?? null,
    actor: stringOrNull(metadata.actor),
    correlationId: stringOrNull(metadata.correlationId),
    causationId: stringOrNull(metadata.causationId),
    schemaVersion: schemaVersionOf(metadata),
    source: typeof source === 'object' && source !== null && !Array.isArray(source) ? (source as JsonObject) : null,
    hash: stringOrNull(metadata.hash),
    data,
    metadata,
  };
}

/** Opaque page cursor: the stream and the next revision, so a cursor cannot be replayed on another stream. */
export function encodeAuditCursor(streamId: string, nextRevision: bigint): string {
  return Buffer.from(`${streamId}@${nextRevision}`, 'utf8').toString('base64url');
}

/** Inverse of `encodeAuditCursor` for `streamId`; `undefined` for anything else. */
export function decodeAuditCursor(streamId: string, cursor: string): bigint | undefined {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const match = /^(.+)@(\d{1,18})$/.exec(text);
  return match && match[1] === streamId ? BigInt(match[2]) : undefined;
}

function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}
