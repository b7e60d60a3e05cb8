import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { statementDecider, statementStreamId } from '@tracker/domain/statement/statement.decider';
import { EVENT_STORE, type EventStorePort } from '@tracker/event-store/event-store.port';
import type { CommandContext } from '@tracker/commands/command-context';
import { type CommandResult, handleCommand } from '@tracker/commands/handle-command';
import type { RetractStatementDto } from './retract-statement.dto';

/** Retract a statement; resolves to the append result. */
export class RetractStatementCommand extends Command<CommandResult> {
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
    return handleCommand(
      this.store,
      statementStreamId(statementId),
      statementDecider,
      { type: 'RetractStatement', data, now: context.now },
      context,
      { ifMatch },
    );
  }
}
