import { Controller, Get, Query as QueryParams } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { IsISO31661Alpha2, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../http/page-query.dto';
import { listStatements } from '@tracker/read-models/statement/list-statements.sql';
import { ReadModelQuery } from '../../read-model/read-model.query';
import { IsIsoDate } from '../../http/iso-date';

/** Query string of `GET /v1/statements`. */
export class ListStatementsDto extends PageQueryDto {
  /** Exact speaker name, case-insensitive. */
  @IsOptional() @IsString() @MaxLength(200) speaker?: string;
  /** One topic tag. */
  @IsOptional() @IsString() @MaxLength(100) topic?: string;
  /** Speaker's country, ISO 3166-1 alpha-2. */
  @IsOptional() @IsISO31661Alpha2() country?: string;
  /** Earliest `occurredAt`, inclusive. */
  @IsOptional() @IsIsoDate() from?: string;
  /** Latest `occurredAt` date, inclusive. */
  @IsOptional() @IsIsoDate() to?: string;
}

/** `GET /v1/statements`. */
@ApiTags('statements')
@Controller('v1/statements')
export class ListStatementsController {
  constructor(private readonly queries: QueryBus) {}

  /** Statements newest first by when they were said. */
  @Get()
  list(@QueryParams() query: ListStatementsDto) {
    return this.queries.execute(new ReadModelQuery('statements', (db, t) => listStatements(db, t, query)));
  }
}
