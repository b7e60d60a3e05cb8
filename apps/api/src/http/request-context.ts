import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { CommandContext } from '@tracker/commands/command-context';
import type { FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';

import type { Principal } from '../auth/api-keys';
import { LOCAL_PRINCIPAL } from '../auth/api-key.guard';
import { correlationIdOf } from '../observability/correlation-id';
import { idempotencyKeyOf } from './idempotency-key';

/** The command context of a request: from the authenticated principal and headers, never from the body. */
export function commandContextOf(request: FastifyRequest & { principal?: Principal }): CommandContext {
  return {
    now: new Date(),
    actor: (request.principal ?? LOCAL_PRINCIPAL).id,
    // The request's id, as logged and echoed in the `x-correlation-id` response header.
    correlationId: correlationIdOf(request.raw),
    causationId: randomUUID(),
    idempotencyKey: idempotencyKeyOf(request),
  };
}

/** The request's command context (see `commandContextOf`). */
export const CommandCtx = createParamDecorator((_: unknown, ctx: ExecutionContext): CommandContext =>
  commandContextOf(ctx.switchToHttp().getRequest()),
);
