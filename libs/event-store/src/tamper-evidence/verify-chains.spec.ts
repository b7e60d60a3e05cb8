import type { EventStorePort, RecordedEvent } from '../event-store.port';
import { chainEvents, GENESIS_HASH } from './event-hash';
import { ChainVerifier, verifyChains } from './verify-chains';

type Stored = Pick<RecordedEvent, 'streamId' | 'revision' | 'type' | 'data' | 'metadata'>;

/** A stream written the way `handleCommand` writes it: hashes chained from the genesis hash. */
function stream(streamId: string, texts: string[]): Stored[] {
  const events = texts.map((text) => ({ type: 'StatementRecorded', data: { text }, metadata: { schemaVersion: 2 } }));
  return chainEvents(GENESIS_HASH, events).map((e, i) => ({ ...e, streamId, revision: BigInt(i) }));
}

function verify(events: Stored[]) {
  const verifier = new ChainVerifier();
  events.forEach((e) => verifier.add(e));
  return verifier.report();
}

describe('ChainVerifier', () => {
  it('given intact interleaved streams, then counts streams and events and finds no break', () => {
    const [a, b] = [stream('statement-a', ['1', '2', '3']), stream('statement-b', ['x', 'y'])];
    expect(verify([a[0], b[0], a[1], b[1], a[2]])).toEqual({ streams: 2, events: 5, breaks: [] });
  });

  it('given an edited event, then reports its revision once, not every later link', () => {
    const a = stream('statement-a', ['1', '2', '3', '4']);
    a[1] = { ...a[1], data: { text: 'forged' } };
    const report = verify(a);
    expect(report.breaks).toEqual([
      {
        streamId: 'statement-a',
        revision: 1n,
        expected: expect.stringMatching(/^[0-9a-f]{64}$/),
        found: a[1].metadata.hash,
      },
    ]);
    expect(report.breaks[0].expected).not.toBe(report.breaks[0].found);
    expect(report.events).toBe(4);
  });

  it('given a deleted middle event, then the next event breaks', () => {
    const a = stream('statement-a', ['1', '2', '3']);
    expect(verify([a[0], a[2]]).breaks).toEqual([expect.objectContaining({ revision: 2n })]);
  });

  it('given events from before hashing, then the first one is a break with found null', () => {
    const legacy: Stored[] = [0, 1].map((i) => ({
      streamId: 'statement-old',
      revision: BigInt(i),
      type: 'StatementRecorded',
      data: { text: `${i}` },
      metadata: { schemaVersion: 1 },
    }));
    expect(verify(legacy).breaks).toEqual([
      expect.objectContaining({ streamId: 'statement-old', revision: 0n, found: null }),
    ]);
  });

  it('reports the first break of each broken stream', () => {
    const a = stream('statement-a', ['1', '2']);
    const b = stream('statement-b', ['1', '2']);
    a[0] = { ...a[0], type: 'StatementRetracted' };
    b[1] = { ...b[1], metadata: { ...b[1].metadata, hash: 'f'.repeat(64) } };
    expect(verify([...a, ...b]).breaks.map((x) => [x.streamId, x.revision])).toEqual([
      ['statement-a', 0n],
      ['statement-b', 1n],
    ]);
  });
});

describe('verifyChains', () => {
  const all = [...stream('statement-a', ['1', '2']), ...stream('statement-b', ['1'])];
  const store = {
    async *readAll() {
      yield* all;
    },
    async *readStream(streamId: string) {
      yield* all.filter((e) => e.streamId === streamId);
    },
  } as unknown as EventStorePort;

  it('reads $all, or only the named stream', async () => {
    expect(await verifyChains(store)).toEqual({ streams: 2, events: 3, breaks: [] });
    expect(await verifyChains(store, { streamId: 'statement-b' })).toEqual({ streams: 1, events: 1, breaks: [] });
  });
});
