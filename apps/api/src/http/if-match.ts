import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { ApiHeader, ApiResponse } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { InvalidInputError } from './problem-details';

/**
 * The stream revision named by `If-Match` (an ETag this API returned, e.g. `"3"`), or
 * `undefined` when absent. Pass it as `handleCommand(..., { ifMatch })`: a mismatch is a `412`.
 * The route that reads it documents the header and its `412`.
 */
export const IfMatch = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): bigint | undefined => {
    const header = ctx.switchToHttp().getRequest<FastifyRequest>().headers['if-match'];
    if (header === undefined) return undefined;
    const match = typeof header === 'string' ? /^\s*(?:W\/)?"(\d{1,18})"\s*$/.exec(header) : null;
    if (!match) throw new InvalidInputError([{ field: 'If-Match', messages: ['If-Match must be an ETag like "3"'] }]);
    return BigInt(match[1]);
  },
  [
    (target: object, key: string | symbol | undefined) => {
      const descriptor = Object.getOwnPropertyDescriptor(target, key!)!;
      ApiHeader({
        name: 'If-Match',
        required: false,
        description:
          'The `ETag` of the revision this change was made against, e.g. `"3"`: the change is refused (`412`) ' +
          'if the record has moved on since. Without it, the change applies to the latest revision.',
        schema: { type: 'string', pattern: '^\\s*(?:W/)?"\\d{1,18}"\\s*$', example: '"3"' },
      })(target, key!, descriptor);
      ApiResponse({ status: 412, description: '`If-Match` names a revision the record is no longer at.' })(
        target,
        key!,
        descriptor,
      );
    },
  ],
);
