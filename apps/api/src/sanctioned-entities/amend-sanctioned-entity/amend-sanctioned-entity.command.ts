import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { sanctionedEntityDecider } from '@tracker/domain/sanctioned-entity/sanctioned-entity.decider';
import { sanctionedEntityStreamId } from '@tracker/domain/sanctioned-entity/sanctioned-entity-id';
import { EVENT_STORE, type EventStorePort } from '@tracker/event-store/event-store.port';
import type { CommandContext } from '@tracker/commands/command-context';
import { type CommandResult, handleCommand } from '@tracker/commands/handle-command';
import type { AmendSanctionedEntityDto } from './amend-sanctioned-entity.dto';

/** Amend a listing's details; resolves to the append result. */
export class AmendSanctionedEntityCommand extends Command<CommandResult> {
  constructor(
    readonly entityId: string,
    readonly input: AmendSanctionedEntityDto,
    readonly context: CommandContext,
    readonly ifMatch?: bigint,
  ) {
    super();
  }
}

/** Load → decide (must be listed) → append. */
@CommandHandler(AmendSanctionedEntityCommand)
export class AmendSanctionedEntityHandler implements ICommandHandler<AmendSanctionedEntityCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStorePort) {}

  execute({ entityId, input, context, ifMatch }: AmendSanctionedEntityCommand) {
    const data = { entityId, changes: { ...input.changes }, note: input.note, source: { ...input.source } };
    return handleCommand(
      this.store,
      sanctionedEntityStreamId(entityId),
      sanctionedEntityDecider,
      { type: 'AmendSanctionedEntity', data, now: context.now },
      context,
      { ifMatch },
    );
  }
}
