import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { InvalidInputError } from './problem-details';

/**
 * The stream revision named by `If-Match` (an ETag this API returned, e.g. `"3"`), or
 * `undefined` when absent. Pass it as `handleCommand(..., { ifMatch })`: a mismatch is a `412`.
 */
export const IfMatch = createParamDecorator((_: unknown, ctx: ExecutionContext): bigint | undefined => {
  const header = ctx.switchToHttp().getRequest<FastifyRequest>().headers['if-match'];
  if (header === undefined) return undefined;
  const match = typeof header === 'string' ? /^\s*(?:W\/)?"(\d{1,18})"\s*$/.exec(header) : null;
  if (!match) throw new InvalidInputError([{ field: 'If-Match', messages: ['If-Match must be an ETag like "3"'] }]);
  return BigInt(match[1]);
});
