import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { Page } from '@tracker/read-models/pagination';
import {
  listSanctionedEntities,
  type SanctionedEntitiesFilter,
} from '@tracker/read-models/sanctioned-entities/list-sanctioned-entities.query';
import type { SanctionedEntityView } from '@tracker/read-models/sanctioned-entities/sanctioned-entities.projection';
import { READ_MODEL_DB } from '@tracker/read-models/sqlite/sqlite-read-model-db';
import type Database from 'better-sqlite3';

/** A filtered page of the entity registry. */
export class ListSanctionedEntitiesQuery extends Query<Page<SanctionedEntityView>> {
  constructor(readonly filter: SanctionedEntitiesFilter) {
    super();
  }
}

/** Reads the registry read model. */
@QueryHandler(ListSanctionedEntitiesQuery)
export class ListSanctionedEntitiesHandler implements IQueryHandler<ListSanctionedEntitiesQuery> {
  constructor(@Inject(READ_MODEL_DB) private readonly db: Database.Database) {}

  async execute({ filter }: ListSanctionedEntitiesQuery) {
    return listSanctionedEntities(this.db, filter);
  }
}
