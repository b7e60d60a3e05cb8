import { Module } from '@nestjs/common';

/** Policy actions and diplomatic engagements: write and read use cases. */
@Module({ controllers: [], providers: [] })
export class PolicyActionsModule {}
