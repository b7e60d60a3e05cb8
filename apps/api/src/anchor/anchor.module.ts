import { Module } from '@nestjs/common';
import { DefineAnchorHandler } from './define-anchor/define-anchor.command';
import { DefineAnchorController } from './define-anchor/define-anchor.controller';
import { ListAnchorsController } from './list-anchors/list-anchors.controller';

/** Anchors (key dates the escalation timeline is centred on): define, list. */
@Module({
  controllers: [DefineAnchorController, ListAnchorsController],
  providers: [DefineAnchorHandler],
})
export class AnchorModule {}
