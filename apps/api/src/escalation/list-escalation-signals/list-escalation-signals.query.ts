import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { EscalationSignalView } from '@tracker/read-models/escalation/escalation-signals.projection';
import {
  type EscalationSignalsFilter,
  listEscalationSignals,
} from '@tracker/read-models/escalation/list-escalation-signals.query';
import type { Page } from '@tracker/read-models/pagination';
import { READ_MODEL_DB } from '@tracker/read-models/sqlite/sqlite-read-model-db';
import type Database from 'better-sqlite3';

/** A filtered page of escalation signals. */
export class ListEscalationSignalsQuery extends Query<Page<EscalationSignalView>> {
  constructor(readonly filter: EscalationSignalsFilter) {
    super();
  }
}

/** Reads the escalation-signals read model. */
@QueryHandler(ListEscalationSignalsQuery)
export class ListEscalationSignalsHandler implements IQueryHandler<ListEscalationSignalsQuery> {
  constructor(@Inject(READ_MODEL_DB) private readonly db: Database.Database) {}

  async execute({ filter }: ListEscalationSignalsQuery) {
    return listEscalationSignals(this.db, filter);
  }
}
