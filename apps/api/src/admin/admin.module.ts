import { Module } from '@nestjs/common';
import { ParkedEventsController } from './parked-events/parked-events.controller';
import { ProjectionsAdminController } from './projections-admin.controller';

/** Operating the projections: status, rebuilds, parked events. */
@Module({
  controllers: [ProjectionsAdminController, ParkedEventsController],
})
export class AdminModule {}
