import { randomUUID } from 'node:crypto';
import { credentials, status, type ServiceError } from '@grpc/grpc-js';
import {
  BACKWARDS,
  END,
  EventStoreDBClient,
  START,
  WrongExpectedVersionError,
  eventTypeFilter,
  excludeSystemEvents,
  jsonEvent,
  streamNameFilter,
  type AllStreamResolvedEvent,
  type Position,
  type ResolvedEvent,
} from '@eventstore/db-client';
import { Empty } from '@eventstore/db-client/generated/shared_pb';
import { ServerFeaturesClient } from '@eventstore/db-client/generated/serverfeatures_grpc_pb';
import type { SupportedMethods } from '@eventstore/db-client/generated/serverfeatures_pb';
import { StreamsClient } from '@eventstore/db-client/generated/streams_grpc_pb';
import { ReadReq, type ReadResp } from '@eventstore/db-client/generated/streams_pb';
import { parseUUID } from '@eventstore/db-client/dist/utils/grpcUUID';
import { EsdbTestServer } from './esdb-test-server';
import { streamIdentifier as streamIdentifierOf } from './wire-codec';

const event = (type: string) => jsonEvent({ type, data: { type }, metadata: { by: 'test' } });

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

async function waitUntil(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('EsdbTestServer', () => {
  describe.each([true, false])('with batchAppend %s', (batchAppend) => {
    let server: EsdbTestServer;
    let client: EventStoreDBClient;

    beforeEach(async () => {
      server = new EsdbTestServer({ batchAppend });
      await server.start(0);
      client = EventStoreDBClient.connectionString(server.connectionString);
    });

    afterEach(async () => {
      await client.dispose();
      await server.stop();
    });

    it('advertises BatchAppend only when enabled, and serves it only then', async () => {
      const features = new ServerFeaturesClient(`127.0.0.1:${server.port}`, credentials.createInsecure());
      const methods = await new Promise<SupportedMethods>((resolve, reject) =>
        features.getSupportedMethods(new Empty(), (error, reply) => (error ? reject(error) : resolve(reply))),
      );
      features.close();
      const names = methods.getMethodsList().map((m) => `${m.getServiceName()}/${m.getMethodName()}`);
      expect(names.includes('event_store.client.streams.streams/batchappend')).toBe(batchAppend);
      expect(names).toContain('event_store.client.streams.streams/append');

      const streams = new StreamsClient(`127.0.0.1:${server.port}`, credentials.createInsecure());
      const call = streams.batchAppend();
      const outcome = await new Promise<number>((resolve) => {
        call.on('error', (error: ServiceError) => resolve(error.code));
        call.on('data', () => resolve(status.OK));
        call.end();
        call.on('end', () => resolve(status.OK));
      });
      streams.close();
      expect(outcome === status.UNIMPLEMENTED).toBe(!batchAppend);
    });

    it('decodes wrong expected version with expected and actual revisions', async () => {
      const id = `wev-${randomUUID()}`;
      await client.appendToStream(id, [event('a'), event('b')], { expectedRevision: 'no_stream' });
      const stale = await client.appendToStream(id, event('c'), { expectedRevision: 0n }).catch((e: unknown) => e);
      expect(stale).toBeInstanceOf(WrongExpectedVersionError);
      expect(stale).toMatchObject({ streamName: id, expectedVersion: 0n, actualVersion: 1n });
      const missing = await client
        .appendToStream(`wev-${randomUUID()}`, event('c'), { expectedRevision: 'stream_exists' })
        .catch((e: unknown) => e);
      expect(missing).toMatchObject({ expectedVersion: 'stream_exists', actualVersion: 'no_stream' });
    });

    it('answers a repeated write with the first result instead of appending again', async () => {
      const id = `idem-${randomUUID()}`;
      const batch = [event('a'), event('b')];
      const first = await client.appendToStream(id, batch, { expectedRevision: 'no_stream' });
      const again = await client.appendToStream(id, batch, { expectedRevision: 'no_stream' });
      const anyAgain = await client.appendToStream(id, batch, { expectedRevision: 'any' });
      expect(again).toEqual(first);
      expect(anyAgain).toEqual(first);
      expect(await collect(client.readStream(id))).toHaveLength(2);
    });

    it('assigns growing, non-contiguous positions with commit = prepare and .NET tick timestamps', async () => {
      const before = Date.now();
      await client.appendToStream(`pos-${randomUUID()}`, [event('a'), event('b')]);
      const all = await collect(client.readAll());
      expect(all[0].event?.type.startsWith('$')).toBe(true);
      const positions = all.map((e) => e.event!.position);
      for (const p of positions) expect(p.commit).toBe(p.prepare);
      for (let i = 1; i < positions.length; i++)
        expect(positions[i].commit - positions[i - 1].commit).toBeGreaterThan(1n);
      const created = all[all.length - 1].event!.created.getTime();
      expect(created).toBeGreaterThanOrEqual(before - 1);
      expect(created).toBeLessThanOrEqual(Date.now());
    });

    it('reads $all forwards from a position inclusively and backwards exclusively', async () => {
      const id = `all-${randomUUID()}`;
      const { position } = await client.appendToStream(id, [event('a'), event('b'), event('c')]);
      const middle = (await collect(client.readStream(id)))[1].event!.position!;
      const forwards = await collect(client.readAll({ fromPosition: middle, maxCount: 5 }));
      expect(forwards.map((e) => e.event?.type)).toEqual(['b', 'c']);
      const backwards = await collect(client.readAll({ fromPosition: middle, direction: BACKWARDS, maxCount: 1 }));
      expect(backwards.map((e) => e.event?.type)).toEqual(['a']);
      expect(position).toEqual(forwards[1].event?.position);
    });

    it('reads streams by revision in both directions and reports a missing stream in-band', async () => {
      const id = `stream-${randomUUID()}`;
      await client.appendToStream(id, [event('a'), event('b'), event('c')]);
      const types = (events: ResolvedEvent[]) => events.map((e) => e.event?.type);
      expect(types(await collect(client.readStream(id, { fromRevision: 1n, direction: BACKWARDS })))).toEqual([
        'b',
        'a',
      ]);
      expect(
        types(await collect(client.readStream(id, { fromRevision: END, direction: BACKWARDS, maxCount: 1 }))),
      ).toEqual(['c']);
      expect(await collect(client.readStream(id, { fromRevision: END }))).toEqual([]);
      await expect(collect(client.readStream(`missing-${randomUUID()}`))).rejects.toMatchObject({
        type: 'stream-not-found',
      });
    });

    it('encodes event ids in the structured UUID form when a reader asks for it', async () => {
      const id = `uuid-${randomUUID()}`;
      const written = event('a');
      await client.appendToStream(id, written);
      const options = new ReadReq.Options()
        .setStream(
          new ReadReq.Options.StreamOptions().setStreamIdentifier(streamIdentifierOf(id)).setStart(new Empty()),
        )
        .setCount('1')
        .setNoFilter(new Empty())
        .setUuidOption(new ReadReq.Options.UUIDOption().setStructured(new Empty()));
      const streams = new StreamsClient(`127.0.0.1:${server.port}`, credentials.createInsecure());
      const replies = await collect<ReadResp>(streams.read(new ReadReq().setOptions(options)));
      streams.close();
      const uuid = replies[0].getEvent()?.getEvent()?.getId();
      expect(uuid?.hasStructured()).toBe(true);
      expect(parseUUID(uuid)).toBe(written.id);
    });

    it('confirms, catches up exclusively after a position, checkpoints, reports caught-up, then goes live', async () => {
      const id = `sub-${randomUUID()}`;
      const { position } = await client.appendToStream(id, [event('old')]);
      await client.appendToStream(id, [event('caught-up')]);
      const checkpoints: Position[] = [];
      const subscription = client.subscribeToAll({
        fromPosition: position,
        filter: excludeSystemEvents({ checkpointReached: (_s, p) => void checkpoints.push(p) }),
      });
      const signals: string[] = [];
      subscription.on('confirmation', () => signals.push('confirmation'));
      subscription.on('caughtUp', () => signals.push('caughtUp'));
      const seen: AllStreamResolvedEvent[] = [];
      subscription.on('data', (e: AllStreamResolvedEvent) => seen.push(e));
      await waitUntil(() => signals.includes('caughtUp'));
      server.appendSystemEvent('$stats-test', '$statsCollected', {});
      await client.appendToStream(id, [event('live')]);
      await waitUntil(() => seen.length === 2);
      await subscription.unsubscribe();
      expect(seen.map((e) => e.event?.type)).toEqual(['caught-up', 'live']);
      expect(signals).toEqual(['confirmation', 'caughtUp']);
      expect(checkpoints.length).toBeGreaterThan(0);
      await waitUntil(() => server.liveSubscriptions === 0);
    });

    it('applies event type prefix and stream name regex filters, and starts at the end when asked', async () => {
      const id = `filter-${randomUUID()}`;
      await client.appendToStream(id, [event('Kept.before')]);
      const byPrefix = client.subscribeToAll({ fromPosition: END, filter: eventTypeFilter({ prefixes: ['Kept.'] }) });
      const byStream = client.subscribeToAll({
        fromPosition: START,
        filter: streamNameFilter({ regex: `^${id}$` }),
      });
      const prefixed: string[] = [];
      const streamed: string[] = [];
      byPrefix.on('data', (e: AllStreamResolvedEvent) => prefixed.push(e.event!.type));
      byStream.on('data', (e: AllStreamResolvedEvent) => streamed.push(e.event!.type));
      await waitUntil(() => server.liveSubscriptions === 2);
      await client.appendToStream(id, [event('Dropped'), event('Kept.after')]);
      await client.appendToStream(`other-${randomUUID()}`, [event('Kept.elsewhere')]);
      await waitUntil(() => prefixed.length === 2 && streamed.length === 3);
      await byPrefix.unsubscribe();
      await byStream.unsubscribe();
      expect(prefixed).toEqual(['Kept.after', 'Kept.elsewhere']);
      expect(streamed).toEqual(['Kept.before', 'Dropped', 'Kept.after']);
    });

    it('subscribes to one stream after a revision', async () => {
      const id = `one-${randomUUID()}`;
      await client.appendToStream(id, [event('r0'), event('r1')]);
      const subscription = client.subscribeToStream(id, { fromRevision: 0n });
      const seen: string[] = [];
      subscription.on('data', (e: ResolvedEvent) => seen.push(e.event!.type));
      await client.appendToStream(`noise-${randomUUID()}`, [event('noise')]);
      await client.appendToStream(id, [event('r2')]);
      await waitUntil(() => seen.length === 2);
      await subscription.unsubscribe();
      expect(seen).toEqual(['r1', 'r2']);
    });

    it('drops subscribers on stop and keeps its data across a restart on the same port', async () => {
      const id = `restart-${randomUUID()}`;
      await client.appendToStream(id, [event('kept')]);
      const subscription = client.subscribeToAll({ fromPosition: END });
      const failure = new Promise<unknown>((resolve) => subscription.on('error', resolve));
      await waitUntil(() => server.liveSubscriptions === 1);
      const port = server.port;
      await server.stop();
      expect(await failure).toMatchObject({ type: expect.stringMatching(/cancelled|unavailable/) });
      expect(await server.start(port)).toBe(port);
      expect((await collect(client.readStream(id))).map((e) => e.event?.type)).toEqual(['kept']);
    });
  });
});
