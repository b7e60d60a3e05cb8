import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '@tracker/commands/command-context';
import type { Written } from '@tracker/commands/handle-command';
import { writeRecord } from '@tracker/commands/write-record';
import { statementDecider } from '@tracker/domain/statement/statement.decider';
import { EVENT_STORE, type EventStorePort } from '@tracker/event-store/event-store.port';
import type { RetractStatementDto } from './retract-statement.dto';

const STATEMENT = { category: 'statement', decider: statementDecider };

/** Retract a statement; resolves to its id and the append result. */
export class RetractStatementCommand extends Command<Written> {
  constructor(
    readonly statementId: string,
    readonly input: RetractStatementDto,
    readonly context: CommandContext,
    readonly ifMatch?: bigint,
  ) {
    super();
  }
}

/** Load → decide (must exist, not already retracted) → append. */
@CommandHandler(RetractStatementCommand)
export class RetractStatementHandler implements ICommandHandler<RetractStatementCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStorePort) {}

  execute({ statementId, input, context, ifMatch }: RetractStatementCommand) {
    const data = { statementId, reason: input.reason, source: { ...input.source } };
    return writeRecord(this.store, context, STATEMENT, statementId, { type: 'RetractStatement', data }, { ifMatch });
  }
}
