import { Controller, Get, NotFoundException, Param, Query as QueryParams } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { AsOfQueryDto } from '../../http/as-of-query.dto';
import { RecordIdPipe } from '../../http/record-id.pipe';
import { getPolicyAction } from '@tracker/read-models/policy-action/get-policy-action.sql';
import { ReadModelQuery } from '../../read-model/read-model.query';
import { ApiProblems } from '../../openapi/api-problems';
import type { PolicyActionDetailResponse } from '../policy-action.response';

/** `GET /v1/policy-actions/:id`. */
@ApiTags('policy-actions')
@Controller('v1/policy-actions/:id')
export class GetPolicyActionController {
  constructor(private readonly queries: QueryBus) {}

  /** The action at its current stage with every stage so far; `404` if unknown (as of `asOf`). */
  @ApiProblems({ 404: 'No policy action has this id (or none had it yet at `asOf`).' })
  @Get()
  async get(
    @Param('id', RecordIdPipe) id: string,
    @QueryParams() query: AsOfQueryDto,
  ): Promise<PolicyActionDetailResponse> {
    const action = await this.queries.execute(
      new ReadModelQuery('policy-actions', (db, t) => getPolicyAction(db, t, id, query.asOf)),
    );
    if (!action) throw new NotFoundException(`No policy action ${id}${query.asOf ? ` as of ${query.asOf}` : ''}`);
    return action;
  }
}
