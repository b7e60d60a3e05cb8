import { Controller, Get, Query as QueryParams } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { SANCTIONS_LISTS } from '@tracker/domain/sanctioned-entity/sanctioned-entity.decider';
import { IsIn, IsISO31661Alpha2, IsOptional } from 'class-validator';
import { AsOfQueryDto } from '../../http/as-of-query.dto';
import { IsIsoDay } from '../../http/iso-date';
import { ExportControlsTimelineQuery } from './export-controls-timeline.query';

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

/** `GET /v1/timelines/export-controls`. */
@ApiTags('timelines')
@Controller('v1/timelines/export-controls')
export class ExportControlsTimelineController {
  constructor(private readonly queries: QueryBus) {}

  /** Listings added and removed per effective day, with the cumulative count. */
  @Get()
  timeline(@QueryParams() query: ExportControlsTimelineDto) {
    return this.queries.execute(new ExportControlsTimelineQuery({ ...query, country: query.country?.toUpperCase() }));
  }
}
