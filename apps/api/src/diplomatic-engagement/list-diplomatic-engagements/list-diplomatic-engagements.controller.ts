import { Controller, Get, Query as QueryParams } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { listDiplomaticEngagements } from '@tracker/read-models/diplomatic-engagement/list-diplomatic-engagements.sql';
import { ReadModelQuery } from '../../read-model/read-model.query';
import { ListDiplomaticEngagementsDto } from './list-diplomatic-engagements.dto';
import type { DiplomaticEngagementPageResponse } from './list-diplomatic-engagements.response';

/** `GET /v1/diplomatic-engagements`. */
@ApiTags('diplomatic-engagements')
@Controller('v1/diplomatic-engagements')
export class ListDiplomaticEngagementsController {
  constructor(private readonly queries: QueryBus) {}

  /** Visits, calls and meetings, latest first. */
  @Get()
  list(@QueryParams() query: ListDiplomaticEngagementsDto): Promise<DiplomaticEngagementPageResponse> {
    return this.queries.execute(
      new ReadModelQuery('diplomatic-engagements', (db, t) =>
        listDiplomaticEngagements(db, t, { ...query, country: query.country?.toUpperCase() }),
      ),
    );
  }
}
