import { Module } from '@nestjs/common';
import { CorrectStatementHandler } from './correct-statement/correct-statement.command';
import { CorrectStatementController } from './correct-statement/correct-statement.controller';
import { ListStatementsController } from './list-statements/list-statements.controller';
import { RecordStatementHandler } from './record-statement/record-statement.command';
import { RecordStatementController } from './record-statement/record-statement.controller';
import { RetractStatementHandler } from './retract-statement/retract-statement.command';
import { RetractStatementController } from './retract-statement/retract-statement.controller';

/** Statements: record, correct, retract, list. */
@Module({
  controllers: [
    RecordStatementController,
    CorrectStatementController,
    RetractStatementController,
    ListStatementsController,
  ],
  providers: [RecordStatementHandler, CorrectStatementHandler, RetractStatementHandler],
})
export class StatementModule {}
