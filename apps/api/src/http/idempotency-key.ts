import type { FastifyRequest } from 'fastify';
import { InvalidInputError } from './problem-details';

/** The request's `Idempotency-Key` (1–200 visible ASCII characters), or `undefined`; anything else is a 400. */
export function idempotencyKeyOf(request: FastifyRequest): string | undefined {
  const header = request.headers['idempotency-key'];
  if (header === undefined) return undefined;
  if (typeof header !== 'string' || !/^[\x21-\x7e]{1,200}$/.test(header)) {
    throw new InvalidInputError([{ field: 'Idempotency-Key', messages: ['must be 1–200 visible ASCII characters'] }]);
  }
  return header;
}
