import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { Page } from '@tracker/read-models/pagination';
import { listStatements, type StatementsFilter } from '@tracker/read-models/statements/list-statements.query';
import type { StatementView } from '@tracker/read-models/statements/statements.projection';
import { READ_MODEL_DB } from '@tracker/read-models/sqlite/sqlite-read-model-db';
import type Database from 'better-sqlite3';

/** A filtered page of statements. */
export class ListStatementsQuery extends Query<Page<StatementView>> {
  constructor(readonly filter: StatementsFilter) {
    super();
  }
}

/** Reads the statements read model. */
@QueryHandler(ListStatementsQuery)
export class ListStatementsHandler implements IQueryHandler<ListStatementsQuery> {
  constructor(@Inject(READ_MODEL_DB) private readonly db: Database.Database) {}

  async execute({ filter }: ListStatementsQuery) {
    return listStatements(this.db, filter);
  }
}
