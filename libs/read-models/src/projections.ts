import type { DomainEvent } from '@tracker/domain/shared/decider';
import { anchorsProjection } from './anchor/anchors.projection';
import { diplomaticEngagementsProjection } from './diplomatic-engagement/diplomatic-engagements.projection';
import { escalationSignalsProjection } from './escalation-signal/escalation-signals.projection';
import { exportControlsProjection } from './export-controls/export-controls.projection';
import { feedProjection } from './feed/feed.projection';
import { policyActionsProjection } from './policy-action/policy-actions.projection';
import type { Projection } from './projection';
import { sanctionedEntitiesProjection } from './sanctioned-entity/sanctioned-entities.projection';
import { statementsProjection } from './statement/statements.projection';

/** Every projection the product runs, in one place for the runner, the projector and rebuilds. */
export const ALL_PROJECTIONS: readonly Projection<DomainEvent>[] = [
  exportControlsProjection,
  statementsProjection,
  sanctionedEntitiesProjection,
  escalationSignalsProjection,
  anchorsProjection,
  policyActionsProjection,
  diplomaticEngagementsProjection,
  feedProjection,
] as Projection<DomainEvent>[];
