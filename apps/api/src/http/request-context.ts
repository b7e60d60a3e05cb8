import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { CommandContext } from '@tracker/event-store/handle-command';
import type { FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';

import type { Principal } from '../auth/api-keys';
import { LOCAL_PRINCIPAL } from '../auth/api-key.guard';
import { idempotencyKeyOf } from './idempotency-key';

const CORRELATION_HEADER = 'x-correlation-id';

/** Builds the command context from the authenticated principal and headers, never from the body. */
export const CommandCtx = createParamDecorator((_: unknown, ctx: ExecutionContext): CommandContext => {
  const request = ctx.switchToHttp().getRequest<FastifyRequest & { principal?: Principal }>();
  const header = request.headers[CORRELATION_HEADER];
  const causationId = randomUUID();
  const correlationId = typeof header === 'string' && /^[\w.:-]{1,128}$/.test(header) ? header : causationId;
  return {
    now: new Date(),
    actor: (request.principal ?? LOCAL_PRINCIPAL).id,
    correlationId,
    causationId,
    idempotencyKey: idempotencyKeyOf(request),
  };
});
