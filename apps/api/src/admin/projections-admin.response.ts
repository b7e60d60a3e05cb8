import type { GenerationStatus } from '@tracker/read-models/generations';
import type { LoopState } from '@tracker/read-models/projection-runner';

/** One generation of a projection's tables: the one serving, or one being rebuilt. */
export class ProjectionGenerationResponse {
  /** Increases with every rebuild. */
  generation!: number;
  /** Code version of the projection that built it. */
  version!: number;
  /** Whether its loop is running, retrying after a failure, or stopped. */
  state!: LoopState['state'];
  /**
   * Last log position applied; null before the first.
   * @example "128"
   */
  checkpoint!: string | null;
  /** Log positions behind the head: events on SQLite, bytes of log on EventStoreDB. */
  lag!: number;
  startedAt!: string;
  updatedAt!: string;
  /** The error of the last failed run, while retrying. */
  lastError?: string;
}

/** A projection: its code version, the generation serving and a rebuild under way. */
export class ProjectionStatusResponse {
  /** @example "statements" */
  name!: string;
  /** Code version. */
  version!: number;
  /** The generation that serves reads; null before its first start. */
  active!: ProjectionGenerationResponse | null;
  /** A rebuild in progress, which takes over once caught up. */
  rebuild!: ProjectionGenerationResponse | null;
}

/** Every projection's status. */
export class ProjectionsResponse {
  /**
   * Position of the newest event in the log; null while it is empty.
   * @example "128"
   */
  head!: string | null;
  projections!: ProjectionStatusResponse[];
}

/** A rebuild that started. */
export class RebuildResponse {
  /** @example "statements" */
  name!: string;
  /** The generation being built. */
  generation!: number;
  /** `building` until it has caught up. */
  status!: GenerationStatus;
  startedAt!: string;
}
