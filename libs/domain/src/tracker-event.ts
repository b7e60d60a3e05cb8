import type { SanctionedEntityEvent } from './sanctioned-entity/sanctioned-entity.decider';
import type { StatementEvent } from './statement/statement.decider';

/** Every event the tracker writes, as a discriminated union on `type`. */
export type TrackerEvent = StatementEvent | SanctionedEntityEvent;
