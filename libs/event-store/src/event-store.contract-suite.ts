import { randomUUID } from 'node:crypto';
import { ConcurrencyError, StreamNotFoundError } from './event-store.errors';
import type { EventData, EventStorePort, Position, RecordedEvent } from './event-store.port';
import { comparePositions, formatPosition, headOf, parsePosition } from './position';

/** What a contract run needs from each implementation. */
export interface ContractSetup {
  store: EventStorePort;
  teardown: () => Promise<void>;
}

/** Stream names are unique per test so the suite can run against a long-lived real server. */
const streamName = (category = 'contract') => `${category}-${randomUUID()}`;

const event = (type = 'Happened', data: Record<string, unknown> = {}): EventData => ({
  eventId: randomUUID(),
  type,
  data: { ...data },
  metadata: { actor: 'contract-suite' },
});

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

/** Takes `count` items from an iterable, then stops it (which must close it cleanly). */
async function take<T>(iterable: AsyncIterable<T>, count: number): Promise<T[]> {
  const out: T[] = [];
  if (count === 0) return out;
  for await (const item of iterable) {
    out.push(item);
    if (out.length === count) break;
  }
  return out;
}

/** Every `EventStorePort` implementation must pass this suite unchanged. */
export function describeEventStoreContract(label: string, setup: () => Promise<ContractSetup>): void {
  describe(`EventStorePort contract: ${label}`, () => {
    let ctx: ContractSetup;
    let store: EventStorePort;
    beforeAll(async () => {
      ctx = await setup();
      store = ctx.store;
    });
    afterAll(async () => ctx?.teardown());

    describe('expected revision', () => {
      it('no_stream creates a stream at revision 0 and then conflicts', async () => {
        const id = streamName();
        const first = await store.appendToStream(id, [event()], { expectedRevision: 'no_stream' });
        expect(first.nextRevision).toBe(0n);
        const error = await store.appendToStream(id, [event()], { expectedRevision: 'no_stream' }).catch((e) => e);
        expect(error).toBeInstanceOf(ConcurrencyError);
        expect(error).toMatchObject({ streamId: id, expected: 'no_stream', actual: 0n });
      });

      it('an exact revision appends when it matches and conflicts with the actual revision when not', async () => {
        const id = streamName();
        await store.appendToStream(id, [event(), event()], { expectedRevision: 'no_stream' });
        const next = await store.appendToStream(id, [event()], { expectedRevision: 1n });
        expect(next.nextRevision).toBe(2n);
        const error = await store.appendToStream(id, [event()], { expectedRevision: 1n }).catch((e) => e);
        expect(error).toBeInstanceOf(ConcurrencyError);
        expect(error).toMatchObject({ expected: 1n, actual: 2n });
      });

      it('an exact revision on a missing stream conflicts with actual no_stream', async () => {
        const error = await store.appendToStream(streamName(), [event()], { expectedRevision: 0n }).catch((e) => e);
        expect(error).toBeInstanceOf(ConcurrencyError);
        expect(error).toMatchObject({ expected: 0n, actual: 'no_stream' });
      });

      it('stream_exists conflicts on a missing stream and appends to an existing one', async () => {
        const id = streamName();
        const error = await store.appendToStream(id, [event()], { expectedRevision: 'stream_exists' }).catch((e) => e);
        expect(error).toBeInstanceOf(ConcurrencyError);
        expect(error).toMatchObject({ actual: 'no_stream' });
        await store.appendToStream(id, [event()], { expectedRevision: 'no_stream' });
        const next = await store.appendToStream(id, [event()], { expectedRevision: 'stream_exists' });
        expect(next.nextRevision).toBe(1n);
      });

      it('any appends whatever the state', async () => {
        const id = streamName();
        expect((await store.appendToStream(id, [event()], { expectedRevision: 'any' })).nextRevision).toBe(0n);
        expect((await store.appendToStream(id, [event()], { expectedRevision: 'any' })).nextRevision).toBe(1n);
      });

      it('of concurrent appends expecting the same revision exactly one succeeds', async () => {
        const id = streamName();
        await store.appendToStream(id, [event()], { expectedRevision: 'no_stream' });
        const results = await Promise.allSettled(
          Array.from({ length: 10 }, () => store.appendToStream(id, [event()], { expectedRevision: 0n })),
        );
        expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
        const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
        expect(rejected).toHaveLength(9);
        for (const r of rejected) expect(r.reason).toBeInstanceOf(ConcurrencyError);
        expect(await collect(store.readStream(id))).toHaveLength(2);
      });
    });

    describe('idempotent retry', () => {
      it('retrying the same event ids after the same revision returns the first result and appends nothing', async () => {
        const id = streamName();
        await store.appendToStream(id, [event()], { expectedRevision: 'no_stream' });
        const batch = [event('A'), event('B')];
        const first = await store.appendToStream(id, batch, { expectedRevision: 0n });
        const retry = await store.appendToStream(id, batch, { expectedRevision: 0n });
        expect(retry.nextRevision).toBe(first.nextRevision);
        expect(comparePositions(retry.position, first.position)).toBe(0);
        expect((await collect(store.readStream(id))).map((e) => e.type)).toEqual(['Happened', 'A', 'B']);
      });

      it('retrying a stream-creating append with no_stream is idempotent too', async () => {
        const id = streamName();
        const batch = [event('Created')];
        const first = await store.appendToStream(id, batch, { expectedRevision: 'no_stream' });
        const retry = await store.appendToStream(id, batch, { expectedRevision: 'no_stream' });
        expect(retry.nextRevision).toBe(first.nextRevision);
        expect(await collect(store.readStream(id))).toHaveLength(1);
      });
    });

    describe('readStream', () => {
      it('round-trips ids, types, data, metadata, revisions and recorded time', async () => {
        const id = streamName();
        const before = Date.now();
        const written = event('Recorded', { text: 'insurmountable red line', n: 3, nested: { ok: true }, list: ['a'] });
        const result = await store.appendToStream(id, [written], { expectedRevision: 'no_stream' });
        const [read] = await collect(store.readStream(id));
        expect(read).toMatchObject({
          eventId: written.eventId,
          type: 'Recorded',
          data: written.data,
          metadata: written.metadata,
          streamId: id,
          revision: 0n,
        });
        expect(comparePositions(read.position, result.position)).toBe(0);
        expect(read.recordedAt).toBeInstanceOf(Date);
        expect(read.recordedAt.getTime()).toBeGreaterThanOrEqual(before - 5_000);
        expect(read.recordedAt.getTime()).toBeLessThanOrEqual(Date.now() + 5_000);
      });

      it('a missing stream is a StreamNotFoundError', async () => {
        const error = await collect(store.readStream(streamName())).catch((e) => e);
        expect(error).toBeInstanceOf(StreamNotFoundError);
      });

      it('reads forwards and backwards with bounds', async () => {
        const id = streamName();
        await store.appendToStream(
          id,
          ['e0', 'e1', 'e2', 'e3', 'e4'].map((t) => event(t)),
          {
            expectedRevision: 'no_stream',
          },
        );
        const types = (events: RecordedEvent[]) => events.map((e) => e.type);
        expect(types(await collect(store.readStream(id)))).toEqual(['e0', 'e1', 'e2', 'e3', 'e4']);
        expect(types(await collect(store.readStream(id, { fromRevision: 2n, maxCount: 2 })))).toEqual(['e2', 'e3']);
        expect(types(await collect(store.readStream(id, { direction: 'backwards', maxCount: 2 })))).toEqual([
          'e4',
          'e3',
        ]);
        expect(types(await collect(store.readStream(id, { direction: 'backwards', fromRevision: 1n })))).toEqual([
          'e1',
          'e0',
        ]);
        expect(await collect(store.readStream(id, { fromRevision: 9n }))).toEqual([]);
      });
    });

    describe('readAll', () => {
      it('holds every stream in commit order with strictly increasing positions', async () => {
        const a = streamName();
        const b = streamName();
        const r1 = await store.appendToStream(a, [event('a0')], { expectedRevision: 'no_stream' });
        await store.appendToStream(b, [event('b0'), event('b1')], { expectedRevision: 'no_stream' });
        await store.appendToStream(a, [event('a1')], { expectedRevision: 0n });
        const ours = (await collect(store.readAll({ fromPosition: r1.position }))).filter(
          (e) => e.streamId === a || e.streamId === b,
        );
        expect(ours.map((e) => e.type)).toEqual(['a0', 'b0', 'b1', 'a1']);
        for (let i = 1; i < ours.length; i++) {
          expect(comparePositions(ours[i - 1].position, ours[i].position)).toBeLessThan(0);
        }
        expect(ours.some((e) => e.type.startsWith('$'))).toBe(false);
      });

      it('reads backwards from the end with a bound', async () => {
        const id = streamName();
        await store.appendToStream(id, [event('x0'), event('x1'), event('x2')], { expectedRevision: 'no_stream' });
        const last = await collect(store.readAll({ direction: 'backwards', maxCount: 2 }));
        expect(last.map((e) => e.type)).toEqual(['x2', 'x1']);
        expect(comparePositions(last[0].position, last[1].position)).toBeGreaterThan(0);
      });

      it('has its head at the last appended event (headOf)', async () => {
        const { position } = await store.appendToStream(streamName(), [event('h0'), event('h1')], {
          expectedRevision: 'no_stream',
        });
        expect(comparePositions((await headOf(store))!, position)).toBe(0);
      });

      it('positions round-trip through their text form as checkpoints', async () => {
        const id = streamName();
        const { position } = await store.appendToStream(id, [event()], { expectedRevision: 'no_stream' });
        const restored: Position = parsePosition(formatPosition(position));
        expect(comparePositions(restored, position)).toBe(0);
        const [first] = await take(store.readAll({ fromPosition: restored }), 1);
        expect(first.streamId).toBe(id);
      });
    });

    describe('subscribeToAll', () => {
      it('catches up, follows live appends, and resumes after a stored position with no skip or repeat', async () => {
        const id = streamName('sub');
        const start = await store.appendToStream(id, [event('s0')], { expectedRevision: 'no_stream' });
        await store.appendToStream(id, [event('s1'), event('s2')], { expectedRevision: 0n });
        const controller = new AbortController();
        const seen: RecordedEvent[] = [];
        const consumer = (async () => {
          for await (const e of store.subscribeToAll({ fromPosition: start.position, signal: controller.signal })) {
            if (e.streamId !== id) continue;
            seen.push(e);
            if (seen.length === 4) break;
          }
        })();
        await waitUntil(() => seen.length >= 2);
        expect(seen.map((e) => e.type)).toEqual(['s1', 's2']);
        await store.appendToStream(id, [event('s3'), event('s4')], { expectedRevision: 2n });
        await consumer;
        expect(seen.map((e) => e.type)).toEqual(['s1', 's2', 's3', 's4']);
        controller.abort();

        await store.appendToStream(id, [event('s5')], { expectedRevision: 4n });
        const checkpoint = parsePosition(formatPosition(seen[1].position));
        const resumed = await takeFromStream(store, id, checkpoint, 3);
        expect(resumed.map((e) => e.type)).toEqual(['s3', 's4', 's5']);
      });

      it('stops cleanly when aborted while waiting for live events', async () => {
        const { position } = await store.appendToStream(streamName(), [event()], { expectedRevision: 'no_stream' });
        const controller = new AbortController();
        const received: RecordedEvent[] = [];
        const consumer = (async () => {
          for await (const e of store.subscribeToAll({ fromPosition: position, signal: controller.signal })) {
            received.push(e);
          }
          return 'finished';
        })();
        await new Promise((r) => setTimeout(r, 100));
        controller.abort();
        await expect(consumer).resolves.toBe('finished');
      });
    });
  });
}

async function takeFromStream(store: EventStorePort, streamId: string, after: Position, count: number) {
  const out: RecordedEvent[] = [];
  for await (const e of store.subscribeToAll({ fromPosition: after })) {
    if (e.streamId !== streamId) continue;
    out.push(e);
    if (out.length === count) break;
  }
  return out;
}

async function waitUntil(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}
