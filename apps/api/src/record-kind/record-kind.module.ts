import { Module } from '@nestjs/common';
import { ListRecordKindsController } from './list-record-kinds/list-record-kinds.controller';

/** The record-kind manifest, served to clients. */
@Module({ controllers: [ListRecordKindsController] })
export class RecordKindModule {}
