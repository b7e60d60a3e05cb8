import { Controller, Get, Query as QueryParams } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { SANCTIONS_LISTS } from '@tracker/domain/sanctioned-entity/sanctioned-entity.decider';
import { IsIn, IsISO31661Alpha2, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../http/page-query.dto';
import { listSanctionedEntities } from '@tracker/read-models/sanctioned-entity/list-sanctioned-entities.sql';
import { ReadModelQuery } from '../../read-model/read-model.query';

/** Query string of `GET /v1/sanctioned-entities`. */
export class ListSanctionedEntitiesDto extends PageQueryDto {
  /** One list, e.g. `BIS_ENTITY_LIST`. */
  @IsOptional() @IsIn(SANCTIONS_LISTS) list?: string;
  /** ISO 3166-1 alpha-2 country. */
  @IsOptional() @IsISO31661Alpha2() country?: string;
  /** Text that a name or alias contains, case-insensitive. */
  @IsOptional() @IsString() @MaxLength(200) q?: string;
  /** `listed` (default), `removed` or `any`. */
  @IsOptional() @IsIn(['listed', 'removed', 'any']) status?: 'listed' | 'removed' | 'any';
}

/** `GET /v1/sanctioned-entities`. */
@ApiTags('sanctioned-entities')
@Controller('v1/sanctioned-entities')
export class ListSanctionedEntitiesController {
  constructor(private readonly queries: QueryBus) {}

  /** Listed entities, most recently effective first. */
  @Get()
  list(@QueryParams() query: ListSanctionedEntitiesDto) {
    return this.queries.execute(
      new ReadModelQuery('sanctioned-entities', (db, t) =>
        listSanctionedEntities(db, t, { ...query, country: query.country?.toUpperCase() }),
      ),
    );
  }
}
