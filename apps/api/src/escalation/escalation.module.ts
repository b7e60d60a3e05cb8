import { Module } from '@nestjs/common';
import { DefineAnchorController } from './define-anchor/define-anchor.controller';
import { DefineAnchorHandler } from './define-anchor/define-anchor.command';
import { EscalationTimelineController } from './escalation-timeline/escalation-timeline.controller';
import { EscalationTimelineHandler } from './escalation-timeline/escalation-timeline.query';
import { ListAnchorsController } from './list-anchors/list-anchors.controller';
import { ListAnchorsHandler } from './list-anchors/list-anchors.query';
import { ListEscalationSignalsController } from './list-escalation-signals/list-escalation-signals.controller';
import { ListEscalationSignalsHandler } from './list-escalation-signals/list-escalation-signals.query';
import { RecordEscalationSignalController } from './record-escalation-signal/record-escalation-signal.controller';
import { RecordEscalationSignalHandler } from './record-escalation-signal/record-escalation-signal.command';

/** Escalation signals, anchors and the escalation timeline: write and read use cases. */
@Module({
  controllers: [
    RecordEscalationSignalController,
    ListEscalationSignalsController,
    DefineAnchorController,
    ListAnchorsController,
    EscalationTimelineController,
  ],
  providers: [
    RecordEscalationSignalHandler,
    ListEscalationSignalsHandler,
    DefineAnchorHandler,
    ListAnchorsHandler,
    EscalationTimelineHandler,
  ],
})
export class EscalationModule {}
