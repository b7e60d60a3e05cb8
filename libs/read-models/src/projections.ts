import type { DomainEvent } from '@tracker/domain/shared/decider';
import { exportControlsProjection } from './export-controls/export-controls.projection';
import type { SqliteProjection } from './projection';
import { sanctionedEntitiesProjection } from './sanctioned-entities/sanctioned-entities.projection';
import { statementsProjection } from './statements/statements.projection';

/** Every projection the product runs, in one place for the runner, the projector and rebuilds. */
export const ALL_PROJECTIONS: readonly SqliteProjection<DomainEvent>[] = [
  exportControlsProjection,
  statementsProjection,
  sanctionedEntitiesProjection,
] as SqliteProjection<DomainEvent>[];
