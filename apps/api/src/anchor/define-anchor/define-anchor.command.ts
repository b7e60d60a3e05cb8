import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '@tracker/commands/command-context';
import type { Written } from '@tracker/commands/handle-command';
import { writeRecord } from '@tracker/commands/write-record';
import { anchorDecider } from '@tracker/domain/anchor/anchor.decider';
import { EVENT_STORE, type EventStorePort } from '@tracker/event-store/event-store.port';
import type { DefineAnchorDto } from './define-anchor.dto';

const ANCHOR = { category: 'anchor', decider: anchorDecider };

/** Define a key date; resolves to its name (the id) and append result. */
export class DefineAnchorCommand extends Command<Written> {
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

  execute({ input, context }: DefineAnchorCommand) {
    const data = { ...input, source: { ...input.source } };
    return writeRecord(this.store, context, ANCHOR, input.name, { type: 'DefineAnchor', data }, { isNew: true });
  }
}
