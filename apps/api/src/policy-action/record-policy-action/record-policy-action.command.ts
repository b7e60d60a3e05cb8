import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '@tracker/commands/command-context';
import type { Written } from '@tracker/commands/handle-command';
import { createRecord } from '@tracker/commands/write-record';
import { policyActionDecider } from '@tracker/domain/policy-action/policy-action.decider';
import { EVENT_STORE, type EventStorePort } from '@tracker/event-store/event-store.port';
import type { RecordPolicyActionDto } from './record-policy-action.dto';

const POLICY_ACTION = { category: 'policyAction', decider: policyActionDecider };

/** Record a new policy action; resolves to the new action's id and append result. */
export class RecordPolicyActionCommand extends Command<Written> {
  constructor(
    readonly input: RecordPolicyActionDto,
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** Copies the DTO into plain data under a new id. */
@CommandHandler(RecordPolicyActionCommand)
export class RecordPolicyActionHandler implements ICommandHandler<RecordPolicyActionCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStorePort) {}

  execute({ input, context }: RecordPolicyActionCommand) {
    const { announcedListings, source, ...facts } = input;
    return createRecord(this.store, context, POLICY_ACTION, (policyActionId) => ({
      type: 'RecordPolicyAction',
      data: {
        ...facts,
        actors: [...input.actors],
        ...(announcedListings && {
          announcedListings: { ...announcedListings, byCountry: { ...announcedListings.byCountry } },
        }),
        source: { ...source },
        policyActionId,
      },
    }));
  }
}
