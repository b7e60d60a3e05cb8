import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  diplomaticEngagementDecider,
  diplomaticEngagementStreamId,
} from '@tracker/domain/diplomatic-engagement/diplomatic-engagement.decider';
import { EVENT_STORE, type EventStorePort } from '@tracker/event-store/event-store.port';
import { type CommandContext, newRecordId } from '@tracker/commands/command-context';
import { type CommandResult, handleCommand } from '@tracker/commands/handle-command';
import type { RecordDiplomaticEngagementDto } from './record-diplomatic-engagement.dto';

/** Record a visit, call or meeting; resolves to the new engagement's id and append result. */
export class RecordDiplomaticEngagementCommand extends Command<{ id: string; result: CommandResult }> {
  constructor(
    readonly input: RecordDiplomaticEngagementDto,
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** Assigns the id, upper-cases participant countries, then load → decide → append. */
@CommandHandler(RecordDiplomaticEngagementCommand)
export class RecordDiplomaticEngagementHandler implements ICommandHandler<RecordDiplomaticEngagementCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStorePort) {}

  async execute({ input, context }: RecordDiplomaticEngagementCommand) {
    const engagementId = newRecordId(context, 'diplomaticEngagement');
    const data = {
      ...input,
      participants: input.participants.map((p) => ({ ...p, country: p.country.toUpperCase() })),
      places: [...input.places],
      source: { ...input.source },
      engagementId,
    };
    const result = await handleCommand(
      this.store,
      diplomaticEngagementStreamId(engagementId),
      diplomaticEngagementDecider,
      { type: 'RecordDiplomaticEngagement', data, now: context.now },
      context,
      { isNew: true },
    );
    return { id: engagementId, result };
  }
}
