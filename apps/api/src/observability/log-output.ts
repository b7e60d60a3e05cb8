import pino, { type DestinationStream } from 'pino';

/** Anything that accepts one serialized JSON log line per `write`. */
export interface LogSink {
  write(line: string): unknown;
}

/**
 * Written asynchronously, without waiting to fill a buffer: a line goes out at once, or with
 * the lines logged while the previous write was in flight. A synchronous write per line cost
 * ~5% of a request's CPU. pino flushes what is pending when the process exits (also after an
 * uncaught error); only a kill -9 can lose the lines of the last write in flight.
 */
const stdout = pino.destination({ fd: 1, sync: false, minLength: 0 });
let target: LogSink = stdout;

/**
 * The destination every logger of the API writes to: stdout, unless redirected. The loggers are built once, when the app
 * starts; routing through this stream lets a test capture the lines of an app it did not build.
 */
export const logOutput: DestinationStream = { write: (line: string) => void target.write(line) };

/** Sends log lines to `sink` until the returned function is called. */
export function redirectLogs(sink: LogSink): () => void {
  const previous = target;
  target = sink;
  return () => {
    target = previous;
  };
}
