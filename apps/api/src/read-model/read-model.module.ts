import { Module } from '@nestjs/common';
import { ReadModelQueryHandler } from './read-model.query';

/** Runs every `ReadModelQuery`: the lists and single-record reads of all kinds. */
@Module({ providers: [ReadModelQueryHandler] })
export class ReadModelModule {}
