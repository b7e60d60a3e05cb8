import {
  type CallHandler,
  ConflictException,
  type ExecutionContext,
  Injectable,
  type NestInterceptor,
  UnprocessableEntityException,
} from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';
import { catchError, from, type Observable, of, switchMap, throwError } from 'rxjs';
import type { Principal } from '../auth/api-keys';
import { LOCAL_PRINCIPAL } from '../auth/api-key.guard';
import { idempotencyKeyOf } from '../http/idempotency-key';
import { IdempotencyStore } from './idempotency.store';

/** Canonical JSON (sorted keys) so the same body in another key order is the same request. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.keys(value as object)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * `Idempotency-Key` on every POST: the same key and body return the first response and
 * append nothing; the same key with another body is a `422`; a retry while the first is
 * still running is a `409`. Failed requests are not remembered, so they can be retried.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly keys: IdempotencyStore,
    private readonly onReplay: () => void = () => undefined,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest & { principal?: Principal }>();
    if (request.method !== 'POST') return next.handle();
    const key = idempotencyKeyOf(request);
    if (key === undefined) return next.handle();
    const reply = http.getResponse<FastifyReply>();
    const principal = (request.principal ?? LOCAL_PRINCIPAL).id;
    const fingerprint = createHash('sha256')
      .update(`${request.method} ${request.url}\n${canonical(request.body)}`)
      .digest('hex');
    return from(this.keys.claim(principal, key, fingerprint)).pipe(
      switchMap((claim) => {
        switch (claim.kind) {
          case 'replay':
            this.onReplay();
            if (claim.response.etag) reply.header('etag', claim.response.etag);
            reply.header('idempotent-replayed', 'true');
            return of(claim.response.body);
          case 'mismatch':
            throw new UnprocessableEntityException('This Idempotency-Key was used with a different request body');
          case 'in-progress':
            reply.header('retry-after', '1');
            throw new ConflictException('A request with this Idempotency-Key is still being handled');
          case 'claimed':
            return next.handle().pipe(
              switchMap((body) => {
                const etag = reply.getHeader('etag');
                const stored = { status: reply.statusCode, body, etag: typeof etag === 'string' ? etag : undefined };
                return from(this.keys.complete(principal, key, stored)).pipe(switchMap(() => of(body)));
              }),
              catchError((error: unknown) =>
                from(this.keys.release(principal, key)).pipe(switchMap(() => throwError(() => error))),
              ),
            );
        }
      }),
    );
  }
}
