import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { getPolicyAction, type PolicyActionDetail } from '@tracker/read-models/policy-actions/get-policy-action.query';
import { READ_MODEL_DB } from '@tracker/read-models/sqlite/sqlite-read-model-db';
import type Database from 'better-sqlite3';

/** One policy action with its stage history, current or as known at `asOf`. */
export class GetPolicyActionQuery extends Query<PolicyActionDetail | undefined> {
  constructor(
    readonly id: string,
    readonly asOf?: string,
  ) {
    super();
  }
}

/** Reads the policy-actions read model. */
@QueryHandler(GetPolicyActionQuery)
export class GetPolicyActionHandler implements IQueryHandler<GetPolicyActionQuery> {
  constructor(@Inject(READ_MODEL_DB) private readonly db: Database.Database) {}

  async execute({ id, asOf }: GetPolicyActionQuery) {
    return getPolicyAction(this.db, id, asOf);
  }
}
