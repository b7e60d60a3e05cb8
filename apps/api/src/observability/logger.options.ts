import pino, { type Logger } from 'pino';
import { ConfigError } from '@tracker/runtime/app.config';
import { logOutput } from './log-output';

/** Levels `LOG_LEVEL` accepts; `silent` turns logging off (in-process tests). */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** One of `LOG_LEVELS`. */
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Field and header names whose values are never logged, wherever they appear. */
const SECRET = /password|passphrase|token|secret|api[-_]?key|authorization|cookie/i;
const REDACTED = '[Redacted]';

/** Probes and scrapes arrive every few seconds; at `info` they would drown the requests that matter. */
const PROBE = /^\/(health(\/|$|\?)|metrics($|\?))/;

/** `level` checked against `LOG_LEVELS` (`info` when unset); a bad value is a startup error. */
export function resolveLogLevel(level: string | undefined): LogLevel {
  const chosen = level === undefined || level === '' ? 'info' : level;
  if (!(LOG_LEVELS as readonly string[]).includes(chosen)) {
    throw new ConfigError(`LOG_LEVEL=${JSON.stringify(chosen)} is invalid: must be one of ${LOG_LEVELS.join(', ')}`);
  }
  return chosen as LogLevel;
}

/**
 * A copy of `value` with every secret-named field replaced. Only plain objects, dictionaries and
 * arrays are walked (not requests, errors or buffers, which have serializers of their own), to a bounded depth.
 */
export function redactSecrets<T>(value: T, depth = 6): T {
  if (depth < 0 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item: unknown) => redactSecrets(item, depth - 1)) as T;
  const proto: unknown = Object.getPrototypeOf(value);
  // Plain objects and null-prototype dictionaries (query-string parsers build those).
  if (proto !== Object.prototype && proto !== null && Object.getPrototypeOf(proto) !== null) return value;
  const copy: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    copy[key] = SECRET.test(key) ? REDACTED : redactSecrets(inner, depth - 1);
  }
  return copy as T;
}

/** `url` with the values of secret-named query parameters replaced. */
export function redactUrl(url: string): string {
  return url.replace(/([?&]([^=&#]*)=)([^&#]*)/g, (whole, prefix: string, name: string) =>
    SECRET.test(safeDecode(name)) ? `${prefix}${REDACTED}` : whole,
  );
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The API's root logger: JSON lines on `logOutput`, ISO time, level names, secrets redacted from every line. */
export function createLogger(level: LogLevel): Logger {
  return pino(
    { level, timestamp: pino.stdTimeFunctions.isoTime, formatters: { ...LEVEL_LABEL, log: redactSecrets } },
    logOutput,
  );
}

/**
 * The logger for access lines, which `accessLine` builds already redacted: the same output
 * and format as `createLogger`'s, without walking each line a second time.
 */
export function createAccessLogger(level: LogLevel): Logger {
  return pino({ level, timestamp: pino.stdTimeFunctions.isoTime, formatters: LEVEL_LABEL }, logOutput);
}

const LEVEL_LABEL = { level: (label: string) => ({ level: label }) };

/** An access line's level: 5xx at `error`, 4xx at `warn`, health probes and metric scrapes at `debug`, the rest `info`. */
export function accessLevel(url: string, status: number): 'error' | 'warn' | 'info' | 'debug' {
  if (status >= 500) return 'error';
  if (PROBE.test(url)) return 'debug';
  return status >= 400 ? 'warn' : 'info';
}
