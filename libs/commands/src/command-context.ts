import { hash, randomUUID } from 'node:crypto';

/** Who and what caused a command; becomes every event's metadata. */
export interface CommandContext {
  /** Server time; also the command's `now`. */
  readonly now: Date;
  /** The authenticated principal, never taken from a request body. */
  readonly actor: string;
  readonly correlationId: string;
  /** Id of the message (request, command) that caused these events. */
  readonly causationId: string;
  /** The client's `Idempotency-Key`: new record ids and event ids derive from it, so a retry after a crash cannot duplicate. */
  readonly idempotencyKey?: string;
}

/** A UUID-shaped id derived from `parts` (SHA-256), stable across retries. */
export function deterministicId(...parts: string[]): string {
  const hex = hash('sha256', parts.join('\u0000'), 'hex');
  return [hex.slice(0, 8), hex.slice(8, 12), `4${hex.slice(13, 16)}`, `8${hex.slice(17, 20)}`, hex.slice(20, 32)].join(
    '-',
  );
}

/** Id for a record a command creates: derived from the idempotency key when there is one, random otherwise. */
export const newRecordId = (context: CommandContext, kind: string) =>
  context.idempotencyKey ? deterministicId(kind, context.actor, context.idempotencyKey) : randomUUID();
