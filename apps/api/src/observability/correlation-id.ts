import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** Request and response header carrying the correlation id. */
export const CORRELATION_HEADER = 'x-correlation-id';

/** A client's id is used only if it is short and plain, so it is safe in logs, metadata and headers. */
const VALID = /^[\w.:-]{1,128}$/;

const ids = new WeakMap<object, string>();

/**
 * The request's correlation id: its `x-correlation-id` header when valid, else a new UUID.
 * Memoised on the raw Node request, so Fastify's `genReqId`, the access log, the
 * response header and `CommandCtx` (event metadata) all see the same id, in any order.
 */
export function correlationIdOf(raw: Pick<IncomingMessage, 'headers'>): string {
  let id = ids.get(raw);
  if (id === undefined) {
    const header = raw.headers[CORRELATION_HEADER];
    id = typeof header === 'string' && VALID.test(header) ? header : randomUUID();
    ids.set(raw, id);
  }
  return id;
}
