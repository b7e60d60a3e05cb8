import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { anchorDecider, anchorStreamId } from '@tracker/domain/anchor/anchor.decider';
import { EVENT_STORE, type EventStorePort } from '@tracker/event-store/event-store.port';
import type { CommandContext } from '@tracker/commands/command-context';
import { type CommandResult, handleCommand } from '@tracker/commands/handle-command';
import type { DefineAnchorDto } from './define-anchor.dto';

/** Define a key date; resolves to its name (the id) and append result. */
export class DefineAnchorCommand extends Command<{ id: string; result: CommandResult }> {
  constructor(
    readonly input: DefineAnchorDto,
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** The stream is named after the anchor, so a second definition, even a racing one, meets the first. */
@CommandHandler(DefineAnchorCommand)
export class DefineAnchorHandler implements ICommandHandler<DefineAnchorCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStorePort) {}

  async execute({ input, context }: DefineAnchorCommand) {
    const data = { ...input, source: { ...input.source } };
    const result = await handleCommand(
      this.store,
      anchorStreamId(input.name),
      anchorDecider,
      { type: 'DefineAnchor', data, now: context.now },
      context,
      { isNew: true },
    );
    return { id: input.name, result };
  }
}
