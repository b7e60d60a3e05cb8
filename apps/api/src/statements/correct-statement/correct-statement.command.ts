import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { statementDecider, statementStreamId } from '@tracker/domain/statement/statement.decider';
import { EVENT_STORE, type EventStorePort } from '@tracker/event-store/event-store.port';
import type { CommandContext } from '@tracker/commands/command-context';
import { type CommandResult, handleCommand } from '@tracker/commands/handle-command';
import type { CorrectStatementDto } from './correct-statement.dto';

/** Correct some facts of a statement; resolves to the append result. */
export class CorrectStatementCommand extends Command<CommandResult> {
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
    return handleCommand(
      this.store,
      statementStreamId(statementId),
      statementDecider,
      { type: 'CorrectStatement', data, now: context.now },
      context,
      { ifMatch },
    );
  }
}
