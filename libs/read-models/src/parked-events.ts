import type { DomainEvent } from '@tracker/domain/shared/decider';
import type { EventStorePort, Position } from '@tracker/event-store/event-store.port';
import { comparePositions, formatPosition } from '@tracker/event-store/position';
import { foldBatch, projected } from './fold';
import { Generations } from './generations';
import { type Projection, tablesOf } from './projection';
import type { ReadModelStore, SqlSession } from './store/read-model-store';

/** `parked`: waiting for an operator; `retried`: applied after a fix; `skipped`: left out on purpose, with a reason. */
export type ParkedStatus = 'parked' | 'retried' | 'skipped';

/** An event a projection could not apply, set aside so that the rest of the log is still applied. */
export interface ParkedEvent {
  readonly projection: string;
  readonly generation: number;
  readonly position: string;
  readonly eventId: string;
  readonly streamId: string;
  readonly revision: string;
  readonly type: string;
  readonly error: string;
  readonly attempts: number;
  readonly firstFailedAt: string;
  readonly lastFailedAt: string;
  readonly status: ParkedStatus;
  /** Who retried or skipped it, when, and (for a skip) why. */
  readonly resolvedBy: string | null;
  readonly resolvedAt: string | null;
  readonly reason: string | null;
}

/** How an event failed, as the runner tracks it between attempts. */
export interface Failure {
  readonly error: string;
  readonly attempts: number;
  readonly firstFailedAt: string;
  readonly lastFailedAt: string;
}

/** Why a retry or skip was refused; `status` is the HTTP status it maps to. */
export class ParkedEventError extends Error {
  override readonly name = 'ParkedEventError';
  constructor(
    message: string,
    readonly status: 404 | 409 | 422,
  ) {
    super(message);
  }
}

interface Row {
  projection: string;
  generation: number;
  commit_pos: number;
  prepare_pos: number;
  event_id: string;
  stream_id: string;
  revision: number;
  event_type: string;
  error: string;
  attempts: number;
  first_failed_at: string;
  last_failed_at: string;
  status: ParkedStatus;
  resolved_by: string | null;
  resolved_at: string | null;
  reason: string | null;
}

const toParked = (row: Row): ParkedEvent => ({
  projection: row.projection,
  generation: Number(row.generation),
  position: formatPosition({ commit: BigInt(row.commit_pos), prepare: BigInt(row.prepare_pos) }),
  eventId: row.event_id,
  streamId: row.stream_id,
  revision: `${row.revision}`,
  type: row.event_type,
  error: row.error,
  attempts: Number(row.attempts),
  firstFailedAt: row.first_failed_at,
  lastFailedAt: row.last_failed_at,
  status: row.status,
  resolvedBy: row.resolved_by,
  resolvedAt: row.resolved_at,
  reason: row.reason,
});

/** Longest error text kept per parked event: a stack or a huge message must not bloat the registry. */
const MAX_ERROR_LENGTH = 2000;

/** A failure's text as stored and shown: the error's own message, bounded. */
export function errorText(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.length > MAX_ERROR_LENGTH ? `${text.slice(0, MAX_ERROR_LENGTH)}…` : text;
}

const KEY = 'projection = @projection AND generation = @generation AND commit_pos = @commit AND prepare_pos = @prepare';

/**
 * The registry of parked events, one row per projection generation and log position, in the
 * read-model store beside the checkpoints: an event is parked in the same transaction as the
 * rest of its batch and the checkpoint that moves past it, so it is never both applied and
 * parked, nor lost. Rows stay after a retry or a skip, as the record of who did what and why.
 */
