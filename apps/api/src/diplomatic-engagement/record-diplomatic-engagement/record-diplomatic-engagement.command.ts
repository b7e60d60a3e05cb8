import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '@tracker/commands/command-context';
import type { Written } from '@tracker/commands/handle-command';
import { createRecord } from '@tracker/commands/write-record';
import { diplomaticEngagementDecider } from '@tracker/domain/diplomatic-engagement/diplomatic-engagement.decider';
import { EVENT_STORE, type EventStorePort } from '@tracker/event-store/event-store.port';
import type { RecordDiplomaticEngagementDto } from './record-diplomatic-engagement.dto';

const DIPLOMATIC_ENGAGEMENT = { category: 'diplomaticEngagement', decider: diplomaticEngagementDecider };

/** Record a visit, call or meeting; resolves to the new engagement's id and append result. */
export class RecordDiplomaticEngagementCommand extends Command<Written> {
  constructor(
    readonly input: RecordDiplomaticEngagementDto,
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** Copies the DTO into plain data, participant countries upper-cased, under a new id. */
@CommandHandler(RecordDiplomaticEngagementCommand)
export class RecordDiplomaticEngagementHandler implements ICommandHandler<RecordDiplomaticEngagementCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStorePort) {}

  execute({ input, context }: RecordDiplomaticEngagementCommand) {
    return createRecord(this.store, context, DIPLOMATIC_ENGAGEMENT, (engagementId) => ({
      type: 'RecordDiplomaticEngagement',
      data: {
        ...input,
        participants: input.participants.map((p) => ({ ...p, country: p.country.toUpperCase() })),
        places: [...input.places],
        source: { ...input.source },
        engagementId,
      },
    }));
  }
}
