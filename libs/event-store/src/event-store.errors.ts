import type { ExpectedRevision } from './event-store.port';

/** The stream was not at the revision the append expected. */
export class ConcurrencyError extends Error {
  override readonly name = 'ConcurrencyError';
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedRevision,
    /** Current last revision, or `'no_stream'` when the stream does not exist. */
    readonly actual: bigint | 'no_stream',
  ) {
    super(`Stream ${streamId} expected at ${String(expected)} but is at ${String(actual)}`);
  }
}

/** Reading a stream that has no events. */
export class StreamNotFoundError extends Error {
  override readonly name = 'StreamNotFoundError';
  constructor(readonly streamId: string) {
    super(`Stream ${streamId} not found`);
  }
}

/**
 * The store has no space for the append (a full disk, or SQLite's size cap): nothing of it
 * was written, and appends fail alike until space is freed. HTTP answers 507.
 */
export class StorageFullError extends Error {
  override readonly name = 'StorageFullError';
  constructor(cause?: unknown) {
    super('The event store has no space left for appends; nothing was written', { cause });
  }
}
