import type { Decider, DomainCommand, DomainEvent } from '@tracker/domain/shared/decider';
import type { EventStorePort } from '@tracker/event-store/event-store.port';
import { type CommandContext, newRecordId } from './command-context';
import { handleCommand, type Written } from './handle-command';

/** A kind of record as its commands need it; an entry of the record-kind manifest is one. */
export interface WritableKind<C extends DomainCommand, E extends DomainEvent, S> {
  /** Stream category: a record's stream is `<category>-<id>` (design rule 4). */
  readonly category: string;
  readonly decider: Decider<C, E, S>;
}

/** A command of `C` by its type and data; its `now` is always the context's. */
export interface Intent<C extends DomainCommand, T extends C['type']> {
  readonly type: T;
  readonly data: Extract<C, { type: T }>['data'];
}

/** Handles `intent` on the stream of record `id` of `kind` (see `handleCommand`); resolves to the id and the append. */
export async function writeRecord<C extends DomainCommand, E extends DomainEvent, S, T extends C['type']>(
  store: EventStorePort,
  context: CommandContext,
  kind: WritableKind<C, E, S>,
  id: string,
  intent: Intent<C, T>,
  options?: { ifMatch?: bigint; isNew?: boolean },
): Promise<Written> {
  const command = { ...intent, now: context.now } as Extract<C, { type: T }>;
  const result = await handleCommand(store, `${kind.category}-${id}`, kind.decider, command, context, options);
  return { id, result };
}

/**
 * Creates a record of `kind` under a new id, `newRecordId(context, kind.category)`: a retry with
 * the same `Idempotency-Key` gets the same id, so it meets the first attempt's stream instead of
 * making a second record. The command `intent` builds for that id is handled as `isNew`.
 */
export function createRecord<C extends DomainCommand, E extends DomainEvent, S, T extends C['type']>(
  store: EventStorePort,
  context: CommandContext,
  kind: WritableKind<C, E, S>,
  intent: (id: string) => Intent<C, T>,
): Promise<Written> {
  const id = newRecordId(context, kind.category);
  return writeRecord(store, context, kind, id, intent(id), { isNew: true });
}
