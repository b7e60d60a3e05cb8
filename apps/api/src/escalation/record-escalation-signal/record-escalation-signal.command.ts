import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  escalationSignalDecider,
  escalationSignalStreamId,
} from '@tracker/domain/escalation-signal/escalation-signal.decider';
import { EVENT_STORE, type EventStorePort } from '@tracker/event-store/event-store.port';
import { type CommandContext, newRecordId } from '@tracker/commands/command-context';
import { type CommandResult, handleCommand } from '@tracker/commands/handle-command';
import type { RecordEscalationSignalDto } from './record-escalation-signal.dto';

/** Record a new escalation signal; resolves to the signal's id and append result. */
export class RecordEscalationSignalCommand extends Command<{ id: string; result: CommandResult }> {
  constructor(
    readonly input: RecordEscalationSignalDto,
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** Assigns the id, then load → decide → append; the decider adds the Goldstein weight. */
@CommandHandler(RecordEscalationSignalCommand)
export class RecordEscalationSignalHandler implements ICommandHandler<RecordEscalationSignalCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStorePort) {}

  async execute({ input, context }: RecordEscalationSignalCommand) {
    const signalId = newRecordId(context, 'escalationSignal');
    const data = { ...input, metrics: { ...input.metrics }, source: { ...input.source }, signalId };
    const result = await handleCommand(
      this.store,
      escalationSignalStreamId(signalId),
      escalationSignalDecider,
      { type: 'RecordEscalationSignal', data, now: context.now },
      context,
      { isNew: true },
    );
    return { id: signalId, result };
  }
}
