import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { correlationIdOf } from './correlation-id';
import { accessLevel, redactSecrets, redactUrl } from './logger.options';

/**
 * Writes a finished request's access line: `req` (id, method, URL and headers with secrets
 * redacted, client address), `res.statusCode`, `responseTime` in ms and `correlationId`.
 * Built once per request in Fastify's `onResponse` hook, with nothing bound to the request.
 */
export function logAccess(logger: Logger, request: FastifyRequest, reply: FastifyReply): void {
  const raw = request.raw;
  const url = raw.url ?? '';
  const level = accessLevel(url, reply.statusCode);
  if (!logger.isLevelEnabled(level)) return;
  const id = correlationIdOf(raw);
  logger[level](
    {
      req: {
        id,
        method: raw.method,
        url: redactUrl(url),
        headers: redactSecrets(raw.headers),
        remoteAddress: raw.socket?.remoteAddress,
        remotePort: raw.socket?.remotePort,
      },
      correlationId: id,
      res: { statusCode: reply.statusCode },
      responseTime: Math.round(reply.elapsedTime),
    },
    'request completed',
  );
}
