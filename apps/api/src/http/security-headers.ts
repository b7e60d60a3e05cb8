import type { FastifyInstance, FastifyRequest } from 'fastify';
import helmet from 'helmet';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** What the headers of an answer depend on: whether it is the OpenAPI UI, and whether it went out over https. */
export interface HeaderVariant {
  readonly docs: boolean;
  readonly https: boolean;
}

/**
 * Helmet's defaults with a strict CSP (scripts and styles from our origin only), except:
 * - `/docs`: the OpenAPI UI runs inline scripts and styles, so there alone they are allowed;
 * - plain http: no `upgrade-insecure-requests`, which helmet adds by default and which sends the
 *   browser to https for every script and style; a tracker reached over plain http from another
 *   host (the compose stack) would then serve its pages unstyled and dead.
 */
export function helmetOptions({ docs, https }: HeaderVariant): Parameters<typeof helmet>[0] {
  const inline = docs ? ["'unsafe-inline'"] : [];
  return {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        styleSrc: ["'self'", ...inline],
        imgSrc: ["'self'", 'data:'],
        scriptSrc: ["'self'", ...inline],
        upgradeInsecureRequests: https ? [] : null,
      },
    },
  };
}

/**
 * Helmet's headers for one variant. They depend on nothing else in the request, so helmet runs
 * once per variant, against a response that only records them.
 */
export function securityHeaders(variant: HeaderVariant): Readonly<Record<string, string>> {
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader: (name: string, value: string | number | readonly string[]) =>
      (headers[name.toLowerCase()] = String(value)),
    removeHeader: (name: string) => delete headers[name.toLowerCase()],
  };
  let failure: unknown;
  helmet(helmetOptions(variant))(
    {} as IncomingMessage,
    recorder as unknown as ServerResponse,
    (error?: unknown) => (failure = error),
  );
  if (failure !== undefined) throw failure;
  return Object.freeze(headers);
}

/** `/docs` and everything under it (its page, scripts and styles); not `/docs-json`, which is data. */
const DOCS = /^\/docs(?:[/?]|$)/;

/**
 * The variant for a request. `request.protocol` is the socket's (TLS or not) unless Fastify's
 * `trustProxy` is configured and the request came through a trusted proxy; only then does
 * `X-Forwarded-Proto` count, so a client cannot choose its own CSP by sending the header.
 */
export function headerVariantOf(request: FastifyRequest): HeaderVariant {
  return { docs: DOCS.test(request.url), https: request.protocol === 'https' };
}

/**
 * Helmet's security headers on every answer, errors included (set in `onRequest`), computed
 * once per variant: running helmet's middleware per request cost about 6% of a write's CPU.
 */
export function useSecurityHeaders(fastify: FastifyInstance): void {
  const slot = ({ docs, https }: HeaderVariant) => (docs ? 2 : 0) + (https ? 1 : 0);
  const variants: Readonly<Record<string, string>>[] = [];
  for (const docs of [false, true]) {
    for (const https of [false, true]) variants[slot({ docs, https })] = securityHeaders({ docs, https });
  }
  fastify.addHook('onRequest', (request, reply, done) => {
    reply.headers(variants[slot(headerVariantOf(request))]);
    done();
  });
}
