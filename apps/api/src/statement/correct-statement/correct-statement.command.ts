import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '@tracker/commands/command-context';
import type { Written } from '@tracker/commands/handle-command';
import { writeRecord } from '@tracker/commands/write-record';
import { statementDecider } from '@tracker/domain/statement/statement.decider';
import { EVENT_STORE, type EventStorePort } from '@tracker/event-store/event-store.port';
import type { CorrectStatementDto } from './correct-statement.dto';

const STATEMENT = { category: 'statement', decider: statementDecider };

/** Correct some facts of a statement; resolves to its id and the append result. */
export class CorrectStatementCommand extends Command<Written> {
  constructor(
    readonly statementId: string,
    readonly input: CorrectStatementDto,
    readonly context: CommandContext,
    readonly ifMatch?: bigint,
  ) {
    super();
  }
}

/** Load → decide (must exist, not be retracted) → append. */
@CommandHandler(CorrectStatementCommand)
export class CorrectStatementHandler implements ICommandHandler<CorrectStatementCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStorePort) {}

  execute({ statementId, input, context, ifMatch }: CorrectStatementCommand) {
    const data = { statementId, changes: { ...input.changes }, reason: input.reason, source: { ...input.source } };
    return writeRecord(this.store, context, STATEMENT, statementId, { type: 'CorrectStatement', data }, { ifMatch });
  }
}
