import { Module } from '@nestjs/common';
import { DashboardController } from './dashboard.controller';

/** The dashboard page at `/` and its assets; the live feed it follows is `FeedModule`'s. */
@Module({
  controllers: [DashboardController],
})
export class DashboardModule {}
