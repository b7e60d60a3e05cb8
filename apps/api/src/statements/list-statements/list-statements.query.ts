import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { Page } from '@tracker/read-models/pagination';
import { listStatements, type StatementsFilter } from '@tracker/read-models/statement/list-statements.sql';
import type { StatementView } from '@tracker/read-models/statement/statements.projection';
import { ReadModels } from '@tracker/read-models/read-models';

/** A filtered page of statements. */
export class ListStatementsQuery extends Query<Page<StatementView>> {
  constructor(readonly filter: StatementsFilter) {
    super();
  }
}

/** Reads the statements read model. */
@QueryHandler(ListStatementsQuery)
export class ListStatementsHandler implements IQueryHandler<ListStatementsQuery> {
  constructor(private readonly readModels: ReadModels) {}

  async execute({ filter }: ListStatementsQuery) {
    return listStatements(this.readModels.db, await this.readModels.tables('statements'), filter);
  }
}
