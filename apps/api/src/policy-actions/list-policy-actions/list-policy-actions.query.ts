import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { Page } from '@tracker/read-models/pagination';
import {
  listPolicyActions,
  type PolicyActionsFilter,
} from '@tracker/read-models/policy-actions/list-policy-actions.query';
import type { PolicyActionView } from '@tracker/read-models/policy-actions/policy-actions.projection';
import { READ_MODEL_DB } from '@tracker/read-models/sqlite/sqlite-read-model-db';
import type Database from 'better-sqlite3';

/** A filtered page of policy actions. */
export class ListPolicyActionsQuery extends Query<Page<PolicyActionView>> {
  constructor(readonly filter: PolicyActionsFilter) {
    super();
  }
}

/** Reads the policy-actions read model. */
@QueryHandler(ListPolicyActionsQuery)
export class ListPolicyActionsHandler implements IQueryHandler<ListPolicyActionsQuery> {
  constructor(@Inject(READ_MODEL_DB) private readonly db: Database.Database) {}

  async execute({ filter }: ListPolicyActionsQuery) {
    return listPolicyActions(this.db, filter);
  }
}
