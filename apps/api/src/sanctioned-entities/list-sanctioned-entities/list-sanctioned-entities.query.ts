import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { Page } from '@tracker/read-models/pagination';
import {
  listSanctionedEntities,
  type SanctionedEntitiesFilter,
} from '@tracker/read-models/sanctioned-entity/list-sanctioned-entities.sql';
import type { SanctionedEntityView } from '@tracker/read-models/sanctioned-entity/sanctioned-entities.projection';
import { ReadModels } from '@tracker/read-models/read-models';

/** A filtered page of the entity registry. */
export class ListSanctionedEntitiesQuery extends Query<Page<SanctionedEntityView>> {
  constructor(readonly filter: SanctionedEntitiesFilter) {
    super();
  }
}

/** Reads the registry read model. */
@QueryHandler(ListSanctionedEntitiesQuery)
export class ListSanctionedEntitiesHandler implements IQueryHandler<ListSanctionedEntitiesQuery> {
  constructor(private readonly readModels: ReadModels) {}

  async execute({ filter }: ListSanctionedEntitiesQuery) {
    return listSanctionedEntities(this.readModels.db, await this.readModels.tables('sanctioned-entities'), filter);
  }
}
