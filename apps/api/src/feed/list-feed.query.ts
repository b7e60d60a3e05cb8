import { Controller, Get, Query as QueryParams } from '@nestjs/common';
import { IQueryHandler, Query, QueryBus, QueryHandler } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { FeedItem } from '@tracker/read-models/feed/feed.projection';
import { type FeedFilter, listFeed } from '@tracker/read-models/feed/list-feed.sql';
import type { Page } from '@tracker/read-models/pagination';
import { ReadModels } from '@tracker/read-models/read-models';
import { IsIn, IsOptional } from 'class-validator';
import { PageQueryDto } from '../http/page-query.dto';

const FEED_KINDS = [
  'statement',
  'sanctioned-entity',
  'policy-action',
  'escalation-signal',
  'diplomatic-engagement',
  'anchor',
] as const;

/** Query string of `GET /v1/feed`. */
export class ListFeedDto extends PageQueryDto {
  /** Only developments of this kind. */
  @IsOptional() @IsIn(FEED_KINDS) kind?: FeedItem['kind'];
}

/** The newest developments across every record kind. */
export class ListFeedQuery extends Query<Page<FeedItem>> {
  constructor(readonly filter: FeedFilter) {
    super();
  }
}

/** Reads the feed read model. */
@QueryHandler(ListFeedQuery)
export class ListFeedHandler implements IQueryHandler<ListFeedQuery> {
  constructor(private readonly readModels: ReadModels) {}

  async execute({ filter }: ListFeedQuery) {
    return listFeed(this.readModels.db, await this.readModels.tables('feed'), filter);
  }
}

/** `GET /v1/feed`. */
@ApiTags('feed')
@Controller('v1/feed')
export class ListFeedController {
  constructor(private readonly queries: QueryBus) {}

  /** Newest developments first: records and their corrections, as they were recorded. */
  @Get()
  list(@QueryParams() query: ListFeedDto) {
    return this.queries.execute(new ListFeedQuery(query));
  }
}
