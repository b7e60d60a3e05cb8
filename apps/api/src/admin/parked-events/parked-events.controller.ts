import {
  Body,
  ConflictException,
  Controller,
  Get,
  HttpCode,
  Inject,
  NotFoundException,
  Param,
  type PipeTransform,
  Post,
  UnprocessableEntityException,
} from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { DomainEvent } from '@tracker/domain/shared/decider';
import type { CommandContext } from '@tracker/commands/command-context';
import { EVENT_STORE, type EventStorePort, type Position } from '@tracker/event-store/event-store.port';
import { parsePosition } from '@tracker/event-store/position';
import { ParkedEventError, ParkedEvents } from '@tracker/read-models/parked-events';
import type { Projection } from '@tracker/read-models/projection';
import { ALL_PROJECTIONS } from '@tracker/read-models/projections';
import { READ_MODEL_STORE, type ReadModelStore } from '@tracker/read-models/store/read-model-store';
import { InvalidInputError } from '../../http/problem-details';
import { CommandCtx } from '../../http/request-context';
import { SkipParkedEventDto } from './skip-parked-event.dto';
import { ApiProblems } from '../../openapi/api-problems';
import type { ParkedEventResponse, ParkedEventsResponse } from './parked-events.response';

/** A projection name path parameter: one the product runs, else 404. */
class ProjectionPipe implements PipeTransform<string, Projection<DomainEvent>> {
  transform(name: string): Projection<DomainEvent> {
    const projection = ALL_PROJECTIONS.find((p) => p.name === name);
    if (!projection) throw new NotFoundException(`No projection named ${name}`);
    return projection;
  }
}

/** A log position path parameter (`42`, or `42/41` on EventStoreDB), else 400 naming `position`. */
class PositionPipe implements PipeTransform<string, Position> {
  transform(text: string): Position {
    try {
      return parsePosition(text);
    } catch {
      throw new InvalidInputError([{ field: 'position', messages: ['position must be a log position such as 42'] }]);
    }
  }
}

/**
 * Events a projection could not apply and parked: listed, retried after a fix (e.g. a new
 * upcaster), or skipped with a reason. Retries and skips name the authenticated operator.
 */
@ApiTags('admin')
@Controller('v1/admin/projections/:name/parked')
export class ParkedEventsController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStorePort,
    @Inject(READ_MODEL_STORE) private readonly db: ReadModelStore,
  ) {}

  /** The serving generation's parked events, in log order, whatever their status. */
  @ApiProblems({ 404: 'No projection has this name.' })
  @Get()
  async listParkedEvents(
    @Param('name', ProjectionPipe) projection: Projection<DomainEvent>,
  ): Promise<ParkedEventsResponse> {
    const items = await ParkedEvents.list(this.db, projection);
    return { name: projection.name, parked: items.filter((e) => e.status === 'parked').length, items };
  }

  /** Applies the parked event at `position` once; 422 with the error if it still fails. */
  @ApiProblems({
    404: 'No projection has this name, or it has no parked event at this position.',
    409: 'The event is no longer parked (retried or skipped already).',
    422: 'The event still fails: `detail` gives the error; it stays parked.',
  })
  @Post(':position/retry')
  @HttpCode(200)
  retryParkedEvent(
    @Param('name', ProjectionPipe) projection: Projection<DomainEvent>,
    @Param('position', PositionPipe) position: Position,
    @CommandCtx() context: CommandContext,
  ): Promise<ParkedEventResponse> {
    return httpErrors(ParkedEvents.retry(this.db, this.store, projection, position, context.actor));
  }

  /** Leaves the parked event at `position` out, recording who and why; it stays listed. */
  @ApiProblems({
    404: 'No projection has this name, or it has no parked event at this position.',
    409: 'The event is no longer parked (retried or skipped already).',
  })
  @Post(':position/skip')
  @HttpCode(200)
  skipParkedEvent(
    @Param('name', ProjectionPipe) projection: Projection<DomainEvent>,
    @Param('position', PositionPipe) position: Position,
    @Body() body: SkipParkedEventDto,
    @CommandCtx() context: CommandContext,
  ): Promise<ParkedEventResponse> {
    return httpErrors(ParkedEvents.skip(this.db, projection, position, context.actor, body.reason));
  }
}

const STATUS = { 404: NotFoundException, 409: ConflictException, 422: UnprocessableEntityException } as const;

async function httpErrors<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof ParkedEventError) throw new STATUS[error.status](error.message);
    throw error;
  }
}
