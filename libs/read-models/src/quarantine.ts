import type { DomainEvent } from '@tracker/domain/shared/decider';
import type { Position } from '@tracker/event-store/event-store.port';
import { formatPosition } from '@tracker/event-store/position';
import { foldBatch } from './fold';
import { errorText, type Failure, ParkedEvents } from './parked-events';
import type { ProjectedEvent, Projection, Tables } from './projection';
import type { SqlSession } from './store/read-model-store';

/** How often an event may fail on its own before it is parked, and the first wait between attempts. */
export interface QuarantinePolicy {
  /** Attempts before an event is parked (`PROJECTION_MAX_ATTEMPTS`, default 5). */
  readonly maxAttempts: number;
  /** Wait after the first failed attempt, doubled after each further one (capped at 30 s). */
  readonly backoffMs: number;
}

/** Defaults: five attempts 50, 100, 200 and 400 ms apart park a poison event in under a second. */
export const DEFAULT_QUARANTINE: QuarantinePolicy = { maxAttempts: 5, backoffMs: 50 };

/** A batch stopped before an event that failed and has attempts left: fold again from there after `delayMs`. */
export class RetryLater extends Error {
  override readonly name = 'RetryLater';
  constructor(
    message: string,
    readonly delayMs: number,
  ) {
    super(message);
  }
}

/**
 * SQLite result codes and PostgreSQL SQLSTATE classes that say the store failed, not the event:
 * a full disk, I/O, locks, memory, lost connections, serialisation conflicts. Such a failure
 * fails the batch and is retried as any outage is; it must never park good events as poison.
 * (Constraint violations and data exceptions, e.g. a duplicate key an event's data causes, do
 * count against the event.)
 */
const STORE_FAILURE_CODES =
  /^(SQLITE_(FULL|IOERR|BUSY|LOCKED|NOMEM|READONLY|CANTOPEN|CORRUPT|PROTOCOL|NOTADB|INTERRUPT)|(08|40|53|54|57|58|XX)[0-9A-Z]{3}$|E[A-Z]+$)/;

/** Whether `error` is the store's failure (see `STORE_FAILURE_CODES`) rather than the folded event's. */
export function isStoreFailure(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && STORE_FAILURE_CODES.test(code);
}

/** What `foldEach` did: where the checkpoint may move, and whether to come back for an event that failed. */
export interface FoldEachOutcome {
  readonly through?: Position;
  readonly retry?: RetryLater;
}

/**
 * Folds a batch inside the caller's transaction, containing failures: the batch is folded under
 * a savepoint, and a range that fails is rolled back and split in two, folded left then right,
 * down to the single events that fail. A batch without a bad event is one fold as ever; the
 * events that apply are applied once, as a whole batch would have applied them (read models do
 * not depend on batch boundaries), in about 2 log₂(n) folds per failing event. The first event
 * that fails ends the batch there while it has attempts left, so the log is still applied in
 * order and a passing failure changes nothing; once it has failed `maxAttempts` times it is
 * parked, in the same transaction as the rest of the batch and the checkpoint, and the batch
 * goes on past it. A failure of the store itself (`isStoreFailure`) is rethrown: it says nothing
 * of the event. `failures` carries the attempts of one loop between calls.
 */
export async function foldEach<E extends DomainEvent>(
  tx: SqlSession,
  projection: Projection<E>,
  generation: number,
  events: readonly ProjectedEvent<E>[],
  t: Tables,
  failures: Map<string, Failure>,
  policy: QuarantinePolicy,
): Promise<FoldEachOutcome> {
  let through: Position | undefined;
  /** Folds `range`; resolves to a retry when an event in it failed with attempts left (nothing after it is folded). */
  const fold = async (range: readonly ProjectedEvent<E>[], depth: number): Promise<RetryLater | undefined> => {
    const savepoint = `fold_range_${depth}`;
    await tx.exec(`SAVEPOINT ${savepoint}`);
    try {
      await foldBatch(tx, projection, range, t);
      await tx.exec(`RELEASE SAVEPOINT ${savepoint}`);
      for (const event of range) failures.delete(formatPosition(event.position));
      through = range[range.length - 1].position;
      return undefined;
    } catch (error) {
      // The whole transaction fails with it, and the batch is retried after the outage.
      if (isStoreFailure(error)) throw error;
      await tx.exec(`ROLLBACK TO SAVEPOINT ${savepoint}; RELEASE SAVEPOINT ${savepoint}`);
      if (range.length > 1) {
        const middle = Math.ceil(range.length / 2);
        return (await fold(range.slice(0, middle), depth + 1)) ?? (await fold(range.slice(middle), depth + 1));
      }
      return failed(range[0], error);
    }
  };
  const failed = async (event: ProjectedEvent<E>, error: unknown): Promise<RetryLater | undefined> => {
    const at = formatPosition(event.position);
    const now = new Date().toISOString();
    const earlier = failures.get(at);
    const failure: Failure = {
      error: errorText(error),
      attempts: (earlier?.attempts ?? 0) + 1,
      firstFailedAt: earlier?.firstFailedAt ?? now,
      lastFailedAt: now,
    };
    if (failure.attempts < policy.maxAttempts) {
      failures.set(at, failure);
      const delayMs = Math.min(30_000, policy.backoffMs * 2 ** (failure.attempts - 1));
      const message = `${event.type} at ${at} failed (attempt ${failure.attempts} of ${policy.maxAttempts}): ${failure.error}`;
      return new RetryLater(message, delayMs);
    }
    failures.delete(at);
    await ParkedEvents.park(tx, projection.name, generation, event, failure);
    through = event.position;
    return undefined;
  };
  const retry = await fold(events, 0);
  return { through, retry };
}
