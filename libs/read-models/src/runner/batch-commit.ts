import type { DomainEvent } from '@tracker/domain/shared/decider';
import type { Position } from '@tracker/event-store/event-store.port';
import { comparePositions } from '@tracker/event-store/position';
import { Generations } from '../generations';
import type { Failure } from '../parked-events';
import { type ProjectedEvent, type Projection, type Tables, tablesOf } from '../projection';
import { foldEach, type QuarantinePolicy, type RetryLater } from '../quarantine';
import type { ReadModelStore, SqlSession } from '../store/read-model-store';
import type { AppliedPositions } from './applied-positions';
import { loopKey } from './generation-loops';
import type { LeaseLoop } from './lease-loop';

type AnyProjection = Projection<DomainEvent>;
type AnyEvent = ProjectedEvent<DomainEvent>;

/**
 * Commits batches exactly once: a batch's rows and its checkpoint in one transaction, fenced
 * by the lease, with events at or before the checkpoint skipped. Folding contains failures
 * (`foldEach`): a poison event is retried in order with backoff, then parked, and never blanks
 * the events it shared a batch with.
 */
export class BatchCommit {
  /** By loop key: events that failed on their own and have attempts left, by position. */
  private readonly failures = new Map<string, Map<string, Failure>>();

  constructor(
    private readonly db: ReadModelStore,
    private readonly quarantine: QuarantinePolicy,
    private readonly lease: LeaseLoop | undefined,
    private readonly applied: AppliedPositions,
  ) {}

  /** Folds `batch` and moves the checkpoint; throws `RetryLater` when an event failed and has attempts left. */
  async commit(projection: AnyProjection, generation: number, batch: readonly AnyEvent[]): Promise<void> {
    if (batch.length === 0) return;
    const loop = loopKey({ name: projection.name, generation });
    let failures = this.failures.get(loop);
    if (!failures) this.failures.set(loop, (failures = new Map()));
    let retry: RetryLater | undefined;
    await this.transact(projection, generation, batch, async (tx, fresh, t) => {
      const outcome = await foldEach(tx, projection, generation, fresh, t, failures, this.quarantine);
      retry = outcome.retry;
      return outcome.through;
    });
    // What was folded before an event with attempts left is committed: waiters may see it.
    this.applied.committed();
    if (retry) throw retry;
  }

  /** Runs `fold` on the events of `batch` past the checkpoint, in one transaction with the checkpoint it returns. */
  private async transact(
    projection: AnyProjection,
    generation: number,
    batch: readonly AnyEvent[],
    fold: (tx: SqlSession, fresh: readonly AnyEvent[], t: Tables) => Promise<Position | undefined>,
  ): Promise<void> {
    const t = tablesOf(projection, generation);
    await this.db.transaction(async (tx) => {
      if (this.lease) await this.lease.fence(tx);
      const stored = await Generations.lock(tx, projection.name, generation);
      if (!stored || stored.status === 'retired')
        throw new Error(`${projection.name} generation ${generation} is retired`);
      const checkpoint = stored.position;
      const fresh = checkpoint ? batch.filter((event) => comparePositions(event.position, checkpoint) > 0) : batch;
      if (fresh.length === 0) return;
      // Events arrive upcast: older schema versions are brought to the current shape on read; the log is never rewritten.
      const through = await fold(tx, fresh, t);
      if (through) await Generations.checkpoint(tx, projection.name, generation, through);
    });
  }
}
