import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { AnchorView } from '@tracker/read-models/anchor/anchors.projection';
import { type AnchorsFilter, listAnchors } from '@tracker/read-models/anchor/list-anchors.sql';
import type { Page } from '@tracker/read-models/pagination';
import { ReadModels } from '@tracker/read-models/read-models';

/** A page of anchors. */
export class ListAnchorsQuery extends Query<Page<AnchorView>> {
  constructor(readonly filter: AnchorsFilter) {
    super();
  }
}

/** Reads the anchors read model. */
@QueryHandler(ListAnchorsQuery)
export class ListAnchorsHandler implements IQueryHandler<ListAnchorsQuery> {
  constructor(private readonly readModels: ReadModels) {}

  async execute({ filter }: ListAnchorsQuery) {
    return listAnchors(this.readModels.db, await this.readModels.tables('anchors'), filter);
  }
}
