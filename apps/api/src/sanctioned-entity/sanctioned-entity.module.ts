import { Module } from '@nestjs/common';
import { AddSanctionedEntityHandler } from './add-sanctioned-entity/add-sanctioned-entity.command';
import { AddSanctionedEntityController } from './add-sanctioned-entity/add-sanctioned-entity.controller';
import { AmendSanctionedEntityHandler } from './amend-sanctioned-entity/amend-sanctioned-entity.command';
import { AmendSanctionedEntityController } from './amend-sanctioned-entity/amend-sanctioned-entity.controller';
import { GetSanctionedEntityController } from './get-sanctioned-entity/get-sanctioned-entity.controller';
import { ListSanctionedEntitiesController } from './list-sanctioned-entities/list-sanctioned-entities.controller';
import { RemoveSanctionedEntityHandler } from './remove-sanctioned-entity/remove-sanctioned-entity.command';
import { RemoveSanctionedEntityController } from './remove-sanctioned-entity/remove-sanctioned-entity.controller';

/** Sanctioned entities: add, amend, remove, list, get one (as of a time). */
@Module({
  controllers: [
    AddSanctionedEntityController,
    AmendSanctionedEntityController,
    RemoveSanctionedEntityController,
    ListSanctionedEntitiesController,
    GetSanctionedEntityController,
  ],
  providers: [AddSanctionedEntityHandler, AmendSanctionedEntityHandler, RemoveSanctionedEntityHandler],
})
export class SanctionedEntityModule {}
