import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '@tracker/commands/command-context';
import type { Written } from '@tracker/commands/handle-command';
import { createRecord } from '@tracker/commands/write-record';
import { statementDecider } from '@tracker/domain/statement/statement.decider';
import { EVENT_STORE, type EventStorePort } from '@tracker/event-store/event-store.port';
import type { RecordStatementDto } from './record-statement.dto';

const STATEMENT = { category: 'statement', decider: statementDecider };

/** Record a new statement; resolves to the new statement's id and append result. */
export class RecordStatementCommand extends Command<Written> {
  constructor(
    readonly input: RecordStatementDto,
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** Copies the DTO into plain data with its defaults, under a new id. */
@CommandHandler(RecordStatementCommand)
export class RecordStatementHandler implements ICommandHandler<RecordStatementCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStorePort) {}

  execute({ input, context }: RecordStatementCommand) {
    return createRecord(this.store, context, STATEMENT, (statementId) => ({
      type: 'RecordStatement',
      data: { ...input, topics: input.topics ?? [], source: { ...input.source }, statementId },
    }));
  }
}
