import {
  type CanActivate,
  type ExecutionContext,
  ForbiddenException,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { allows, permissionFor } from './access-policy';
import { hashApiKey } from '@tracker/runtime/api-key-hash';
import type { Principal } from './api-keys';

/** Local installs without keys act as this principal; they listen on loopback only. */
export const LOCAL_PRINCIPAL: Principal = { id: 'local', role: 'admin' };

/** DI token for the configured keys (SHA-256 hex → principal). */
export const API_KEYS = Symbol('API_KEYS');

/** Authenticates `Authorization: Bearer <key>` and checks the route's permission against the key's role. */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(private readonly keys: ReadonlyMap<string, Principal>) {}

  canActivate(context: ExecutionContext): boolean {
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest & { principal?: Principal }>();
    const path = (request.routeOptions?.url ?? request.url).split('?')[0];
    const permission = permissionFor(request.method, path);
    if (this.keys.size === 0) {
      request.principal = LOCAL_PRINCIPAL;
      return true;
    }
    const header = request.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer\s+(\S{8,512})$/i.exec(header) : null;
    const principal = match ? this.keys.get(hashApiKey(match[1])) : undefined;
    if (principal) request.principal = principal;
    if (permission === 'public') return true;
    if (!principal) {
      http.getResponse<FastifyReply>().header('www-authenticate', 'Bearer realm="tracker"');
      throw new UnauthorizedException('A valid API key is required: Authorization: Bearer <key>');
    }
    if (!allows(principal.role, permission)) {
      throw new ForbiddenException(`Role ${principal.role} may not ${permission} (${request.method} ${path})`);
    }
    return true;
  }
}
