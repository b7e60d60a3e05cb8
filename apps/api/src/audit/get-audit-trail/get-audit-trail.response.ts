import type { AuditTrailItem } from '@tracker/commands/audit-trail-item';
import { ApiProperty } from '@nestjs/swagger';
import type { AuditTrailPage } from './get-audit-trail.query';

const JSON_OBJECT = { type: 'object', additionalProperties: true } as const;

/** One stored event, exactly as stored (never upcast), with what the audit needs of its metadata. */
export class AuditTrailItemResponse implements AuditTrailItem {
  /** @example "4f6a1c9e-8b2d-4e7f-a3c5-1d9e0b7f2a68" */
  eventId!: string;
  /** @example "StatementRecorded" */
  type!: string;
  /** Stream revision, from 0. */
  revision!: number;
  /** Position in the global log. */
  position!: string;
  /** When the store committed the event. */
  recordedAt!: string;
  /** When the fact happened in the world, if the event says. */
  occurredAt!: string | null;
  /**
   * Who recorded it: the API key's name.
   * @example "analyst-alice"
   */
  actor!: string | null;
  /** The request's `X-Correlation-Id`. */
  correlationId!: string | null;
  causationId!: string | null;
  /** Schema version the data was written in (before any upcasting). */
  schemaVersion!: number;
  /** The record's source, as stored. */
  @ApiProperty({ ...JSON_OBJECT, nullable: true })
  source!: AuditTrailItem['source'];
  /** The event's link in its stream's tamper-evidence chain. */
  hash!: string | null;
  /** The event's data, as stored. */
  @ApiProperty(JSON_OBJECT)
  data!: AuditTrailItem['data'];
  /** The event's metadata, as stored. */
  @ApiProperty(JSON_OBJECT)
  metadata!: AuditTrailItem['metadata'];
}

/** A page of one stream's stored events, oldest first. */
export class AuditTrailPageResponse implements AuditTrailPage {
  /** @example "statement-0b8f3c2e-5a7d-4e61-9c1f-2d4a6b8e0f13" */
  streamId!: string;
  items!: AuditTrailItemResponse[];
  /** Pass as `cursor` for the next page; absent on the last one. */
  nextCursor?: string;
}
