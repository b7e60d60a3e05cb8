import { Controller, Get, NotFoundException, Query as QueryParams } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { ChainBreak } from '@tracker/event-store/tamper-evidence/verify-chains';
import { VerifyChainsQueryDto } from './verify-chains.dto';
import { VerifyChainsQuery } from './verify-chains.query';
import type { ChainBreakResponse, VerifyChainsResponse } from './verify-chains.response';
import { ApiProblems } from '../../openapi/api-problems';

/** `GET /v1/audit/verify`. */
@ApiTags('audit')
@Controller('v1/audit/verify')
export class VerifyChainsController {
  constructor(private readonly queries: QueryBus) {}

  /** Always `200` with `ok: false` and the breaks when anything was altered; `404` for an unknown `streamId`. */
  @ApiProblems({ 404: 'No stream has the `streamId` asked for.' })
  @Get()
  async verify(@QueryParams() query: VerifyChainsQueryDto): Promise<VerifyChainsResponse> {
    const report = await this.queries.execute(new VerifyChainsQuery(query.streamId));
    if (!report) throw new NotFoundException(`No stream ${query.streamId}`);
    const breaks = report.breaks.map(toView);
    return {
      ok: breaks.length === 0,
      streams: report.streams,
      events: report.events,
      ...(breaks.length > 0 ? { firstBreak: breaks[0] } : {}),
      breaks,
    };
  }
}

function toView(chainBreak: ChainBreak): ChainBreakResponse {
  return { ...chainBreak, revision: Number(chainBreak.revision) };
}
