import { Controller, Get, Query as QueryParams } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { listEscalationSignals } from '@tracker/read-models/escalation-signal/list-escalation-signals.sql';
import { ReadModelQuery } from '../../read-model/read-model.query';
import { ListEscalationSignalsDto } from './list-escalation-signals.dto';
import type { EscalationSignalPageResponse } from './list-escalation-signals.response';

/** `GET /v1/escalation-signals`. */
@ApiTags('escalation')
@Controller('v1/escalation-signals')
export class ListEscalationSignalsController {
  constructor(private readonly queries: QueryBus) {}

  /** Signals, newest observation window first. */
  @Get()
  list(@QueryParams() query: ListEscalationSignalsDto): Promise<EscalationSignalPageResponse> {
    return this.queries.execute(
      new ReadModelQuery('escalation-signals', (db, t) => listEscalationSignals(db, t, query)),
    );
  }
}
