import type { RecordedEvent } from '../event-store.port';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { describeEventStoreContract } from '../event-store.contract-suite';
import { headOf } from '../position';
import { SqliteEventStore } from './sqlite-event-store';

describeEventStoreContract('SQLite (file, WAL, synchronous=FULL)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tracker-es-'));
  const store = new SqliteEventStore({ filename: join(dir, 'events.db') });
  return {
    store,
    teardown: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

describe('SQLite live subscriptions', () => {
  let dir: string;
  let stores: SqliteEventStore[];
  const open = () => {
    const store = new SqliteEventStore({ filename: join(dir, 'events.db'), pollIntervalMs: 20 });
    stores.push(store);
    return store;
  };
  const event = () => ({ eventId: randomUUID(), type: 'Happened', data: { at: Date.now() }, metadata: {} });

  /** The first `count` events a subscription from the start delivers. */
  async function take(store: SqliteEventStore, count: number): Promise<RecordedEvent[]> {
    const controller = new AbortController();
    const seen: RecordedEvent[] = [];
    for await (const e of store.subscribeToAll({ signal: controller.signal })) {
      seen.push(e);
      if (seen.length === count) controller.abort();
    }
    return seen;
  }

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'tracker-live-'));
    stores = [];
  });
  afterEach(async () => {
    for (const store of stores) await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('an empty log has no head', async () => {
    expect(await headOf(open())).toBeUndefined();
  });

  it('subscriptions woken by the same append share one read: the same event objects reach each', async () => {
    const store = open();
    const first = take(store, 3);
    const second = take(store, 3);
    await store.appendToStream('s-1', [event(), event(), event()], { expectedRevision: 'no_stream' });
    const [a, b] = await Promise.all([first, second]);
    expect(a.map((e) => e.revision)).toEqual([0n, 1n, 2n]);
    expect(b.every((e, i) => e === a[i])).toBe(true);
  });

  it('hands a group commit to live subscribers as written, without reading it back, equal to a read', async () => {
    const store = open();
    await store.appendToStream('s-0', [event()], { expectedRevision: 'no_stream' });
    const seen = take(store, 6);
    await new Promise((resolve) => setTimeout(resolve, 30));
    const statements = (store as unknown as { stmt: { allFwd: { all: (...args: unknown[]) => unknown } } }).stmt;
    const reads = jest.spyOn(statements.allFwd, 'all');
    await Promise.all([
      store.appendToStream('s-1', [event(), event()], { expectedRevision: 'no_stream' }),
      store.appendToStream('s-2', [{ ...event(), data: { nested: { list: [1, 'two', null] }, text: '台湾' } }], {
        expectedRevision: 'no_stream',
      }),
      store.appendToStream('s-0', [event(), event()], { expectedRevision: 0n }),
    ]);
    const live = await seen;
    expect(reads).not.toHaveBeenCalled();
    const read: RecordedEvent[] = [];
    for await (const e of store.readAll()) read.push(e);
    expect(live).toEqual(read);
  });

  it('a subscription sees appends made through another store on the same file', async () => {
    const store = open();
    const other = open();
    await store.appendToStream('s-1', [event()], { expectedRevision: 'no_stream' });
    const seen = take(store, 3);
    await new Promise((resolve) => setTimeout(resolve, 30));
    await other.appendToStream('s-2', [event(), event()], { expectedRevision: 'no_stream' });
    expect((await seen).map((e) => e.streamId)).toEqual(['s-1', 's-2', 's-2']);
  });

  it('wakes a subscription on another thread of this process at each commit, not at its next poll', async () => {
    const store = open();
    const filename = join(dir, 'events.db');
    // The thread's store polls once every 10 minutes: only the commit's message can wake it within the test's time.
    const source = `
      const { parentPort, workerData } = require('node:worker_threads');
      const { SqliteEventStore } = require(workerData.module);
      const store = new SqliteEventStore({ filename: workerData.filename, pollIntervalMs: 600000 });
      const live = store.subscribeToAll()[Symbol.asyncIterator]();
      const first = live.next();
      parentPort.postMessage('waiting');
      first.then(({ value }) => parentPort.postMessage(value.streamId)).finally(() => store.close());`;
    const worker = new Worker(`require('ts-node/register/transpile-only');${source}`, {
      eval: true,
      workerData: { filename, module: join(__dirname, 'sqlite-event-store.ts') },
    });
    try {
      const messages: string[] = [];
      const next = () => new Promise<string>((resolve) => worker.once('message', resolve));
      messages.push(await next());
      const seen = next();
      await store.appendToStream('s-thread', [event()], { expectedRevision: 'no_stream' });
      messages.push(await seen);
      expect(messages).toEqual(['waiting', 's-thread']);
    } finally {
      await worker.terminate();
    }
  }, 30_000);
});
