import { randomUUID } from 'node:crypto';
import { createServer, type Server as NetServer, type Socket } from 'node:net';
import { EsdbTestServer } from '@tracker/testing/esdb-test-server/esdb-test-server';
import { ConcurrencyError } from '../event-store.errors';
import type { EventData, RecordedEvent } from '../event-store.port';
import { comparePositions } from '../position';
import { EventStoreDbEventStore } from './esdb-event-store';

const FAST_RECONNECT = { reconnectInitialDelayMs: 20, reconnectMaxDelayMs: 200 };

const event = (type: string): EventData => ({
  eventId: randomUUID(),
  type,
  data: { type },
  metadata: { actor: 'test' },
});

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

async function waitUntil(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe.each([
  ['BatchAppend', true],
  ['Append', false],
])('EventStoreDbEventStore over the protocol-level test server (%s)', (_mode, batchAppend) => {
  let server: EsdbTestServer;
  let store: EventStoreDbEventStore;

  beforeEach(async () => {
    server = new EsdbTestServer({ batchAppend });
    await server.start(0);
    store = new EventStoreDbEventStore(server.connectionString, FAST_RECONNECT);
  });

  afterEach(async () => {
    await store.close();
    await server.stop();
  });

  it('reports the actual revision of a conflicting stream', async () => {
    const id = `conflict-${randomUUID()}`;
    await store.appendToStream(id, [event('a'), event('b'), event('c')], { expectedRevision: 'no_stream' });
    const error = await store.appendToStream(id, [event('d')], { expectedRevision: 0n }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConcurrencyError);
    expect(error).toMatchObject({ streamId: id, expected: 0n, actual: 2n });
  });

  it('skips system events in $all and counts only user events against maxCount', async () => {
    const id = `mixed-${randomUUID()}`;
    const first = await store.appendToStream(id, [event('u0')], { expectedRevision: 'no_stream' });
    server.appendSystemEvent('$stats-test', '$statsCollected', {});
    await store.appendToStream(id, [event('u1')], { expectedRevision: 0n });
    server.appendSystemEvent('$$' + id, '$metadata', {});
    await store.appendToStream(id, [event('u2')], { expectedRevision: 1n });

    const all = await collect(store.readAll());
    expect(all.map((e) => e.type)).toEqual(['u0', 'u1', 'u2']);
    const bounded = await collect(store.readAll({ fromPosition: first.position, maxCount: 2 }));
    expect(bounded.map((e) => e.type)).toEqual(['u0', 'u1']);
    const backwards = await collect(store.readAll({ direction: 'backwards', maxCount: 2 }));
    expect(backwards.map((e) => e.type)).toEqual(['u2', 'u1']);
  });

  it('filters system events out of a subscription, during catch-up and live', async () => {
    const id = `filtered-${randomUUID()}`;
    await store.appendToStream(id, [event('c0')], { expectedRevision: 'no_stream' });
    server.appendSystemEvent('$stats-test', '$statsCollected', {});
    const seen: RecordedEvent[] = [];
    const consumer = (async () => {
      for await (const e of store.subscribeToAll()) {
        seen.push(e);
        if (seen.length === 2) break;
      }
    })();
    await waitUntil(() => seen.length === 1);
    server.appendSystemEvent('$stats-test', '$statsCollected', {});
    await store.appendToStream(id, [event('l0')], { expectedRevision: 0n });
    await consumer;
    expect(seen.map((e) => e.type)).toEqual(['c0', 'l0']);
    await waitUntil(() => server.liveSubscriptions === 0);
  });

  it('resubscribes after the server drops the connection, delivering every event exactly once', async () => {
    const id = `dropped-${randomUUID()}`;
    const other = new EventStoreDbEventStore(server.connectionString);
    await store.appendToStream(id, [event('e0'), event('e1')], { expectedRevision: 'no_stream' });
    const seen: RecordedEvent[] = [];
    const consumer = (async () => {
      for await (const e of store.subscribeToAll()) {
        if (e.streamId === id) seen.push(e);
        if (seen.length === 6) break;
      }
    })();
    await waitUntil(() => seen.length === 2);

    await server.stop();
    await new Promise((resolve) => setTimeout(resolve, 150));
    await server.start(server.port);
    await waitUntil(() => server.liveSubscriptions === 1);
    await store.appendToStream(id, [event('e2'), event('e3')], { expectedRevision: 1n });
    await other.appendToStream(id, [event('e4'), event('e5')], { expectedRevision: 3n });
    await consumer;
    await other.close();

    expect(seen.map((e) => e.type)).toEqual(['e0', 'e1', 'e2', 'e3', 'e4', 'e5']);
    expect(new Set(seen.map((e) => e.eventId)).size).toBe(6);
    for (let i = 1; i < seen.length; i++)
      expect(comparePositions(seen[i - 1].position, seen[i].position)).toBeLessThan(0);
    await waitUntil(() => server.liveSubscriptions === 0);
  });

  it('catches up on events appended while it was disconnected', async () => {
    const id = `offline-${randomUUID()}`;
    const slow = new EventStoreDbEventStore(server.connectionString, { reconnectInitialDelayMs: 500 });
    const seen: string[] = [];
    const controller = new AbortController();
    const consumer = (async () => {
      for await (const e of slow.subscribeToAll({ signal: controller.signal }))
        if (e.streamId === id) seen.push(e.type);
    })();
    await store.appendToStream(id, [event('before')], { expectedRevision: 'no_stream' });
    await waitUntil(() => seen.length === 1);
    await server.stop();
    await server.start(server.port);
    server.appendSystemEvent('$stats-test', '$statsCollected', {});
    await store.appendToStream(id, [event('while-away')], { expectedRevision: 0n });
    expect(server.liveSubscriptions).toBe(0);
    await waitUntil(() => seen.length === 2);
    controller.abort();
    await consumer;
    await slow.close();
    expect(seen).toEqual(['before', 'while-away']);
  });

  it('ends an active subscription without error on close()', async () => {
    const received: RecordedEvent[] = [];
    const consumer = (async () => {
      for await (const e of store.subscribeToAll()) received.push(e);
      return 'finished';
    })();
    await waitUntil(() => server.liveSubscriptions === 1);
    await store.close();
    await expect(consumer).resolves.toBe('finished');
  });

  it('stops resubscribing when aborted during an outage', async () => {
    const controller = new AbortController();
    const consumer = (async () => {
      for await (const e of store.subscribeToAll({ signal: controller.signal })) void e;
      return 'finished';
    })();
    await waitUntil(() => server.liveSubscriptions === 1);
    await server.stop();
    await new Promise((resolve) => setTimeout(resolve, 100));
    controller.abort();
    await expect(consumer).resolves.toBe('finished');
    await server.start(server.port);
  });

  it('refuses an empty append instead of inventing a position', async () => {
    await expect(store.appendToStream(`empty-${randomUUID()}`, [], { expectedRevision: 'any' })).rejects.toThrow(
      RangeError,
    );
  });

  it('pings a running server and fails fast once it is gone', async () => {
    await expect(store.ping()).resolves.toBeUndefined();
    await server.stop();
    const started = Date.now();
    await expect(store.ping()).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(2_000);
    await server.start(server.port);
    await expect(store.ping()).resolves.toBeUndefined();
  });
});

describe('EventStoreDbEventStore.ping against a peer that never answers', () => {
  let blackHole: NetServer;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    blackHole = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => blackHole.listen(0, '127.0.0.1', resolve));
  });

  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => blackHole.close(resolve));
  });

  it('rejects within its deadline', async () => {
    const address = blackHole.address();
    if (!address || typeof address === 'string') throw new Error('no port');
    const store = new EventStoreDbEventStore(`esdb://127.0.0.1:${address.port}?tls=false`, { pingTimeoutMs: 300 });
    const started = Date.now();
    await expect(store.ping()).rejects.toThrow(/did not answer/);
    expect(Date.now() - started).toBeLessThan(2_000);
    await store.close();
  });
});
