import type { EventStorePort, RecordedEvent } from '../event-store.port';
import { eventHash, GENESIS_HASH, storedHash } from './event-hash';

/** Where a stream's chain first stops matching its events. */
export interface ChainBreak {
  readonly streamId: string;
  readonly revision: bigint;
  /** The hash recomputed from the stored event and its predecessor's stored hash. */
  readonly expected: string;
  /** The hash stored in `metadata.hash`; `null` when the event has none. */
  readonly found: string | null;
}

/** Outcome of a verification run. */
export interface ChainReport {
  readonly streams: number;
  readonly events: number;
  /** At most one per stream (its first break), in the order the breaks were met. */
  readonly breaks: ChainBreak[];
}

/**
 * Folds events (each stream in revision order, streams interleaved as in `$all`) into a report.
 * After a stream's first break its later events are counted but not checked: one edit already
 * invalidates every later link, so further breaks would only repeat it. Events written before
 * hashing existed carry no `metadata.hash` and are reported as a break with `found: null`.
 * Limitation: a chain cannot show that a stream's newest events were cut off.
 */
export class ChainVerifier {
  private readonly last = new Map<string, string | undefined>();
  private readonly breaks: ChainBreak[] = [];
  private events = 0;

  /** Checks one event against the stored hash of the event before it in the same stream. */
  add(event: Pick<RecordedEvent, 'streamId' | 'revision' | 'type' | 'data' | 'metadata'>): void {
    this.events++;
    const previous = this.last.has(event.streamId) ? this.last.get(event.streamId) : GENESIS_HASH;
    if (previous === undefined) return;
    const expected = eventHash(previous, event);
    const found = storedHash(event);
    if (found === expected) {
      this.last.set(event.streamId, found);
    } else {
      this.breaks.push({ streamId: event.streamId, revision: event.revision, expected, found });
      this.last.set(event.streamId, undefined);
    }
  }

  /** The report so far. */
  report(): ChainReport {
    return { streams: this.last.size, events: this.events, breaks: [...this.breaks] };
  }
}

/**
 * Recomputes every hash chain in `$all` (or only `options.streamId`; a missing stream throws
 * `StreamNotFoundError`). Memory grows with the number of streams (one hash each), not events.
 */
export async function verifyChains(store: EventStorePort, options: { streamId?: string } = {}): Promise<ChainReport> {
  const verifier = new ChainVerifier();
  const events = options.streamId === undefined ? store.readAll() : store.readStream(options.streamId);
  for await (const event of events) verifier.add(event);
  return verifier.report();
}
