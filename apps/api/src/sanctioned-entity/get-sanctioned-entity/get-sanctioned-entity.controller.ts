import { Controller, Get, NotFoundException, Param, Query as QueryParams } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { AsOfQueryDto } from '../../http/as-of-query.dto';
import { RecordIdPipe } from '../../http/record-id.pipe';
import { getSanctionedEntity } from '@tracker/read-models/sanctioned-entity/list-sanctioned-entities.sql';
import { ReadModelQuery } from '../../read-model/read-model.query';
import { ApiProblems } from '../../openapi/api-problems';
import type { SanctionedEntityResponse } from '../sanctioned-entity.response';

/** `GET /v1/sanctioned-entities/:id`. */
@ApiTags('sanctioned-entities')
@Controller('v1/sanctioned-entities/:id')
export class GetSanctionedEntityController {
  constructor(private readonly queries: QueryBus) {}

  /** The listing with its amendments and removal; `404` if unknown (as of `asOf`). */
  @ApiProblems({ 404: 'No entity has this id (or none had it yet at `asOf`).' })
  @Get()
  async get(
    @Param('id', RecordIdPipe) id: string,
    @QueryParams() query: AsOfQueryDto,
  ): Promise<SanctionedEntityResponse> {
    const entity = await this.queries.execute(
      new ReadModelQuery('sanctioned-entities', (db, t) => getSanctionedEntity(db, t, id, query.asOf)),
    );
    if (!entity) throw new NotFoundException(`No sanctioned entity ${id}${query.asOf ? ` as of ${query.asOf}` : ''}`);
    return entity;
  }
}
