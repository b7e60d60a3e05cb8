import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { AnchorView } from '@tracker/read-models/anchors/anchors.projection';
import { type AnchorsFilter, listAnchors } from '@tracker/read-models/anchors/list-anchors.query';
import type { Page } from '@tracker/read-models/pagination';
import { READ_MODEL_DB } from '@tracker/read-models/sqlite/sqlite-read-model-db';
import type Database from 'better-sqlite3';

/** A page of anchors. */
export class ListAnchorsQuery extends Query<Page<AnchorView>> {
  constructor(readonly filter: AnchorsFilter) {
    super();
  }
}

/** Reads the anchors read model. */
@QueryHandler(ListAnchorsQuery)
export class ListAnchorsHandler implements IQueryHandler<ListAnchorsQuery> {
  constructor(@Inject(READ_MODEL_DB) private readonly db: Database.Database) {}

  async execute({ filter }: ListAnchorsQuery) {
    return listAnchors(this.db, filter);
  }
}
