import type { DomainEvent } from '@tracker/domain/shared/decider';
import { anchorsProjection } from './anchors/anchors.projection';
import { diplomaticEngagementsProjection } from './diplomatic-engagements/diplomatic-engagements.projection';
import { escalationSignalsProjection } from './escalation/escalation-signals.projection';
import { exportControlsProjection } from './export-controls/export-controls.projection';
import { feedProjection } from './feed/feed.projection';
import { policyActionsProjection } from './policy-actions/policy-actions.projection';
import type { Projection } from './projection';
import { sanctionedEntitiesProjection } from './sanctioned-entities/sanctioned-entities.projection';
import { statementsProjection } from './statements/statements.projection';

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
