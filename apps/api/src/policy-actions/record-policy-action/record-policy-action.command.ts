import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { policyActionDecider, policyActionStreamId } from '@tracker/domain/policy-action/policy-action.decider';
import { EVENT_STORE, type EventStorePort } from '@tracker/event-store/event-store.port';
import { type CommandContext, newRecordId } from '@tracker/commands/command-context';
import { type CommandResult, handleCommand } from '@tracker/commands/handle-command';
import type { RecordPolicyActionDto } from './record-policy-action.dto';

/** Record a new policy action; resolves to the new action's id and append result. */
export class RecordPolicyActionCommand extends Command<{ id: string; result: CommandResult }> {
  constructor(
    readonly input: RecordPolicyActionDto,
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** Assigns the id, copies the DTO into plain data, then load → decide → append. */
@CommandHandler(RecordPolicyActionCommand)
export class RecordPolicyActionHandler implements ICommandHandler<RecordPolicyActionCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStorePort) {}

  async execute({ input, context }: RecordPolicyActionCommand) {
    const policyActionId = newRecordId(context, 'policyAction');
    const { announcedListings, source, ...facts } = input;
    const data = {
      ...facts,
      actors: [...input.actors],
      ...(announcedListings && {
        announcedListings: { ...announcedListings, byCountry: { ...announcedListings.byCountry } },
      }),
      source: { ...source },
      policyActionId,
    };
    const result = await handleCommand(
      this.store,
      policyActionStreamId(policyActionId),
      policyActionDecider,
      { type: 'RecordPolicyAction', data, now: context.now },
      context,
      { isNew: true },
    );
    return { id: policyActionId, result };
  }
}
