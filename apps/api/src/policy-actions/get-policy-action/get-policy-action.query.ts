import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { getPolicyAction, type PolicyActionDetail } from '@tracker/read-models/policy-action/get-policy-action.sql';
import { ReadModels } from '@tracker/read-models/read-models';

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
  constructor(private readonly readModels: ReadModels) {}

  async execute({ id, asOf }: GetPolicyActionQuery) {
    return getPolicyAction(this.readModels.db, await this.readModels.tables('policy-actions'), id, asOf);
  }
}
