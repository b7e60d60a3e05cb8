import { Module } from '@nestjs/common';
import { ListFeedController } from './list-feed.controller';
import { LiveFeedController } from './live-feed.controller';
import { LiveFeed, LiveFeedOptions } from './live-feed';

/** The developments feed: `GET /v1/feed`, and `GET /v1/feed/live` as Server-Sent Events. */
@Module({
  controllers: [ListFeedController, LiveFeedController],
  providers: [LiveFeedOptions, LiveFeed],
})
export class FeedModule {}
