import { randomUUID } from 'node:crypto';
import type { Decider, DomainCommand, DomainEvent } from '@tracker/domain/shared/decider';
import { upcast } from '@tracker/domain/upcasting/upcast';
import { ConcurrencyError, StreamNotFoundError } from '@tracker/event-store/event-store.errors';
import type { EventData, EventStorePort, JsonObject, Position } from '@tracker/event-store/event-store.port';
import { chainEvents, GENESIS_HASH, storedHash } from '@tracker/event-store/tamper-evidence/event-hash';
import { type CommandContext, deterministicId } from './command-context';
import { RevisionMismatchError } from './revision-mismatch.error';

/** Metadata stored with every event. */
export interface EventMetadata extends JsonObject {
  recordedAt: string;
  actor: string;
  correlationId: string;
  causationId: string;
  schemaVersion: number;
  /** Tamper-evidence chain link; see `eventHash`. */
  hash?: string;
}

/** What a handled command appended. */
export interface CommandResult {
  readonly streamId: string;
  readonly nextRevision: bigint;
  readonly position: Position;
}

/** What a write command resolves to: the id of the record it wrote and what it appended to the record's stream. */
export interface Written {
  readonly id: string;
  readonly result: CommandResult;
}

/** Id of the `index`th event a command appends: derived from its idempotency key when it has one. */
const eventIdOf = (context: CommandContext, streamId: string, index: number) =>
  context.idempotencyKey
    ? deterministicId('event', context.actor, context.idempotencyKey, streamId, String(index))
    : randomUUID();

/**
 * Folds a stream, upcast to the current schemas, into state; a missing stream is the initial
 * state at `'no_stream'`. `lastHash` is the stored `metadata.hash` of the last event (`undefined`
 * for a missing stream or one whose last event predates hashing), the link the next append chains on.
 * With `retryOf` (a command's idempotency context), `landed` is what that command appended
 * earlier, if it did: its events carry ids derived from the key (see `eventIdOf`).
 */
export async function aggregateStream<E extends DomainEvent, S>(
  store: EventStorePort,
  streamId: string,
  decider: Pick<Decider<DomainCommand, E, S>, 'evolve' | 'initialState'>,
  retryOf?: CommandContext,
): Promise<{
  state: S;
  revision: bigint | 'no_stream';
  lastHash: string | undefined;
  landed?: Omit<CommandResult, 'streamId'>;
}> {
  let state = decider.initialState();
  let revision: bigint | 'no_stream' = 'no_stream';
  let lastHash: string | undefined;
  let landed: Omit<CommandResult, 'streamId'> | undefined;
  // The earlier append's events are consecutive: look for its first, then follow it while the ids match.
  let next = retryOf?.idempotencyKey ? 0 : -1;
  let wanted = next === 0 ? eventIdOf(retryOf!, streamId, 0) : undefined;
  try {
    for await (const event of store.readStream(streamId)) {
      const current = upcast(event);
      state = decider.evolve(state, { type: current.type, data: current.data } as E);
      revision = event.revision;
      lastHash = storedHash(event) ?? undefined;
      if (wanted === undefined) continue;
      if (event.eventId === wanted) {
        landed = { nextRevision: event.revision, position: event.position };
        wanted = eventIdOf(retryOf!, streamId, ++next);
      } else if (next > 0) {
        wanted = undefined;
      }
    }
  } catch (error) {
    if (!(error instanceof StreamNotFoundError)) throw error;
  }
  return { state, revision, lastHash, landed };
}

/**
 * Load → decide → append, expecting the revision that was loaded, so a concurrent writer
 * surfaces as a `ConcurrencyError`. With `ifMatch` (the client's `If-Match`), any other
 * revision, before or during the append, is a `RevisionMismatchError` instead. Each event's
 * `metadata.hash` chains from the stream's last stored hash (or `GENESIS_HASH`), so the
 * expected-revision check also guarantees nobody appended between reading that hash and writing.
 *
 * `isNew` (commands that create a record under a fresh id) skips the load: the command is
 * decided on the initial state and appended with `no_stream`, which the store checks; should
 * the stream exist after all, it is loaded and the command decided again on its real state.
 *
 * With an idempotency key, a command whose events are already in the stream (a retry whose
 * first attempt landed, but whose response was lost) gets that append's result; nothing is
 * appended again, however long after the first attempt it comes.
 */
export async function handleCommand<C extends DomainCommand, E extends DomainEvent, S>(
  store: EventStorePort,
  streamId: string,
  decider: Decider<C, E, S>,
  command: C,
  context: CommandContext,
  options: { ifMatch?: bigint; isNew?: boolean } = {},
): Promise<CommandResult> {
  if (options.isNew && options.ifMatch === undefined) {
    const initial = { state: decider.initialState(), revision: 'no_stream' as const, lastHash: undefined };
    try {
      return await decideAndAppend(store, streamId, decider, command, context, initial);
    } catch (error) {
      if (!(error instanceof ConcurrencyError)) throw error;
    }
  }
  const loaded = await aggregateStream(store, streamId, decider, context);
  // A retry of a command that landed (its response lost to a crash): the same result, nothing appended again.
  // Before the If-Match check, which the retry fails, since it names the revision its first attempt started from.
  if (loaded.landed) return { streamId, ...loaded.landed };
  const { ifMatch } = options;
  if (ifMatch !== undefined && loaded.revision !== ifMatch) {
    throw new RevisionMismatchError(streamId, ifMatch, loaded.revision);
  }
  return decideAndAppend(store, streamId, decider, command, context, loaded, ifMatch);
}

/** Decide on `loaded`, chain the events on its last hash, append expecting its revision. */
async function decideAndAppend<C extends DomainCommand, E extends DomainEvent, S>(
  store: EventStorePort,
  streamId: string,
  decider: Decider<C, E, S>,
  command: C,
  context: CommandContext,
  { state, revision, lastHash }: { state: S; revision: bigint | 'no_stream'; lastHash: string | undefined },
  ifMatch?: bigint,
): Promise<CommandResult> {
  const events = decider.decide(command, state);
  const unchained = events.map((event, index): EventData => ({
    eventId: eventIdOf(context, streamId, index),
    type: event.type,
    data: event.data as JsonObject,
    metadata: {
      recordedAt: context.now.toISOString(),
      actor: context.actor,
      correlationId: context.correlationId,
      causationId: context.causationId,
      schemaVersion: decider.schemaVersions[event.type as E['type']],
    } satisfies EventMetadata,
  }));
  const toStore = chainEvents(lastHash ?? GENESIS_HASH, unchained);
  try {
    const result = await store.appendToStream(streamId, toStore, { expectedRevision: revision });
    return { streamId, ...result };
  } catch (error) {
    if (ifMatch !== undefined && error instanceof ConcurrencyError) {
      throw new RevisionMismatchError(streamId, ifMatch, error.actual);
    }
    throw error;
  }
}
