import { ESCALATION_REGIONS } from '@tracker/domain/escalation-signal/escalation-region';
import { ESCALATION_KINDS } from '@tracker/domain/escalation-signal/escalation-signal.decider';
import { IsIn, IsOptional } from 'class-validator';
import { PageQueryDto } from '../../http/page-query.dto';
import { IsIsoDay } from '../../http/iso-date';

/** Query string of `GET /v1/escalation-signals`. */
export class ListEscalationSignalsDto extends PageQueryDto {
  /** One region, e.g. `taiwan-strait`. */
  @IsOptional() @IsIn(ESCALATION_REGIONS) region?: string;
  /** One kind, e.g. `air`. */
  @IsOptional() @IsIn(ESCALATION_KINDS) kind?: string;
  /** First report date (local to the region), `YYYY-MM-DD`, inclusive. */
  @IsOptional() @IsIsoDay() from?: string;
  /** Last report date, `YYYY-MM-DD`, inclusive. */
  @IsOptional() @IsIsoDay() to?: string;
}
