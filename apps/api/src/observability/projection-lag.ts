import { headOf } from '@tracker/event-store/position';
import type { EventStorePort } from '@tracker/event-store/event-store.port';
import { ParkedEvents } from '@tracker/read-models/parked-events';
import type { LoopState, ProjectionRunner } from '@tracker/read-models/projection-runner';
import type { SqlSession } from '@tracker/read-models/store/read-model-store';

/** A projection's serving generation as seen now: loop state, checkpoint and distance from the head. */
export interface ProjectionProgress {
  readonly name: string;
  readonly generation: number;
  readonly state: LoopState['state'];
  readonly lastError?: string;
  /** Commit position of the checkpoint; `undefined` before the first event was applied. */
  readonly checkpoint: bigint | undefined;
  /** Log positions behind the head of `$all` (events on SQLite, bytes on EventStoreDB); as in `/v1/admin/projections`. */
  readonly lag: number;
  /** Events parked for an operator (see `ParkedEvents`): the projection serves, but without them. */
  readonly parked: number;
}

/** The head of `$all` and each active generation's progress; one backwards read of one event plus the registries. */
export async function projectionProgress(
  runner: ProjectionRunner,
  store: EventStorePort,
  db: SqlSession,
): Promise<ProjectionProgress[]> {
  const head = (await headOf(store))?.commit;
  const generations = await runner.status();
  const parked = await ParkedEvents.counts(db);
  return generations
    .filter((g) => g.status === 'active')
    .map((g) => ({
      name: g.name,
      generation: g.generation,
      state: g.state,
      lastError: g.lastError,
      checkpoint: g.position?.commit,
      lag: head === undefined ? 0 : Math.max(0, Number(head - (g.position?.commit ?? 0n))),
      parked: parked.get(g.name) ?? 0,
    }));
}
