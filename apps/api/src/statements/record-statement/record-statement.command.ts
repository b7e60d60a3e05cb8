import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { statementDecider, statementStreamId } from '@tracker/domain/statement/statement.decider';
import { EVENT_STORE, type EventStorePort } from '@tracker/event-store/event-store.port';
import { type CommandContext, newRecordId } from '@tracker/commands/command-context';
import { type CommandResult, handleCommand } from '@tracker/commands/handle-command';
import type { RecordStatementDto } from './record-statement.dto';

/** Record a new statement; resolves to the new statement's id and append result. */
export class RecordStatementCommand extends Command<{ id: string; result: CommandResult }> {
  constructor(
    readonly input: RecordStatementDto,
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** Assigns the id, then load → decide → append. */
@CommandHandler(RecordStatementCommand)
export class RecordStatementHandler implements ICommandHandler<RecordStatementCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStorePort) {}

  async execute({ input, context }: RecordStatementCommand) {
    const statementId = newRecordId(context, 'statement');
    const data = { ...input, topics: input.topics ?? [], source: { ...input.source }, statementId };
    const result = await handleCommand(
      this.store,
      statementStreamId(statementId),
      statementDecider,
      { type: 'RecordStatement', data, now: context.now },
      context,
      { isNew: true },
    );
    return { id: statementId, result };
  }
}
