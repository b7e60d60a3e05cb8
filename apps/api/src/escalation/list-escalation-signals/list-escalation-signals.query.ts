import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { EscalationSignalView } from '@tracker/read-models/escalation-signal/escalation-signals.projection';
import {
  type EscalationSignalsFilter,
  listEscalationSignals,
} from '@tracker/read-models/escalation-signal/list-escalation-signals.sql';
import type { Page } from '@tracker/read-models/pagination';
import { ReadModels } from '@tracker/read-models/read-models';

/** A filtered page of escalation signals. */
export class ListEscalationSignalsQuery extends Query<Page<EscalationSignalView>> {
  constructor(readonly filter: EscalationSignalsFilter) {
    super();
  }
}

/** Reads the escalation-signals read model. */
@QueryHandler(ListEscalationSignalsQuery)
export class ListEscalationSignalsHandler implements IQueryHandler<ListEscalationSignalsQuery> {
  constructor(private readonly readModels: ReadModels) {}

  async execute({ filter }: ListEscalationSignalsQuery) {
    return listEscalationSignals(this.readModels.db, await this.readModels.tables('escalation-signals'), filter);
  }
}
