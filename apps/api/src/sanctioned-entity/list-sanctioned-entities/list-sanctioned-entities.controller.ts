import { Controller, Get, Query as QueryParams } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { listSanctionedEntities } from '@tracker/read-models/sanctioned-entity/list-sanctioned-entities.sql';
import { ReadModelQuery } from '../../read-model/read-model.query';
import { ListSanctionedEntitiesDto } from './list-sanctioned-entities.dto';
import type { SanctionedEntityPageResponse } from './list-sanctioned-entities.response';

/** `GET /v1/sanctioned-entities`. */
@ApiTags('sanctioned-entities')
@Controller('v1/sanctioned-entities')
export class ListSanctionedEntitiesController {
  constructor(private readonly queries: QueryBus) {}

  /** Listed entities, most recently effective first. */
  @Get()
  list(@QueryParams() query: ListSanctionedEntitiesDto): Promise<SanctionedEntityPageResponse> {
    return this.queries.execute(
      new ReadModelQuery('sanctioned-entities', (db, t) =>
        listSanctionedEntities(db, t, { ...query, country: query.country?.toUpperCase() }),
      ),
    );
  }
}
