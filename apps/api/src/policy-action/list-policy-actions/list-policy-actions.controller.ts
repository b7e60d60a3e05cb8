import { Controller, Get, Query as QueryParams } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { POLICY_ACTION_KINDS, POLICY_ACTION_STAGES } from '@tracker/domain/policy-action/policy-action.lifecycle';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../http/page-query.dto';
import { listPolicyActions } from '@tracker/read-models/policy-action/list-policy-actions.sql';
import { ReadModelQuery } from '../../read-model/read-model.query';
import { IsIsoDate } from '../../http/iso-date';

/** Query string of `GET /v1/policy-actions`. */
export class ListPolicyActionsDto extends PageQueryDto {
  /** One kind, e.g. `tariff`. */
  @IsOptional() @IsIn(POLICY_ACTION_KINDS) kind?: string;
  /** Current stage (as of `asOf`), e.g. `initiated`. */
  @IsOptional() @IsIn(POLICY_ACTION_STAGES) stage?: string;
  /** One actor, exact but case-insensitive, e.g. `USTR`. */
  @IsOptional() @IsString() @MaxLength(200) actor?: string;
  /** Text the title or instrument contains, case-insensitive. */
  @IsOptional() @IsString() @MaxLength(200) q?: string;
  /** Earliest `occurredAt` of any stage, inclusive. */
  @IsOptional() @IsIsoDate() from?: string;
  /** Latest `occurredAt` date of any stage, inclusive. */
  @IsOptional() @IsIsoDate() to?: string;
}

/** `GET /v1/policy-actions`. */
@ApiTags('policy-actions')
@Controller('v1/policy-actions')
export class ListPolicyActionsController {
  constructor(private readonly queries: QueryBus) {}

  /** Policy actions at their current stage, latest development first. */
  @Get()
  list(@QueryParams() query: ListPolicyActionsDto) {
    return this.queries.execute(new ReadModelQuery('policy-actions', (db, t) => listPolicyActions(db, t, query)));
  }
}
