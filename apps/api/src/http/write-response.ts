import type { CommandResult } from '@tracker/commands/handle-command';
import { formatPosition } from '@tracker/event-store/position';
import type { FastifyReply } from 'fastify';

/** Body of every successful write. */
export interface WriteResponse {
  id: string;
  streamId: string;
  /** Stream revision after the write; also the `ETag`. */
  revision: number;
  /** Position in the global log, to wait for read models to catch up. */
  position: string;
}

/** Shapes a command result as the `201` body and sets the `ETag` to the stream revision. */
export function writeResponse(reply: FastifyReply, id: string, result: CommandResult): WriteResponse {
  reply.header('etag', `"${result.nextRevision}"`);
  return {
    id,
    streamId: result.streamId,
    revision: Number(result.nextRevision),
    position: formatPosition(result.position),
  };
}
