import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { DomainError } from '@tracker/domain/shared/domain-error';
import { ConcurrencyError, StorageFullError } from '@tracker/event-store/event-store.errors';
import { RevisionMismatchError } from '@tracker/commands/revision-mismatch.error';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { STATUS_CODES } from 'node:http';
import { IdempotentReplay } from '../idempotency/idempotency.guard';
import { correlationIdOf } from '../observability/correlation-id';
import { redactUrl } from '../observability/logger.options';
import { InvalidInputError, type ProblemDetails } from './problem-details';

const DOMAIN_STATUS = { conflict: 409, 'rule-violation': 422, 'not-found': 404 } as const;

/** Renders every error as `application/problem+json` (only unknown failures become 500s), and sends idempotent replays. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('http');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    if (exception instanceof IdempotentReplay) return exception.send(http.getResponse<FastifyReply>());
    const problem = this.toProblem(exception);
    if (problem.status >= 500) {
      const request = http.getRequest<FastifyRequest>();
      this.logger.error({
        msg: 'request failed',
        correlationId: correlationIdOf(request.raw),
        req: { method: request.method, url: redactUrl(request.url) },
        err: exception instanceof Error ? exception : new Error(String(exception)),
      });
    }
    http
      .getResponse<FastifyReply>()
      .status(problem.status)
      .header('content-type', 'application/problem+json; charset=utf-8')
      .send(problem);
  }

  private toProblem(exception: unknown): ProblemDetails {
    if (exception instanceof InvalidInputError) {
      return { ...problem(400, 'Invalid input', exception.message), errors: exception.errors };
    }
    if (exception instanceof DomainError) {
      return { ...problem(DOMAIN_STATUS[exception.kind], exception.code, exception.message), code: exception.code };
    }
    if (exception instanceof ConcurrencyError) {
      return {
        ...problem(409, 'Concurrent write', 'The record changed while this request was handled; reload and retry.'),
        code: 'concurrency',
        expectedRevision: String(exception.expected),
        actualRevision: String(exception.actual),
      };
    }
    if (exception instanceof RevisionMismatchError) {
      return {
        ...problem(412, 'Precondition failed', 'If-Match names a revision the record is not at; reload and retry.'),
        code: 'revision-mismatch',
        expectedRevision: String(exception.expected),
        actualRevision: String(exception.actual),
      };
    }
    if (exception instanceof StorageFullError) {
      // Not a 500: the server is fine and nothing was written, so the client may retry once space is freed.
      return {
        ...problem(507, 'Insufficient Storage', 'The event store has no space left; nothing was recorded.'),
        code: 'storage-full',
      };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      return problem(status, exception.message, messageOf(exception.getResponse()));
    }
    // Fastify's own errors carry a status: a 4xx one is the client's doing, e.g. a body it abandoned or that
    // the request timeout cut off (answered 408 on the socket already). Not a server failure, so no 500 and no error log.
    const status = (exception as { statusCode?: unknown } | null)?.statusCode;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      return problem(status, STATUS_CODES[status] ?? 'Client error', String((exception as Error).message));
    }
    return problem(500, 'Internal error', 'The server failed to handle the request.');
  }
}

function problem(status: number, title: string, detail?: string): ProblemDetails {
  return { type: 'about:blank', title, status, detail };
}

function messageOf(response: string | object): string | undefined {
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  return Array.isArray(message) ? message.join('; ') : typeof message === 'string' ? message : undefined;
}
