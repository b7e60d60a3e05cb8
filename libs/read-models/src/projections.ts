import type { DomainEvent } from '@tracker/domain/shared/decider';
import { exportControlsProjection } from './export-controls/export-controls.projection';
import { feedProjection } from './feed/feed.projection';
import type { Projection } from './projection';
import { READ_MODEL_KINDS } from './record-kinds';

/**
 * Every projection the product runs, for the runner, the projector and rebuilds: each kind's own
 * (`READ_MODEL_KINDS`), then the views across kinds, the export-controls timeline and the feed.
 */
export const ALL_PROJECTIONS: readonly Projection<DomainEvent>[] = [
  // Each kind's projections take its own events; the runner hands them every event (they ignore the rest).
  ...Object.values(READ_MODEL_KINDS).flatMap((kind) => kind.projections as readonly Projection<DomainEvent>[]),
  exportControlsProjection,
  feedProjection,
] as Projection<DomainEvent>[];
