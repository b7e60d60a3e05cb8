import { SANCTIONS_LISTS } from '@tracker/domain/sanctioned-entity/sanctioned-entity.decider';
import { IsIn, IsISO31661Alpha2, IsOptional } from 'class-validator';
import { AsOfQueryDto } from '../../http/as-of-query.dto';
import { IsIsoDay } from '../../http/iso-date';

/** Query string of `GET /v1/timelines/export-controls`. */
export class ExportControlsTimelineDto extends AsOfQueryDto {
  /** One list, e.g. `BIS_ENTITY_LIST`. */
  @IsOptional() @IsIn(SANCTIONS_LISTS) list?: string;
  /** ISO 3166-1 alpha-2 country. */
  @IsOptional() @IsISO31661Alpha2() country?: string;
  /** First day shown, `YYYY-MM-DD`. */
  @IsOptional() @IsIsoDay() from?: string;
  /** Last day shown, `YYYY-MM-DD`. */
  @IsOptional() @IsIsoDay() to?: string;
}
