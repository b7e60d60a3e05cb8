import { randomUUID } from 'node:crypto';
import type { Decider, DomainCommand, DomainEvent } from '@tracker/domain/shared/decider';
import { ConcurrencyError, StreamNotFoundError } from './event-store.errors';
import type { EventData, EventStorePort, JsonObject, Position } from './event-store.port';

/** Who and what caused a command; becomes every event's metadata. */
export interface CommandContext {
  /** Server time; also the command's `now`. */
  readonly now: Date;
  /** The authenticated principal, never taken from a request body. */
  readonly actor: string;
  readonly correlationId: string;
  /** Id of the message (request, command) that caused these events. */
  readonly causationId: string;
}

/** Metadata stored with every event. */
export interface EventMetadata extends JsonObject {
  recordedAt: string;
  actor: string;
  correlationId: string;
  causationId: string;
  schemaVersion: number;
}

/** What a handled command appended. */
export interface CommandResult {
  readonly streamId: string;
  readonly nextRevision: bigint;
  readonly position: Position;
}

/** `If-Match` named a revision the record is no longer (or never was) at. */
export class RevisionMismatchError extends Error {
  override readonly name = 'RevisionMismatchError';
  constructor(
    readonly streamId: string,
    readonly expected: bigint,
    readonly actual: bigint | 'no_stream',
  ) {
    super(`${streamId} is at revision ${String(actual)}, not ${expected}`);
  }
}

/** Folds a stream into state; a missing stream is the initial state at `'no_stream'`. */
export async function aggregateStream<E extends DomainEvent, S>(
  store: EventStorePort,
  streamId: string,
  decider: Pick<Decider<DomainCommand, E, S>, 'evolve' | 'initialState'>,
): Promise<{ state: S; revision: bigint | 'no_stream' }> {
  let state = decider.initialState();
  let revision: bigint | 'no_stream' = 'no_stream';
  try {
    for await (const event of store.readStream(streamId)) {
      state = decider.evolve(state, { type: event.type, data: event.data } as E);
      revision = event.revision;
    }
  } catch (error) {
    if (!(error instanceof StreamNotFoundError)) throw error;
  }
  return { state, revision };
}

/**
 * Load → decide → append, expecting the revision that was loaded, so a concurrent writer
 * surfaces as a `ConcurrencyError`. With `ifMatch` (the client's `If-Match`), any other
 * revision, before or during the append, is a `RevisionMismatchError` instead.
 */
export async function handleCommand<C extends DomainCommand, E extends DomainEvent, S>(
  store: EventStorePort,
  streamId: string,
  decider: Decider<C, E, S>,
  command: C,
  context: CommandContext,
  options: { ifMatch?: bigint } = {},
): Promise<CommandResult> {
  const { state, revision } = await aggregateStream(store, streamId, decider);
  const { ifMatch } = options;
  if (ifMatch !== undefined && revision !== ifMatch) throw new RevisionMismatchError(streamId, ifMatch, revision);
  const events = decider.decide(command, state);
  const toStore = events.map((event): EventData => ({
    eventId: randomUUID(),
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
