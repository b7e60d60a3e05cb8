import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '@tracker/commands/command-context';
import type { Written } from '@tracker/commands/handle-command';
import { createRecord } from '@tracker/commands/write-record';
import { escalationSignalDecider } from '@tracker/domain/escalation-signal/escalation-signal.decider';
import { EVENT_STORE, type EventStorePort } from '@tracker/event-store/event-store.port';
import type { RecordEscalationSignalDto } from './record-escalation-signal.dto';

const ESCALATION_SIGNAL = { category: 'escalationSignal', decider: escalationSignalDecider };

/** Record a new escalation signal; resolves to the signal's id and append result. */
export class RecordEscalationSignalCommand extends Command<Written> {
  constructor(
    readonly input: RecordEscalationSignalDto,
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** Copies the DTO into plain data under a new id; the decider adds the Goldstein weight. */
@CommandHandler(RecordEscalationSignalCommand)
export class RecordEscalationSignalHandler implements ICommandHandler<RecordEscalationSignalCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStorePort) {}

  execute({ input, context }: RecordEscalationSignalCommand) {
    return createRecord(this.store, context, ESCALATION_SIGNAL, (signalId) => ({
      type: 'RecordEscalationSignal',
      data: { ...input, metrics: { ...input.metrics }, source: { ...input.source }, signalId },
    }));
  }
}
