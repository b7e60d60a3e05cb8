import { Controller, Get, Query as QueryParams } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { listStatements } from '@tracker/read-models/statement/list-statements.sql';
import { ReadModelQuery } from '../../read-model/read-model.query';
import { ListStatementsDto } from './list-statements.dto';
import type { StatementPageResponse } from './list-statements.response';

/** `GET /v1/statements`. */
@ApiTags('statements')
@Controller('v1/statements')
export class ListStatementsController {
  constructor(private readonly queries: QueryBus) {}

  /** Statements newest first by when they were said. */
  @Get()
  list(@QueryParams() query: ListStatementsDto): Promise<StatementPageResponse> {
    return this.queries.execute(new ReadModelQuery('statements', (db, t) => listStatements(db, t, query)));
  }
}
