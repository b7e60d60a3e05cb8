import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { policyActionDecider, policyActionStreamId } from '@tracker/domain/policy-action/policy-action.decider';
import { EVENT_STORE, type EventStorePort } from '@tracker/event-store/event-store.port';
import type { CommandContext } from '@tracker/commands/command-context';
import { type CommandResult, handleCommand } from '@tracker/commands/handle-command';
import type { AdvancePolicyActionDto } from './advance-policy-action.dto';

/** Move a policy action to its next stage; resolves to the append result. */
export class AdvancePolicyActionCommand extends Command<CommandResult> {
  constructor(
    readonly policyActionId: string,
    readonly input: AdvancePolicyActionDto,
    readonly context: CommandContext,
    /** Revision from `If-Match`; any other current revision is a `412`. */
    readonly ifMatch?: bigint,
  ) {
    super();
  }
}

/** Load → decide (must exist, stage must follow the lifecycle) → append. */
@CommandHandler(AdvancePolicyActionCommand)
export class AdvancePolicyActionHandler implements ICommandHandler<AdvancePolicyActionCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStorePort) {}

  execute({ policyActionId, input, context, ifMatch }: AdvancePolicyActionCommand) {
    const data = { ...input, source: { ...input.source }, policyActionId };
    return handleCommand(
      this.store,
      policyActionStreamId(policyActionId),
      policyActionDecider,
      { type: 'AdvancePolicyAction', data, now: context.now },
      context,
      { ifMatch },
    );
  }
}
