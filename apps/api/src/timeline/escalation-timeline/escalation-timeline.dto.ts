import { ANCHOR_NAME } from '@tracker/domain/anchor/anchor.decider';
import { ESCALATION_REGIONS } from '@tracker/domain/escalation-signal/escalation-region';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { AsOfQueryDto } from '../../http/as-of-query.dto';
import { ApiPropertyOptional } from '@nestjs/swagger';

/** Query string of `GET /v1/timelines/escalation`. */
export class EscalationTimelineDto extends AsOfQueryDto {
  /** Name of the anchor, e.g. `taiwan-inauguration-2024`. */
  @IsString()
  @MaxLength(100)
  @Matches(ANCHOR_NAME, { message: 'anchor must be an anchor name such as taiwan-inauguration-2024' })
  anchor!: string;
  /** Days shown before the anchor date, 0 to 365. */
  @ApiPropertyOptional({ type: 'integer', default: 30 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(365)
  before = 30;
  /** Days shown after the anchor date, 0 to 365. */
  @ApiPropertyOptional({ type: 'integer', default: 30 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(365)
  after = 30;
  /** One region, e.g. `taiwan-strait`; all regions when absent. */
  @IsOptional() @IsIn(ESCALATION_REGIONS) region?: string;
}
