import { Controller, Get, Query as QueryParams } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { PageQueryDto } from '../../http/page-query.dto';
import { listAnchors } from '@tracker/read-models/anchor/list-anchors.sql';
import { ReadModelQuery } from '../../read-model/read-model.query';
import type { AnchorPageResponse } from './list-anchors.response';

/** `GET /v1/anchors`. */
@ApiTags('escalation')
@Controller('v1/anchors')
export class ListAnchorsController {
  constructor(private readonly queries: QueryBus) {}

  /** Key dates, latest first. */
  @Get()
  list(@QueryParams() query: PageQueryDto): Promise<AnchorPageResponse> {
    return this.queries.execute(new ReadModelQuery('anchors', (db, t) => listAnchors(db, t, query)));
  }
}
