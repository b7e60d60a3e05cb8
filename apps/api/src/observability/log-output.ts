import pino, { type DestinationStream } from 'pino';

/** Anything that accepts one serialized JSON log line per `write`. */
export interface LogSink {
  write(line: string): unknown;
}

const stdout = pino.destination({ fd: 1, sync: true });
let target: LogSink = stdout;

/**
 * The destination every logger of the API writes to: stdout (synchronously, so the last lines
 * before a crash are not lost), unless redirected. The loggers are built once, when the app
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
