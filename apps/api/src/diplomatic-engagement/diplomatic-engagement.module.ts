import { Module } from '@nestjs/common';
import { ListDiplomaticEngagementsController } from './list-diplomatic-engagements/list-diplomatic-engagements.controller';
import { RecordDiplomaticEngagementHandler } from './record-diplomatic-engagement/record-diplomatic-engagement.command';
import { RecordDiplomaticEngagementController } from './record-diplomatic-engagement/record-diplomatic-engagement.controller';

/** Diplomatic engagements (visits, calls, meetings): record, list. */
@Module({
  controllers: [RecordDiplomaticEngagementController, ListDiplomaticEngagementsController],
  providers: [RecordDiplomaticEngagementHandler],
})
export class DiplomaticEngagementModule {}
