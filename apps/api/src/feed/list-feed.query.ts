import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { FeedItem } from '@tracker/read-models/feed/feed.projection';
import { type FeedFilter, listFeed } from '@tracker/read-models/feed/list-feed.sql';
import type { Page } from '@tracker/read-models/pagination';
import { ReadModels } from '@tracker/read-models/read-models';

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
