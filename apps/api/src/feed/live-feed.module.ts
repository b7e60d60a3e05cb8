import { Module } from '@nestjs/common';
import { LiveFeedController } from './live-feed.controller';
import { LiveFeed, LiveFeedOptions } from './live-feed';

/** `GET /v1/feed/live`: the developments feed as Server-Sent Events. */
@Module({
  controllers: [LiveFeedController],
  providers: [LiveFeedOptions, LiveFeed],
})
export class LiveFeedModule {}
