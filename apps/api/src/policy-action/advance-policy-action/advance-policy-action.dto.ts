import type { StageFacts } from '@tracker/domain/policy-action/policy-action.decider';
import { POLICY_ACTION_STAGES } from '@tracker/domain/policy-action/policy-action.lifecycle';
import { Type } from 'class-transformer';
import { IsDefined, IsIn, IsObject, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { SourceDto } from '../../http/source.dto';
import { IsIsoDate } from '../../http/iso-date';

/** Body of `POST /v1/policy-actions/:id/stages`. */
export class AdvancePolicyActionDto implements StageFacts {
  /** The stage reached; must follow the current one in the action's lifecycle. */
  @IsIn(POLICY_ACTION_STAGES) stage!: StageFacts['stage'];
  /** ISO 8601 date or date-time at which the stage happened. */
  @IsIsoDate() occurredAt!: string;
  /** What happened, e.g. "Passed 360-58 as part of H.R. 8038". */
  @IsOptional() @IsString() @MaxLength(5000) note?: string;
  /** Where the stage was reported. */
  @IsDefined() @IsObject() @ValidateNested() @Type(() => SourceDto) source!: SourceDto;
}
