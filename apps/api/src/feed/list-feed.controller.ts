import { Controller, Get, Query as QueryParams } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { listFeed } from '@tracker/read-models/feed/list-feed.sql';
import { ReadModelQuery } from '../read-model/read-model.query';
import { ListFeedDto } from './list-feed.dto';
import type { FeedPageResponse } from './feed-item.response';

/** `GET /v1/feed`. */
@ApiTags('feed')
@Controller('v1/feed')
export class ListFeedController {
  constructor(private readonly queries: QueryBus) {}

  /** Newest developments first: records and their corrections, as they were recorded. */
  @Get()
  list(@QueryParams() query: ListFeedDto): Promise<FeedPageResponse> {
    return this.queries.execute(new ReadModelQuery('feed', (db, t) => listFeed(db, t, query)));
  }
}
