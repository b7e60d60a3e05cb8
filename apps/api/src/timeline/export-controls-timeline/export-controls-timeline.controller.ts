import { Controller, Get, Query as QueryParams } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { ExportControlsTimelineQuery } from './export-controls-timeline.query';
import { ExportControlsTimelineDto } from './export-controls-timeline.dto';
import { ExportControlsTimelineResponse } from './export-controls-timeline.response';
import { ApiOkResponse } from '@nestjs/swagger';

/** `GET /v1/timelines/export-controls`. */
@ApiTags('timelines')
@Controller('v1/timelines/export-controls')
export class ExportControlsTimelineController {
  constructor(private readonly queries: QueryBus) {}

  /** Listings added and removed per effective day, with the cumulative count. */
  // The handler answers pre-serialised JSON (`JsonText`), so the plugin cannot see its shape.
  @ApiOkResponse({ type: ExportControlsTimelineResponse })
  @Get()
  timeline(@QueryParams() query: ExportControlsTimelineDto) {
    return this.queries.execute(new ExportControlsTimelineQuery({ ...query, country: query.country?.toUpperCase() }));
  }
}
