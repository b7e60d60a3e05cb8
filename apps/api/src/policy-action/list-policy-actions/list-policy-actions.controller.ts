import { Controller, Get, Query as QueryParams } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { listPolicyActions } from '@tracker/read-models/policy-action/list-policy-actions.sql';
import { ReadModelQuery } from '../../read-model/read-model.query';
import { ListPolicyActionsDto } from './list-policy-actions.dto';
import type { PolicyActionPageResponse } from './list-policy-actions.response';

/** `GET /v1/policy-actions`. */
@ApiTags('policy-actions')
@Controller('v1/policy-actions')
export class ListPolicyActionsController {
  constructor(private readonly queries: QueryBus) {}

  /** Policy actions at their current stage, latest development first. */
  @Get()
  list(@QueryParams() query: ListPolicyActionsDto): Promise<PolicyActionPageResponse> {
    return this.queries.execute(new ReadModelQuery('policy-actions', (db, t) => listPolicyActions(db, t, query)));
  }
}
