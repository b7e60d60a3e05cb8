import {
  type CanActivate,
  type ExecutionContext,
  ForbiddenException,
  HttpException,
  HttpStatus,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { allows, permissionFor } from './access-policy';
import { hashApiKey } from '@tracker/runtime/api-key-hash';
import type { Principal } from './api-keys';
import type { AuthFailureLimiter } from './auth-failure-limiter';

/** Local installs without keys act as this principal; they listen on loopback only. */
export const LOCAL_PRINCIPAL: Principal = { id: 'local', role: 'admin' };

/** DI token for the configured keys (SHA-256 hex → principal). */
export const API_KEYS = Symbol('API_KEYS');

/**
 * Authenticates `Authorization: Bearer <key>` and checks the route's permission against the key's role.
 * With a `failures` limiter, wrong keys are counted per client address, and an address over
 * its limit is answered 429 on every route that needs a key, a right key included: were a
 * right key let through, the answer would still tell a right guess from a wrong one. It runs
 * here, not in the throttler, because the throttler counts per key and runs after this guard.
 */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(
    private readonly keys: ReadonlyMap<string, Principal>,
    private readonly failures?: AuthFailureLimiter,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest & { principal?: Principal }>();
    const path = (request.routeOptions?.url ?? request.url).split('?')[0];
    const permission = permissionFor(request.method, path);
    if (this.keys.size === 0) {
      request.principal = LOCAL_PRINCIPAL;
      return true;
    }
    const waitMs = permission === 'public' ? 0 : (this.failures?.retryAfterMs(request.ip) ?? 0);
    if (waitMs > 0) {
      const seconds = Math.ceil(waitMs / 1000);
      http.getResponse<FastifyReply>().header('retry-after', String(seconds));
      throw new HttpException(
        `Too many failed authentications from this address; retry in ${seconds} s`,
        HttpStatus.TOO_MANY_REQUESTS,
      );
    }
    const header = request.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer\s+(\S{8,512})$/i.exec(header) : null;
    const principal = match ? this.keys.get(hashApiKey(match[1])) : undefined;
    if (principal) request.principal = principal;
    if (permission === 'public') return true;
    if (!principal) {
      // A request without credentials guesses nothing; only a key (or a malformed header) that fails counts.
      if (header !== undefined) this.failures?.recordFailure(request.ip);
      http.getResponse<FastifyReply>().header('www-authenticate', 'Bearer realm="tracker"');
      throw new UnauthorizedException('A valid API key is required: Authorization: Bearer <key>');
    }
    if (!allows(principal.role, permission)) {
      throw new ForbiddenException(`Role ${principal.role} may not ${permission} (${request.method} ${path})`);
    }
    return true;
  }
}
