import type { LoggerService } from '@nestjs/common';
import type { Level, Logger } from 'pino';

/**
 * Nest's `LoggerService` on a pino logger, for the app's own lines (startup, projections,
 * errors). Nest passes a logger's context as the last parameter; it becomes the `context`
 * field. An `Error` message becomes `err`, an object message is merged into the line.
 * No request-scoped binding (that needs `AsyncLocalStorage`, whose hooks every promise of
 * every request would pay): lines about a request carry its `correlationId` themselves.
 */
export class NestPinoLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  /** Info line. */
  readonly log = this.at('info');
  /** Error line; Nest's own handlers pass `(message, stack, context)`. */
  readonly error = this.at('error');
  /** Warning line. */
  readonly warn = this.at('warn');
  /** Debug line. */
  readonly debug = this.at('debug');
  /** Nest's `verbose` is pino's `trace`. */
  readonly verbose = this.at('trace');
  /** Fatal line. */
  readonly fatal = this.at('fatal');

  private at(level: Level): (message: unknown, ...params: unknown[]) => void {
    return (message, ...params) => this.write(level, message, params);
  }

  private write(level: Level, message: unknown, params: unknown[]): void {
    if (!this.logger.isLevelEnabled(level)) return;
    const fields: Record<string, unknown> = {};
    const context = params.length > 0 ? params[params.length - 1] : undefined;
    if (typeof context === 'string') fields.context = context;
    const stack = params.length > 1 ? params[params.length - 2] : undefined;
    if (message instanceof Error) fields.err = message;
    else if (message !== null && typeof message === 'object') Object.assign(fields, message);
    else if (typeof stack === 'string') fields.stack = stack;
    this.logger[level](fields, typeof message === 'object' ? undefined : String(message));
  }
}
