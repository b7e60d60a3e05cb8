import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { Page } from '@tracker/read-models/pagination';
import {
  listPolicyActions,
  type PolicyActionsFilter,
} from '@tracker/read-models/policy-action/list-policy-actions.sql';
import type { PolicyActionView } from '@tracker/read-models/policy-action/policy-actions.projection';
import { ReadModels } from '@tracker/read-models/read-models';

/** A filtered page of policy actions. */
export class ListPolicyActionsQuery extends Query<Page<PolicyActionView>> {
  constructor(readonly filter: PolicyActionsFilter) {
    super();
  }
}

/** Reads the policy-actions read model. */
@QueryHandler(ListPolicyActionsQuery)
export class ListPolicyActionsHandler implements IQueryHandler<ListPolicyActionsQuery> {
  constructor(private readonly readModels: ReadModels) {}

  async execute({ filter }: ListPolicyActionsQuery) {
    return listPolicyActions(this.readModels.db, await this.readModels.tables('policy-actions'), filter);
  }
}
