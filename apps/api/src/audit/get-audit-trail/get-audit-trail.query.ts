import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { StreamNotFoundError } from '@tracker/event-store/event-store.errors';
import { EVENT_STORE, type EventStorePort } from '@tracker/event-store/event-store.port';
import { type AuditTrailItem, encodeAuditCursor, toAuditTrailItem } from '@tracker/commands/audit-trail-item';

/** One page of a stream's stored events. */
export interface AuditTrailPage {
  streamId: string;
  items: AuditTrailItem[];
  nextCursor?: string;
}

/** Stored events of one stream from `fromRevision`, recorded at or before `asOf`; `undefined` for no such stream. */
export class GetAuditTrailQuery extends Query<AuditTrailPage | undefined> {
  constructor(
    readonly streamId: string,
    readonly fromRevision: bigint,
    readonly limit: number,
    readonly asOf?: string,
  ) {
    super();
  }
}

/** Reads the event log directly: the audit trail must show what is stored, not what a projection made of it. */
@QueryHandler(GetAuditTrailQuery)
export class GetAuditTrailHandler implements IQueryHandler<GetAuditTrailQuery> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStorePort) {}

  async execute({ streamId, fromRevision, limit, asOf }: GetAuditTrailQuery): Promise<AuditTrailPage | undefined> {
    const cutOff = asOf === undefined ? Number.POSITIVE_INFINITY : Date.parse(asOf);
    const items: AuditTrailItem[] = [];
    let nextCursor: string | undefined;
    try {
      for await (const event of this.store.readStream(streamId, { fromRevision })) {
        // Store clocks can step back a little between appends, so later events are filtered, not cut off.
        if (event.recordedAt.getTime() > cutOff) continue;
        if (items.length === limit) {
          nextCursor = encodeAuditCursor(streamId, event.revision);
          break;
        }
        items.push(toAuditTrailItem(event));
      }
    } catch (error) {
      if (error instanceof StreamNotFoundError) return undefined;
      throw error;
    }
    return { streamId, items, ...(nextCursor ? { nextCursor } : {}) };
  }
}
