import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '@tracker/commands/command-context';
import type { Written } from '@tracker/commands/handle-command';
import { writeRecord } from '@tracker/commands/write-record';
import { sanctionedEntityDecider } from '@tracker/domain/sanctioned-entity/sanctioned-entity.decider';
import { EVENT_STORE, type EventStorePort } from '@tracker/event-store/event-store.port';
import type { RemoveSanctionedEntityDto } from './remove-sanctioned-entity.dto';

const SANCTIONED_ENTITY = { category: 'sanctionedEntity', decider: sanctionedEntityDecider };

/** Delist an entity from a date; resolves to its id and the append result. */
export class RemoveSanctionedEntityCommand extends Command<Written> {
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
    const data = { ...input, source: { ...input.source }, entityId };
    return writeRecord(
      this.store,
      context,
      SANCTIONED_ENTITY,
      entityId,
      { type: 'RemoveSanctionedEntity', data },
      { ifMatch },
    );
  }
}
