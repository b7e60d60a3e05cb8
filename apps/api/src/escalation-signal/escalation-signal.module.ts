import { Module } from '@nestjs/common';
import { ListEscalationSignalsController } from './list-escalation-signals/list-escalation-signals.controller';
import { RecordEscalationSignalController } from './record-escalation-signal/record-escalation-signal.controller';
import { RecordEscalationSignalHandler } from './record-escalation-signal/record-escalation-signal.command';

/** Escalation signals (daily activity reports and the like): record, list. */
@Module({
  controllers: [RecordEscalationSignalController, ListEscalationSignalsController],
  providers: [RecordEscalationSignalHandler],
})
export class EscalationSignalModule {}
