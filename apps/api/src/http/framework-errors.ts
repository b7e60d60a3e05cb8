import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { STATUS_CODES } from 'node:http';

/**
 * Fastify's `frameworkErrors` option: errors raised before a route is matched (a malformed
 * URL, an over-long path parameter) never reach Nest's exception filter; this gives them
 * the same `application/problem+json` shape as every other error.
 */
export function frameworkErrorAsProblem(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  const status = error.statusCode ?? 400;
  reply
    .code(status)
    .header('content-type', 'application/problem+json; charset=utf-8')
    .send(
      JSON.stringify({
        type: 'about:blank',
        title: STATUS_CODES[status] ?? 'Error',
        status,
        detail: error.message,
        code: error.code,
      }),
    );
}
