import { ENGAGEMENT_KINDS } from '@tracker/domain/diplomatic-engagement/diplomatic-engagement.decider';
import { IsIn, IsISO31661Alpha2, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsIsoDay } from '../../http/iso-date';
import { PageQueryDto } from '../../http/page-query.dto';

/** Query string of `GET /v1/diplomatic-engagements`. */
export class ListDiplomaticEngagementsDto extends PageQueryDto {
  /** `visit`, `call` or `meeting`. */
  @IsOptional() @IsIn(ENGAGEMENT_KINDS) kind?: string;
  /** Text a participant's name contains, case-insensitive. */
  @IsOptional() @IsString() @MaxLength(200) participant?: string;
  /** A participant's country, ISO 3166-1 alpha-2. */
  @IsOptional() @IsISO31661Alpha2() country?: string;
  /** Engagements ending on or after this day, `YYYY-MM-DD`. */
  @IsOptional() @IsIsoDay() from?: string;
  /** Engagements starting on or before this day, `YYYY-MM-DD`. */
  @IsOptional() @IsIsoDay() to?: string;
}
