import { Controller, Get, Inject, NotFoundException, Param, Query as QueryParams } from '@nestjs/common';
import { IQueryHandler, Query, QueryBus, QueryHandler } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { StreamNotFoundError } from '@tracker/event-store/event-store.errors';
import { EVENT_STORE, type EventStorePort } from '@tracker/event-store/event-store.port';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { AsOfQueryDto } from '../../http/as-of-query.dto';
import { InvalidInputError } from '../../http/problem-details';
import { StreamIdPipe } from '../stream-id';
import {
  type AuditTrailItem,
  decodeAuditCursor,
  encodeAuditCursor,
  toAuditTrailItem,
} from '@tracker/commands/audit-trail-item';

/** Paging for the audit trail: larger pages than lists, since auditors read whole records. */
export class AuditTrailQueryDto extends AsOfQueryDto {
  /** Events per page, 1 to 500. */
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500) limit = 100;
  /** `nextCursor` of the previous page of the same stream. */
  @IsOptional() @IsString() @MaxLength(1000) cursor?: string;
}

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

/** `GET /v1/audit/streams/:streamId`. */
@ApiTags('audit')
@Controller('v1/audit/streams/:streamId')
export class GetAuditTrailController {
  constructor(private readonly queries: QueryBus) {}

  /** Every event of a record with its metadata, oldest first; `404` if the stream is unknown (as of `asOf`). */
  @Get()
  async get(
    @Param('streamId', StreamIdPipe) streamId: string,
    @QueryParams() query: AuditTrailQueryDto,
  ): Promise<AuditTrailPage> {
    const fromRevision = query.cursor === undefined ? 0n : decodeAuditCursor(streamId, query.cursor);
    if (fromRevision === undefined) {
      throw new InvalidInputError([{ field: 'cursor', messages: ['cursor must be a nextCursor of this stream'] }]);
    }
    const page = await this.queries.execute(new GetAuditTrailQuery(streamId, fromRevision, query.limit, query.asOf));
    if (!page || (query.cursor === undefined && page.items.length === 0)) {
      throw new NotFoundException(`No stream ${streamId}${query.asOf ? ` as of ${query.asOf}` : ''}`);
    }
    return page;
  }
}
