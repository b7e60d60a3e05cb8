import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '@tracker/commands/command-context';
import type { Written } from '@tracker/commands/handle-command';
import { writeRecord } from '@tracker/commands/write-record';
import { sanctionedEntityDecider } from '@tracker/domain/sanctioned-entity/sanctioned-entity.decider';
import { sanctionedEntityId } from '@tracker/domain/sanctioned-entity/sanctioned-entity-id';
import { EVENT_STORE, type EventStorePort } from '@tracker/event-store/event-store.port';
import type { AddSanctionedEntityDto } from './add-sanctioned-entity.dto';

const SANCTIONED_ENTITY = { category: 'sanctionedEntity', decider: sanctionedEntityDecider };

/** Put an entity on a list; resolves to the entity's id and append result. */
export class AddSanctionedEntityCommand extends Command<Written> {
  constructor(
    readonly input: AddSanctionedEntityDto,
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** The id is derived from the listing, so a duplicate, even a racing one, meets an existing stream. */
@CommandHandler(AddSanctionedEntityCommand)
export class AddSanctionedEntityHandler implements ICommandHandler<AddSanctionedEntityCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStorePort) {}

  execute({ input, context }: AddSanctionedEntityCommand) {
    const entityId = sanctionedEntityId(input);
    const data = {
      ...input,
      aliases: input.aliases ?? [],
      programs: input.programs ?? [],
      addresses: input.addresses ?? [],
      country: input.country.toUpperCase(),
      source: { ...input.source },
      entityId,
    };
    return writeRecord(this.store, context, SANCTIONED_ENTITY, entityId, { type: 'AddSanctionedEntity', data });
  }
}
