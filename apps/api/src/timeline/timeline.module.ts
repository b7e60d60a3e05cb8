import { Module } from '@nestjs/common';
import { EscalationTimelineController } from './escalation-timeline/escalation-timeline.controller';
import { EscalationTimelineHandler } from './escalation-timeline/escalation-timeline.query';
import { ExportControlsTimelineController } from './export-controls-timeline/export-controls-timeline.controller';
import { ExportControlsTimelineHandler } from './export-controls-timeline/export-controls-timeline.query';

/** Timelines: export-control listings per day, and escalation per day around an anchor. */
@Module({
  controllers: [ExportControlsTimelineController, EscalationTimelineController],
  providers: [ExportControlsTimelineHandler, EscalationTimelineHandler],
})
export class TimelineModule {}
