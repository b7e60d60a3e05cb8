import { Controller, Get, Query as QueryParams } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { ENGAGEMENT_KINDS } from '@tracker/domain/diplomatic-engagement/diplomatic-engagement.decider';
import { IsIn, IsISO31661Alpha2, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsIsoDay } from '../../http/iso-date';
import { PageQueryDto } from '../../http/page-query.dto';
import { listDiplomaticEngagements } from '@tracker/read-models/diplomatic-engagement/list-diplomatic-engagements.sql';
import { ReadModelQuery } from '../../read-model/read-model.query';

/** Query string of `GET /v1/diplomatic-engagements`. */
export class ListDiplomaticEngagementsDto extends PageQueryDto {
  /** `visit`, `call` or `meeting`. */
  @IsOptional() @IsIn(ENGAGEMENT_KINDS) kind?: string;
  /** Text a participant's name contains, case-insensitive. */
  @IsOptional() @IsString() @MaxLength(200) participant?: string;
  /** A participant's country, ISO 3166-1 alpha-2. */
  @IsOptional() @IsISO31661Alpha2() country?: string;
  /** Engagements ending on or after this day, `YYYY-MM-DD`. */
  @IsOptional() @IsIsoDay() from?: string;
  /** Engagements starting on or before this day, `YYYY-MM-DD`. */
  @IsOptional() @IsIsoDay() to?: string;
}

/** `GET /v1/diplomatic-engagements`. */
@ApiTags('diplomatic-engagements')
@Controller('v1/diplomatic-engagements')
export class ListDiplomaticEngagementsController {
  constructor(private readonly queries: QueryBus) {}

  /** Visits, calls and meetings, latest first. */
  @Get()
  list(@QueryParams() query: ListDiplomaticEngagementsDto) {
    return this.queries.execute(
      new ReadModelQuery('diplomatic-engagements', (db, t) =>
        listDiplomaticEngagements(db, t, { ...query, country: query.country?.toUpperCase() }),
      ),
    );
  }
}
