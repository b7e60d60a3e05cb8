import { applyDecorators, createParamDecorator, type ExecutionContext, HttpCode, Post } from '@nestjs/common';
import type { CommandContext } from '@tracker/commands/command-context';
import type { Written } from '@tracker/commands/handle-command';
import { formatPosition } from '@tracker/event-store/position';
import { ApiCreatedResponse } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { commandContextOf } from './request-context';
import { WriteResponse } from './write.response';

export { WriteResponse };

/** A route that appends to the log: `POST`, answered `201` with a `WriteResponse` (see `WriteRequest.answer`). */
export const WriteRoute = (path?: string) =>
  applyDecorators(
    Post(path),
    HttpCode(201),
    ApiCreatedResponse({ type: WriteResponse, description: 'Recorded: the event is in the log.' }),
  );

/** What every write route needs besides its path parameters and body. */
export interface WriteRequest {
  /** Who asks, and why: the command's context (see `commandContextOf`). */
  readonly context: CommandContext;
  /** Shapes what the write command appended as the `201` body, with the stream revision as `ETag`. */
  answer(written: Promise<Written>): Promise<WriteResponse>;
}

/** The `WriteRequest` of a write route's request. */
export const Write = createParamDecorator((_: unknown, ctx: ExecutionContext): WriteRequest => {
  const http = ctx.switchToHttp();
  const reply = http.getResponse<FastifyReply>();
  return {
    context: commandContextOf(http.getRequest<FastifyRequest>()),
    answer: async (written) => {
      const { id, result } = await written;
      reply.header('etag', `"${result.nextRevision}"`);
      return {
        id,
        streamId: result.streamId,
        revision: Number(result.nextRevision),
        position: formatPosition(result.position),
      };
    },
  };
});
