import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';

/** Longest `detail` echoed back: a refused URL can be as long as the headers allow. */
const MAX_DETAIL = 200;

const problemBody = (status: number, detail: string, code?: string) =>
  JSON.stringify({
    type: 'about:blank',
    title: STATUS_CODES[status] ?? 'Error',
    status,
    detail: detail.length > MAX_DETAIL ? `${detail.slice(0, MAX_DETAIL)}…` : detail,
    code,
  });

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
    .send(problemBody(status, error.message, error.code));
}

/** Node's refusals that happen before Fastify sees a request, by their error code. */
const CLIENT_ERRORS: Readonly<Record<string, { status: number; detail: string }>> = {
  // Both the headers timeout and the whole-request timeout (a body trickling in) report this code.
  ERR_HTTP_REQUEST_TIMEOUT: {
    status: 408,
    detail: 'The request was not received in time (HEADERS_TIMEOUT_MS / REQUEST_TIMEOUT_MS).',
  },
  HPE_HEADER_OVERFLOW: {
    status: 431,
    detail: 'The request line and headers (a long query string included) are larger than the server accepts.',
  },
};

/**
 * Fastify's `clientErrorHandler` option, for errors of Node's HTTP parser and its request
 * timeouts: they happen on the socket, before any request object exists, so no hook or
 * filter runs. Fastify's default answers them as `application/json`; this writes the
 * same problem document as everywhere else, then closes the connection as Node does.
 */
export function clientErrorAsProblem(error: Error & { code?: string }, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const { status, detail } = CLIENT_ERRORS[error.code ?? ''] ?? { status: 400, detail: 'Malformed HTTP request.' };
  // A response already under way on this socket cannot be followed by another status line.
  const inFlight = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
  if (socket.writable && !inFlight?.headersSent) {
    const body = problemBody(status, detail, error.code);
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n` +
        'content-type: application/problem+json; charset=utf-8\r\n' +
        `content-length: ${Buffer.byteLength(body)}\r\n` +
        'x-content-type-options: nosniff\r\n' +
        'connection: close\r\n\r\n' +
        body,
    );
  }
  socket.destroy(error);
}
