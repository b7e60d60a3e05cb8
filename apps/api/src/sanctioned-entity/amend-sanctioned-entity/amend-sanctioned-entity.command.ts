import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '@tracker/commands/command-context';
import type { Written } from '@tracker/commands/handle-command';
import { writeRecord } from '@tracker/commands/write-record';
import { sanctionedEntityDecider } from '@tracker/domain/sanctioned-entity/sanctioned-entity.decider';
import { EVENT_STORE, type EventStorePort } from '@tracker/event-store/event-store.port';
import type { AmendSanctionedEntityDto } from './amend-sanctioned-entity.dto';

const SANCTIONED_ENTITY = { category: 'sanctionedEntity', decider: sanctionedEntityDecider };

/** Amend a listing's details; resolves to its id and the append result. */
export class AmendSanctionedEntityCommand extends Command<Written> {
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
    return writeRecord(
      this.store,
      context,
      SANCTIONED_ENTITY,
      entityId,
      { type: 'AmendSanctionedEntity', data },
      { ifMatch },
    );
  }
}
