import {
  type CanActivate,
  ConflictException,
  type ExecutionContext,
  Injectable,
  type OnModuleInit,
  UnprocessableEntityException,
} from '@nestjs/common';
import type { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { canonicalJson } from '@tracker/event-store/tamper-evidence/canonical-json';
import { hash } from 'node:crypto';
import type { Principal } from '../auth/api-keys';
import { LOCAL_PRINCIPAL } from '../auth/api-key.guard';
import { idempotencyKeyOf } from '../http/idempotency-key';
import { assertJsonShape } from '../http/json-shape.pipe';
import { IdempotencyStore, type StoredResponse } from './idempotency.store';

/** Where a request keeps the key it claimed until its response is stored or the key released. */
const CLAIMED = Symbol('idempotency claim');

type KeyedRequest = FastifyRequest & { principal?: Principal; [CLAIMED]?: { principal: string; key: string } };

/** Thrown by the guard to answer a retry with the stored first response; `ProblemDetailsFilter` sends it. */
export class IdempotentReplay extends Error {
  constructor(readonly response: StoredResponse) {
    super('idempotent replay');
  }

  /** Sends the stored response, marked `Idempotent-Replayed: true`. */
  send(reply: FastifyReply): void {
    const { status, payload, body, etag, contentType } = this.response;
    if (etag) reply.header('etag', etag);
    reply
      .status(status)
      .header('idempotent-replayed', 'true')
      .header('content-type', contentType ?? 'application/json; charset=utf-8')
      // Responses stored before payloads were kept as sent hold the body as an object.
      .send(payload ?? JSON.stringify(body));
  }
}

/**
 * `Idempotency-Key` on every POST: the same key and body return the first response and
 * append nothing; the same key with another body is a `422`; a retry while the first is
 * still running is a `409`. Failed requests are not remembered, so they can be retried.
 *
 * The last global guard (after authentication, roles and rate limits) claims the key, and
 * Fastify's `onSend` hook stores the response as sent, or releases the key if it failed.
 * Not a Nest interceptor: those wrap every request, keyed or not, in RxJS and
 * `AsyncResource.bind`, which cost the API about a sixth of its throughput.
 */
@Injectable()
export class IdempotencyGuard implements CanActivate, OnModuleInit {
  constructor(
    private readonly keys: IdempotencyStore,
    private readonly adapterHost: HttpAdapterHost,
    private readonly onReplay: () => void = () => undefined,
  ) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    fastify?.addHook('onSend', (request: KeyedRequest, reply, payload, done) => {
      const claim = request[CLAIMED];
      if (claim === undefined) return done(null, payload);
      request[CLAIMED] = undefined;
      this.settle(claim.principal, claim.key, reply, payload).then(() => done(null, payload), done);
    });
  }

  canActivate(context: ExecutionContext): boolean | Promise<boolean> {
    const http = context.switchToHttp();
    const request = http.getRequest<KeyedRequest>();
    if (request.method !== 'POST') return true;
    const key = idempotencyKeyOf(request);
    if (key === undefined) return true;
    return this.claim(request, http.getResponse<FastifyReply>(), key);
  }

  private async claim(request: KeyedRequest, reply: FastifyReply, key: string): Promise<boolean> {
    const principal = (request.principal ?? LOCAL_PRINCIPAL).id;
    // Guards run before pipes: the body gets the pipes' depth and shape limits before anything walks it.
    assertJsonShape(request.body, 'body');
    // Canonical JSON (sorted keys), so the same body in another key order is the same request.
    const fingerprint = hash('sha256', `${request.method} ${request.url}\n${canonicalJson(request.body)}`, 'hex');
    const claim = await this.keys.claim(principal, key, fingerprint);
    switch (claim.kind) {
      case 'replay':
        this.onReplay();
        throw new IdempotentReplay(claim.response);
      case 'mismatch':
        throw new UnprocessableEntityException('This Idempotency-Key was used with a different request body');
      case 'in-progress':
        reply.header('retry-after', '1');
        throw new ConflictException('A request with this Idempotency-Key is still being handled');
      case 'claimed':
        request[CLAIMED] = { principal, key };
        return true;
    }
  }

  /** Stores a successful response exactly as sent; releases the key of a failed one. */
  private async settle(principal: string, key: string, reply: FastifyReply, payload: unknown): Promise<void> {
    const text =
      typeof payload === 'string' ? payload : Buffer.isBuffer(payload) ? payload.toString('utf8') : undefined;
    if (reply.statusCode >= 400 || text === undefined) return this.keys.release(principal, key);
    const etag = reply.getHeader('etag');
    const contentType = reply.getHeader('content-type');
    await this.keys.complete(principal, key, {
      status: reply.statusCode,
      payload: text,
      etag: typeof etag === 'string' ? etag : undefined,
      contentType: typeof contentType === 'string' ? contentType : undefined,
    });
  }
}
