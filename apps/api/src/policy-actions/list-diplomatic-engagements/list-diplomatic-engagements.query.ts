import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { DiplomaticEngagementView } from '@tracker/read-models/diplomatic-engagements/diplomatic-engagements.projection';
import {
  type DiplomaticEngagementsFilter,
  listDiplomaticEngagements,
} from '@tracker/read-models/diplomatic-engagements/list-diplomatic-engagements.query';
import type { Page } from '@tracker/read-models/pagination';
import { READ_MODEL_DB } from '@tracker/read-models/sqlite/sqlite-read-model-db';
import type Database from 'better-sqlite3';

/** A filtered page of diplomatic engagements. */
export class ListDiplomaticEngagementsQuery extends Query<Page<DiplomaticEngagementView>> {
  constructor(readonly filter: DiplomaticEngagementsFilter) {
    super();
  }
}

/** Reads the diplomatic-engagements read model. */
@QueryHandler(ListDiplomaticEngagementsQuery)
export class ListDiplomaticEngagementsHandler implements IQueryHandler<ListDiplomaticEngagementsQuery> {
  constructor(@Inject(READ_MODEL_DB) private readonly db: Database.Database) {}

  async execute({ filter }: ListDiplomaticEngagementsQuery) {
    return listDiplomaticEngagements(this.db, filter);
  }
}
