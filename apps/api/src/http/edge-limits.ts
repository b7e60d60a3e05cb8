import type { AppConfig } from '@tracker/runtime/app.config';
import type { FastifyHttpOptions, FastifyInstance } from 'fastify';
import type { Server } from 'node:http';
import type { Socket } from 'node:net';
import { clientErrorAsProblem } from './framework-errors';

/** Options of the Fastify server for the request timeouts, and the problem+json answers to Node's own refusals. */
export function serverLimitOptions(
  config: Pick<AppConfig, 'HEADERS_TIMEOUT_MS' | 'REQUEST_TIMEOUT_MS'>,
): Pick<FastifyHttpOptions<Server>, 'requestTimeout' | 'http' | 'clientErrorHandler'> {
  const requestTimeout = config.REQUEST_TIMEOUT_MS;
  const headersTimeout = Math.min(config.HEADERS_TIMEOUT_MS, requestTimeout);
  return {
    // Fastify sets the server's `requestTimeout` from its own option (default 0: none), so both are given.
    requestTimeout,
    http: {
      requestTimeout,
      headersTimeout,
      // Node looks for expired requests only this often (30 s by default, which would let a 10 s timeout
      // run to 40 s): a quarter of the shorter timeout keeps the overrun small, at most once a second.
      connectionsCheckingInterval: Math.max(25, Math.min(1_000, Math.floor(headersTimeout / 4))),
    },
    clientErrorHandler: clientErrorAsProblem,
  };
}

const OVER_CAP = Symbol('over the connection cap');

/**
 * Caps the open connections at `max`. Node's own `maxConnections` closes a connection past
 * it without a word (the client sees a reset and cannot tell overload from a crash), so the
 * cap is kept here instead: a connection opened while `max` are open is accepted, its first
 * request answered `503` problem+json with `Retry-After` and `Connection: close`, and then
 * closed. Node's `maxConnections` is still set, at twice the cap, so that a flood of
 * connections that never send a request cannot run the process out of file descriptors:
 * past that, connections are dropped unanswered.
 */
export function useConnectionCap(fastify: FastifyInstance, max: number): void {
  let open = 0;
  fastify.server.maxConnections = max * 2;
  fastify.server.on('connection', (socket: Socket & { [OVER_CAP]?: true }) => {
    open++;
    socket.once('close', () => open--);
    if (open > max) socket[OVER_CAP] = true;
  });
  fastify.addHook('onRequest', (request, reply, done) => {
    if (!(request.raw.socket as Socket & { [OVER_CAP]?: true })[OVER_CAP]) return done();
    void reply
      .code(503)
      .header('connection', 'close')
      .header('retry-after', '1')
      .header('content-type', 'application/problem+json; charset=utf-8')
      .send({
        type: 'about:blank',
        title: 'Service Unavailable',
        status: 503,
        detail: `The server already holds its ${max} open connections (MAX_CONNECTIONS); retry shortly.`,
        code: 'connection-limit',
      });
  });
}
