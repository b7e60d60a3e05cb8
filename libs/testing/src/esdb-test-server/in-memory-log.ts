/** What an append expects of the stream, decoded from whichever wire option carried it. */
export type ExpectedState =
  | { readonly kind: 'any' }
  | { readonly kind: 'no_stream' }
  | { readonly kind: 'stream_exists' }
  | { readonly kind: 'revision'; readonly revision: bigint };

/** An event as a client proposes it. */
export interface ProposedEvent {
  readonly eventId: string;
  readonly type: string;
  readonly contentType: string;
  readonly data: Uint8Array;
  readonly customMetadata: Uint8Array;
}

/** An event as committed: commit and prepare positions are both `position`. */
export interface StoredEvent extends ProposedEvent {
  readonly streamId: string;
  readonly revision: bigint;
  readonly position: bigint;
  /** .NET ticks (100 ns) since the Unix epoch, as the server reports `created`. */
  readonly createdTicks: bigint;
}

/** Result of `InMemoryLog.append`; a missing `currentRevision` means the stream does not exist. */
export type AppendOutcome =
  | { readonly ok: true; readonly currentRevision?: bigint; readonly position?: bigint }
  | { readonly ok: false; readonly currentRevision?: bigint };

/** Listener for every committed event, system events included. */
export type CommitListener = (event: StoredEvent) => void;

const TICKS_PER_MS = 10_000n;
/** Rough per-record overhead so positions advance like a real log's byte offsets, not by one. */
const RECORD_OVERHEAD = 97;

/**
 * The test server's transaction log. Appends are synchronous, so a reader that takes a
 * snapshot and registers a listener in the same tick sees every event exactly once.
 */
export class InMemoryLog {
  private readonly all: StoredEvent[] = [];
  private readonly streams = new Map<string, StoredEvent[]>();
  private readonly listeners = new Set<CommitListener>();
  private nextPosition: bigint;

  constructor(firstPosition = 1_536n) {
    this.nextPosition = firstPosition;
  }

  /** Every event in commit order. */
  get events(): readonly StoredEvent[] {
    return this.all;
  }

  /** The position the next event will get; the end of `$all`. */
  get endPosition(): bigint {
    return this.nextPosition;
  }

  /** One stream's events by revision, or `undefined` when it has none. */
  stream(streamId: string): readonly StoredEvent[] | undefined {
    return this.streams.get(streamId);
  }

  /** Calls `listener` for each later commit until the returned function is called. */
  onCommit(listener: CommitListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Appends atomically when `expected` holds. Re-sending the same event ids at the position
   * they were first written is answered with the first write's result, like the real server.
   */
  append(streamId: string, expected: ExpectedState, proposed: readonly ProposedEvent[]): AppendOutcome {
    const stream = this.streams.get(streamId) ?? [];
    const current = stream.length > 0 ? BigInt(stream.length - 1) : undefined;
    const replayed = this.findReplay(stream, expected, proposed);
    if (replayed) return { ok: true, currentRevision: replayed.revision, position: replayed.position };
    if (!satisfies(expected, current)) return { ok: false, currentRevision: current };
    if (proposed.length === 0) return { ok: true, currentRevision: current };
    const createdTicks = BigInt(Date.now()) * TICKS_PER_MS;
    const committed = proposed.map((event, index): StoredEvent => {
      const position = this.nextPosition;
      this.nextPosition += BigInt(recordSize(streamId, event));
      return { ...event, streamId, revision: BigInt(stream.length + index), position, createdTicks };
    });
    stream.push(...committed);
    this.streams.set(streamId, stream);
    this.all.push(...committed);
    for (const event of committed) for (const listener of [...this.listeners]) listener(event);
    const last = committed[committed.length - 1];
    return { ok: true, currentRevision: last.revision, position: last.position };
  }

  /** The last event of an earlier identical write, when `proposed` repeats one. */
  private findReplay(
    stream: readonly StoredEvent[],
    expected: ExpectedState,
    proposed: readonly ProposedEvent[],
  ): StoredEvent | undefined {
    if (proposed.length === 0) return undefined;
    let start: number;
    switch (expected.kind) {
      case 'no_stream':
        start = 0;
        break;
      case 'revision':
        start = Number(expected.revision) + 1;
        break;
      default:
        start = stream.findIndex((event) => event.eventId === proposed[0].eventId);
    }
    if (start < 0 || start + proposed.length > stream.length) return undefined;
    const same = proposed.every((event, index) => stream[start + index].eventId === event.eventId);
    return same ? stream[start + proposed.length - 1] : undefined;
  }
}

function satisfies(expected: ExpectedState, current: bigint | undefined): boolean {
  switch (expected.kind) {
    case 'any':
      return true;
    case 'no_stream':
      return current === undefined;
    case 'stream_exists':
      return current !== undefined;
    case 'revision':
      return current === expected.revision;
  }
}

function recordSize(streamId: string, event: ProposedEvent): number {
  return RECORD_OVERHEAD + streamId.length + event.type.length + event.data.length + event.customMetadata.length;
}
