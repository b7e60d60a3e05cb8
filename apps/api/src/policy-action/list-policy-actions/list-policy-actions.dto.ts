import { POLICY_ACTION_KINDS, POLICY_ACTION_STAGES } from '@tracker/domain/policy-action/policy-action.lifecycle';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../http/page-query.dto';
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
