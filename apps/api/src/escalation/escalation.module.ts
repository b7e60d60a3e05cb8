import { Module } from '@nestjs/common';

/** Escalation signals, anchors and the escalation timeline: write and read use cases. */
@Module({ controllers: [], providers: [] })
export class EscalationModule {}
