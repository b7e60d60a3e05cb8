import { Controller, Get, NotFoundException, Param, Query as QueryParams } from '@nestjs/common';
import { IQueryHandler, Query, QueryBus, QueryHandler } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { getSanctionedEntity } from '@tracker/read-models/sanctioned-entity/list-sanctioned-entities.sql';
import type { SanctionedEntityView } from '@tracker/read-models/sanctioned-entity/sanctioned-entities.projection';
import { ReadModels } from '@tracker/read-models/read-models';
import { AsOfQueryDto } from '../../http/as-of-query.dto';
import { RecordIdPipe } from '../../http/record-id.pipe';

/** One listing, current or as known at `asOf`. */
export class GetSanctionedEntityQuery extends Query<SanctionedEntityView | undefined> {
  constructor(
    readonly id: string,
    readonly asOf?: string,
  ) {
    super();
  }
}

/** Reads the registry read model. */
@QueryHandler(GetSanctionedEntityQuery)
export class GetSanctionedEntityHandler implements IQueryHandler<GetSanctionedEntityQuery> {
  constructor(private readonly readModels: ReadModels) {}

  async execute({ id, asOf }: GetSanctionedEntityQuery) {
    return getSanctionedEntity(this.readModels.db, await this.readModels.tables('sanctioned-entities'), id, asOf);
  }
}

/** `GET /v1/sanctioned-entities/:id`. */
@ApiTags('sanctioned-entities')
@Controller('v1/sanctioned-entities/:id')
export class GetSanctionedEntityController {
  constructor(private readonly queries: QueryBus) {}

  /** The listing with its amendments and removal; `404` if unknown (as of `asOf`). */
  @Get()
  async get(@Param('id', RecordIdPipe) id: string, @QueryParams() query: AsOfQueryDto) {
    const entity = await this.queries.execute(new GetSanctionedEntityQuery(id, query.asOf));
    if (!entity) throw new NotFoundException(`No sanctioned entity ${id}${query.asOf ? ` as of ${query.asOf}` : ''}`);
    return entity;
  }
}
