import { Controller, Get, Inject, NotFoundException, Query as QueryParams } from '@nestjs/common';
import { IQueryHandler, Query, QueryBus, QueryHandler } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { StreamNotFoundError } from '@tracker/event-store/event-store.errors';
import { EVENT_STORE, type EventStorePort } from '@tracker/event-store/event-store.port';
import { type ChainBreak, type ChainReport, verifyChains } from '@tracker/event-store/tamper-evidence/verify-chains';
import { IsOptional, ValidateBy } from 'class-validator';
import { isStreamId } from '../stream-id';

/** `GET /v1/audit/verify` query: all streams, or one. */
export class VerifyChainsQueryDto {
  /** Verify only this stream, e.g. `statement-<id>`. */
  @IsOptional()
  @ValidateBy({
    name: 'isStreamId',
    validator: { validate: isStreamId, defaultMessage: () => 'streamId must be a stream name like statement-<id>' },
  })
  streamId?: string;
}

/** Recompute the tamper-evidence hash chains; `undefined` when the named stream does not exist. */
export class VerifyChainsQuery extends Query<ChainReport | undefined> {
  constructor(readonly streamId?: string) {
    super();
  }
}

/** Reads the event log itself, never a read model: the chains are only as good as the stored events. */
@QueryHandler(VerifyChainsQuery)
export class VerifyChainsHandler implements IQueryHandler<VerifyChainsQuery> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStorePort) {}

  async execute({ streamId }: VerifyChainsQuery): Promise<ChainReport | undefined> {
    try {
      return await verifyChains(this.store, { streamId });
    } catch (error) {
      if (error instanceof StreamNotFoundError) return undefined;
      throw error;
    }
  }
}

/** A chain break as JSON: the revision as a number. */
export interface ChainBreakView {
  streamId: string;
  revision: number;
  expected: string;
  found: string | null;
}

/** Body of `GET /v1/audit/verify`. */
export interface VerifyChainsResponse {
  ok: boolean;
  streams: number;
  events: number;
  /** The first break in log order; absent when `ok`. */
  firstBreak?: ChainBreakView;
  /** The first break of every broken stream. */
  breaks: ChainBreakView[];
}

/** `GET /v1/audit/verify`. */
@ApiTags('audit')
@Controller('v1/audit/verify')
export class VerifyChainsController {
  constructor(private readonly queries: QueryBus) {}

  /** Always `200` with `ok: false` and the breaks when anything was altered; `404` for an unknown `streamId`. */
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

function toView(chainBreak: ChainBreak): ChainBreakView {
  return { ...chainBreak, revision: Number(chainBreak.revision) };
}
