import { Module } from '@nestjs/common';
import { LiveFeedModule } from '../feed/live-feed.module';
import { DashboardController } from './dashboard.controller';

/** The dashboard page at `/` and the live feed it follows. */
@Module({
  imports: [LiveFeedModule],
  controllers: [DashboardController],
})
export class DashboardModule {}
