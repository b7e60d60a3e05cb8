import { Controller, Get, Query as QueryParams } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { EscalationTimelineQuery } from './escalation-timeline.query';
import { EscalationTimelineDto } from './escalation-timeline.dto';
import type { EscalationTimelineResponse } from './escalation-timeline.response';

/** `GET /v1/timelines/escalation`. */
@ApiTags('timelines')
@Controller('v1/timelines/escalation')
export class EscalationTimelineController {
  constructor(private readonly queries: QueryBus) {}

  /** Per day around the anchor: offset, signal count, aircraft, vessels, maximum severity and escalation index. */
  @Get()
  timeline(@QueryParams() query: EscalationTimelineDto): Promise<EscalationTimelineResponse> {
    return this.queries.execute(new EscalationTimelineQuery(query));
  }
}
