import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '@tracker/commands/command-context';
import type { Written } from '@tracker/commands/handle-command';
import { writeRecord } from '@tracker/commands/write-record';
import { policyActionDecider } from '@tracker/domain/policy-action/policy-action.decider';
import { EVENT_STORE, type EventStorePort } from '@tracker/event-store/event-store.port';
import type { AdvancePolicyActionDto } from './advance-policy-action.dto';

const POLICY_ACTION = { category: 'policyAction', decider: policyActionDecider };

/** Move a policy action to its next stage; resolves to its id and the append result. */
export class AdvancePolicyActionCommand extends Command<Written> {
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
    return writeRecord(
      this.store,
      context,
      POLICY_ACTION,
      policyActionId,
      { type: 'AdvancePolicyAction', data },
      { ifMatch },
    );
  }
}
