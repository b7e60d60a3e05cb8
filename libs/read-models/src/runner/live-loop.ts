import type { DomainEvent } from '@tracker/domain/shared/decider';
import type { EventStorePort, Position } from '@tracker/event-store/event-store.port';
import { projected } from '../fold';
import type { ProjectedEvent, Projection } from '../projection';
import type { AppliedPositions } from './applied-positions';
import type { BatchCommit } from './batch-commit';
import { loopKey } from './generation-loops';

const IDLE = Symbol('idle');
type AnyEvent = ProjectedEvent<DomainEvent>;

/** How long a live loop may pass batches its projection ignores before it writes the checkpoint. */
const PASS_FOR_MS = 1000;

/**
 * Follows `$all` live once a generation has caught up: events that arrive together are folded
 * in one batch (until the event loop turns, or `liveBatchMs`), and a batch holding none of the
 * projection's `eventTypes` is passed without a transaction, its checkpoint written within
 * `PASS_FOR_MS`. Uncommitted events are delivered again from the checkpoint by the next run.
 */
export class LiveLoop {
  constructor(
    private readonly store: EventStorePort,
    private readonly commits: BatchCommit,
    private readonly applied: AppliedPositions,
    private readonly options: { readonly liveBatchMs?: number },
  ) {}

  /** Folds live events after `fromPosition` in batches of at most `batchSize` until `signal` aborts or a batch fails. */
  async run(
    projection: Projection<DomainEvent>,
    generation: number,
    fromPosition: Position | undefined,
    batchSize: number,
    signal: AbortSignal,
  ): Promise<void> {
    // Our own abort ends the subscription even while it waits for live events, so a failed batch can resubscribe.
    const local = new AbortController();
    const subscription = this.store.subscribeToAll({ fromPosition, signal: AbortSignal.any([signal, local.signal]) });
    const iterator = subscription[Symbol.asyncIterator]();
    let batch: AnyEvent[] = [];
    let pending = iterator.next();
    const loop = loopKey({ name: projection.name, generation });
    const acts = projection.eventTypes && new Set<string>(projection.eventTypes);
    // The last event of batches passed without a transaction, and when a checkpoint was last written.
    let passed: AnyEvent | undefined;
    let written = Date.now();
    // Raced against the next event: the end of this turn of the event loop while a batch fills, and the
    // moment a passed checkpoint is due. Made once each and reused, not once per event.
    let turn: Promise<typeof IDLE> | undefined;
    let due: Promise<typeof IDLE> | undefined;
    try {
      for (;;) {
        const next =
          batch.length > 0
            ? await Promise.race([pending, (turn ??= idle(this.options.liveBatchMs))])
            : passed
              ? await Promise.race([pending, (due ??= idle(written + PASS_FOR_MS - Date.now()))])
              : await pending;
        if (next === IDLE || next.done || batch.length >= batchSize) {
          turn = undefined;
          if (
            acts &&
            batch.length > 0 &&
            !batch.some((event) => acts.has(event.type)) &&
            Date.now() - written < PASS_FOR_MS
          ) {
            passed = batch[batch.length - 1];
            this.applied.passed(loop, passed.position);
          } else {
            // A batch emptied by a due checkpoint carries the last passed event: folding it changes no row.
            await this.commits.commit(projection, generation, batch.length > 0 ? batch : passed ? [passed] : []);
            if (batch.length > 0 || passed) written = Date.now();
            passed = undefined;
            due = undefined;
          }
          batch = [];
        }
        if (next === IDLE) continue;
        if (next.done) return;
        batch.push(projected(next.value));
        pending = iterator.next();
      }
    } finally {
      this.applied.forget(loop);
      local.abort();
      await pending.catch(() => undefined);
      await iterator.return?.();
    }
  }
}

/** Resolves on the next turn of the event loop, or after `ms`. */
function idle(ms = 0): Promise<typeof IDLE> {
  if (ms > 0) return new Promise((resolve) => setTimeout(() => resolve(IDLE), ms));
  return new Promise((resolve) => setImmediate(() => resolve(IDLE)));
}
