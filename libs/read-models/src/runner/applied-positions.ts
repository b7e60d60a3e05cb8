import { sleep, wakeAll, type Wakers } from '@tracker/event-store/abortable-sleep';
import type { Position } from '@tracker/event-store/event-store.port';
import { comparePositions } from '@tracker/event-store/position';
import { Generations } from '../generations';
import type { ReadModelStore } from '../store/read-model-store';
import { loopKey } from './generation-loops';

/**
 * Read-your-writes: how far each generation has got, by its checkpoint or by the live batches
 * it passed without a transaction (`Projection.eventTypes`), so that `waitFor` can answer as
 * soon as a commit or a pass reaches a position instead of on its next poll.
 */
export class AppliedPositions {
  private readonly waiters: Wakers = new Set();
  /** By loop key: the position a live loop has passed without a transaction. */
  private readonly passedTo = new Map<string, Position>();

  constructor(private readonly db: ReadModelStore) {}

  /** A batch committed: waiters look at the checkpoints again. */
  committed(): void {
    wakeAll(this.waiters);
  }

  /** The live loop `loop` passed every event up to `position` without a transaction. */
  passed(loop: string, position: Position): void {
    this.passedTo.set(loop, position);
    wakeAll(this.waiters);
  }

  /** The live loop `loop` ended: only its checkpoint says how far it got. */
  forget(loop: string): void {
    this.passedTo.delete(loop);
  }

  /** Resolves once every active generation has applied the event at `position`. */
  async waitFor(position: Position, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const active = (await Generations.list(this.db)).filter((g) => g.status === 'active');
      const reached = (at: Position | undefined) => at !== undefined && comparePositions(at, position) >= 0;
      if (active.every((g) => reached(g.position) || reached(this.passedTo.get(loopKey(g))))) return;
      if (Date.now() > deadline) throw new Error('projections did not catch up in time');
      await sleep(50, undefined, this.waiters);
    }
  }
}
