import { Controller, Get, NotFoundException, Param, Query as QueryParams } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { InvalidInputError } from '../../http/problem-details';
import { StreamIdPipe } from '../stream-id';
import { decodeAuditCursor } from '@tracker/commands/audit-trail-item';
import { AuditTrailQueryDto } from './get-audit-trail.dto';
import { GetAuditTrailQuery } from './get-audit-trail.query';
import type { AuditTrailPageResponse } from './get-audit-trail.response';
import { ApiProblems } from '../../openapi/api-problems';

/** `GET /v1/audit/streams/:streamId`. */
@ApiTags('audit')
@Controller('v1/audit/streams/:streamId')
export class GetAuditTrailController {
  constructor(private readonly queries: QueryBus) {}

  /** Every event of a record with its metadata, oldest first; `404` if the stream is unknown (as of `asOf`). */
  @ApiProblems({ 404: 'No stream has this id (or it held no event yet at `asOf`).' })
  @Get()
  async get(
    @Param('streamId', StreamIdPipe) streamId: string,
    @QueryParams() query: AuditTrailQueryDto,
  ): Promise<AuditTrailPageResponse> {
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
