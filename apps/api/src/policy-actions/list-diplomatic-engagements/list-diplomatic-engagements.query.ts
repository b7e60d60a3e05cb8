import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { DiplomaticEngagementView } from '@tracker/read-models/diplomatic-engagement/diplomatic-engagements.projection';
import {
  type DiplomaticEngagementsFilter,
  listDiplomaticEngagements,
} from '@tracker/read-models/diplomatic-engagement/list-diplomatic-engagements.sql';
import type { Page } from '@tracker/read-models/pagination';
import { ReadModels } from '@tracker/read-models/read-models';

/** A filtered page of diplomatic engagements. */
export class ListDiplomaticEngagementsQuery extends Query<Page<DiplomaticEngagementView>> {
  constructor(readonly filter: DiplomaticEngagementsFilter) {
    super();
  }
}

/** Reads the diplomatic-engagements read model. */
@QueryHandler(ListDiplomaticEngagementsQuery)
export class ListDiplomaticEngagementsHandler implements IQueryHandler<ListDiplomaticEngagementsQuery> {
  constructor(private readonly readModels: ReadModels) {}

  async execute({ filter }: ListDiplomaticEngagementsQuery) {
    return listDiplomaticEngagements(
      this.readModels.db,
      await this.readModels.tables('diplomatic-engagements'),
      filter,
    );
  }
}
