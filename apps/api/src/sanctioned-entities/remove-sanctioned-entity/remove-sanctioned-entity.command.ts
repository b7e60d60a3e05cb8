import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { sanctionedEntityDecider } from '@tracker/domain/sanctioned-entity/sanctioned-entity.decider';
import { sanctionedEntityStreamId } from '@tracker/domain/sanctioned-entity/sanctioned-entity-id';
import { EVENT_STORE, type EventStorePort } from '@tracker/event-store/event-store.port';
import type { CommandContext } from '@tracker/commands/command-context';
import { type CommandResult, handleCommand } from '@tracker/commands/handle-command';
import type { RemoveSanctionedEntityDto } from './remove-sanctioned-entity.dto';

/** Delist an entity from a date; resolves to the append result. */
export class RemoveSanctionedEntityCommand extends Command<CommandResult> {
  constructor(
    readonly entityId: string,
    readonly input: RemoveSanctionedEntityDto,
    readonly context: CommandContext,
    readonly ifMatch?: bigint,
  ) {
    super();
  }
}

/** Load → decide (must be listed, removal not before listing) → append. */
@CommandHandler(RemoveSanctionedEntityCommand)
export class RemoveSanctionedEntityHandler implements ICommandHandler<RemoveSanctionedEntityCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStorePort) {}

  execute({ entityId, input, context, ifMatch }: RemoveSanctionedEntityCommand) {
    return handleCommand(
      this.store,
      sanctionedEntityStreamId(entityId),
      sanctionedEntityDecider,
      { type: 'RemoveSanctionedEntity', data: { ...input, source: { ...input.source }, entityId }, now: context.now },
      context,
      { ifMatch },
    );
  }
}
