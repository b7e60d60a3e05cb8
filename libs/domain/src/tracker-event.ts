import type { AnchorEvent } from './anchor/anchor.decider';
import type { DiplomaticEngagementEvent } from './diplomatic-engagement/diplomatic-engagement.decider';
import type { EscalationSignalEvent } from './escalation-signal/escalation-signal.decider';
import type { PolicyActionEvent } from './policy-action/policy-action.decider';
import type { SanctionedEntityEvent } from './sanctioned-entity/sanctioned-entity.decider';
import type { StatementEvent } from './statement/statement.decider';

/** Every event the tracker writes, as a discriminated union on `type`. */
export type TrackerEvent =
  | StatementEvent
  | SanctionedEntityEvent
  | PolicyActionEvent
  | EscalationSignalEvent
  | DiplomaticEngagementEvent
  | AnchorEvent;