export const ParkedEvents = {
  schema: `CREATE TABLE IF NOT EXISTS projection_parked (
    projection TEXT NOT NULL, generation INTEGER NOT NULL, commit_pos BIGINT NOT NULL, prepare_pos BIGINT NOT NULL,
    event_id TEXT NOT NULL, stream_id TEXT NOT NULL, revision BIGINT NOT NULL, event_type TEXT NOT NULL,
    error TEXT NOT NULL, attempts INTEGER NOT NULL, first_failed_at TEXT NOT NULL, last_failed_at TEXT NOT NULL,
    status TEXT NOT NULL, resolved_by TEXT, resolved_at TEXT, reason TEXT,
    PRIMARY KEY (projection, generation, commit_pos, prepare_pos))`,

  /** Parks `event` for `projection`'s `generation`; call in the transaction that moves the checkpoint past it. */
  async park(
    tx: SqlSession,
    projection: string,
    generation: number,
    event: { position: Position; eventId: string; streamId: string; revision: bigint; type: string },
    failure: Failure,
  ): Promise<void> {
    await tx.run(
      `INSERT INTO projection_parked (projection, generation, commit_pos, prepare_pos, event_id, stream_id, revision,
         event_type, error, attempts, first_failed_at, last_failed_at, status)
       VALUES (@projection, @generation, @commit, @prepare, @eventId, @streamId, @revision, @type, @error, @attempts,
         @first, @last, 'parked')
       ON CONFLICT (projection, generation, commit_pos, prepare_pos) DO NOTHING`,
      {
        projection,
        generation,
        ...positionParams(event.position),
        eventId: event.eventId,
        streamId: event.streamId,
        revision: event.revision,
        type: event.type,
        error: failure.error,
        attempts: failure.attempts,
        first: failure.firstFailedAt,
        last: failure.lastFailedAt,
      },
    );
  },

  /** The parked events of `projection`'s serving generation, in log order (every status). */
  async list(db: SqlSession, projection: Projection<DomainEvent>): Promise<ParkedEvent[]> {
    const { generation } = await Generations.serving(db, projection);
    const rows = await db.all<Row>(
      `SELECT * FROM projection_parked WHERE projection = @projection AND generation = @generation
       ORDER BY commit_pos, prepare_pos`,
      { projection: projection.name, generation },
    );
    return rows.map(toParked);
  },

  /** How many events wait in `parked` per projection, for its serving generation (projections without any are absent). */
  async counts(db: SqlSession): Promise<Map<string, number>> {
    const rows = await db.all<{ projection: string; parked: number }>(
      `SELECT p.projection, CAST(count(*) AS INTEGER) AS parked FROM projection_parked p
       JOIN projection_generations g ON g.name = p.projection AND g.generation = p.generation
       WHERE p.status = 'parked' AND g.status = 'active' GROUP BY p.projection`,
    );
    return new Map(rows.map((row) => [row.projection, Number(row.parked)]));
  },

  /**
   * Applies a parked event to the serving generation once (after a fix, e.g. a new upcaster):
   * the event is read again from the log and folded in one transaction with the row's change
   * to `retried`, under the generation's lock, so two retries never both apply it. A fold that
   * still fails is refused (422) and counted as one more attempt.
   */
  async retry(
    db: ReadModelStore,
    store: EventStorePort,
    projection: Projection<DomainEvent>,
    position: Position,
    actor: string,
  ): Promise<ParkedEvent> {
    const { generation } = await Generations.serving(db, projection);
    const key = { projection: projection.name, generation, ...positionParams(position) };
    const event = await eventAt(store, position);
    try {
      return await db.transaction(async (tx) => {
        await Generations.lock(tx, projection.name, generation);
        const row = await waiting(tx, key);
        if (!event || event.eventId !== row.event_id) {
          throw new ParkedEventError(`the log holds no event ${row.event_id} at ${formatPosition(position)}`, 422);
        }
        await foldBatch(tx, projection, [projected(event)], tablesOf(projection, generation));
        await resolve(tx, key, 'retried', actor, null);
        return toParked((await tx.get<Row>(`SELECT * FROM projection_parked WHERE ${KEY}`, key))!);
      });
    } catch (error) {
      if (error instanceof ParkedEventError) throw error;
      await db.run(
        `UPDATE projection_parked SET attempts = attempts + 1, error = @error, last_failed_at = @now
         WHERE ${KEY} AND status = 'parked'`,
        { ...key, error: errorText(error), now: new Date().toISOString() },
      );
      throw new ParkedEventError(`still fails: ${errorText(error)}`, 422);
    }
  },

  /** Marks a parked event as left out on purpose, with who and why; it stays listed. */
  async skip(
    db: ReadModelStore,
    projection: Projection<DomainEvent>,
    position: Position,
    actor: string,
    reason: string,
  ): Promise<ParkedEvent> {
    const { generation } = await Generations.serving(db, projection);
    const key = { projection: projection.name, generation, ...positionParams(position) };
    return db.transaction(async (tx) => {
      await waiting(tx, key);
      await resolve(tx, key, 'skipped', actor, reason);
      return toParked((await tx.get<Row>(`SELECT * FROM projection_parked WHERE ${KEY}`, key))!);
    });
  },
};

const positionParams = (p: Position) => ({ commit: p.commit, prepare: p.prepare });

/** The row at `key`, if it still waits for an operator; 404 or 409 otherwise. */
async function waiting(tx: SqlSession, key: Record<string, unknown>): Promise<Row> {
  const row = await tx.get<Row>(`SELECT * FROM projection_parked WHERE ${KEY}`, key);
  if (!row) throw new ParkedEventError('no parked event at this position', 404);
  if (row.status !== 'parked') throw new ParkedEventError(`already ${row.status} by ${row.resolved_by}`, 409);
  return row;
}

async function resolve(
  tx: SqlSession,
  key: Record<string, unknown>,
  status: ParkedStatus,
  actor: string,
  reason: string | null,
): Promise<void> {
  await tx.run(
    `UPDATE projection_parked SET status = @status, resolved_by = @actor, resolved_at = @now, reason = @reason
     WHERE ${KEY}`,
    { ...key, status, actor, reason, now: new Date().toISOString() },
  );
}

/** The event at exactly `position` in `$all`, if there is one (a forward read includes its start). */
async function eventAt(store: EventStorePort, position: Position) {
  for await (const event of store.readAll({ fromPosition: position, maxCount: 1 })) {
    return comparePositions(event.position, position) === 0 ? event : undefined;
  }
  return undefined;
}
