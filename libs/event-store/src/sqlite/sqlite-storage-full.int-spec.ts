import { fillSqliteEventStore } from '@tracker/testing/sqlite-storage-full';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StorageFullError } from '../event-store.errors';
import type { RecordedEvent } from '../event-store.port';
import { SqliteEventStore } from './sqlite-event-store';

describe('SQLite event store with no space left (SQLITE_FULL)', () => {
  let dir: string;
  let store: SqliteEventStore;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'tracker-full-'));
    store = new SqliteEventStore({ filename: join(dir, 'events.db') });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  // Larger than a page, so every append needs pages of its own.
  const event = () => ({ eventId: randomUUID(), type: 'Happened', data: { text: 'x'.repeat(5_000) }, metadata: {} });
  const all = async () => {
    const events: RecordedEvent[] = [];
    for await (const e of store.readAll()) events.push(e);
    return events;
  };

  it('refuses every append of a group with StorageFullError, writes none of them, and appends again once space is back', async () => {
    const kept = await store.appendToStream('s-1', [event()], { expectedRevision: 'no_stream' });
    await expect(store.checkWritable()).resolves.toBeUndefined();
    const full = fillSqliteEventStore(store);

    // Arriving together, these share one transaction: it fails whole, and nothing of it is acknowledged.
    const group = await Promise.allSettled([
      store.appendToStream('s-1', [event()], { expectedRevision: 0n }),
      store.appendToStream('s-2', [event(), event()], { expectedRevision: 'no_stream' }),
      store.appendToStream('s-3', [event()], { expectedRevision: 'any' }),
    ]);
    expect(group.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
    for (const r of group) expect((r as PromiseRejectedResult).reason).toBeInstanceOf(StorageFullError);
    expect((await all()).map((e) => e.streamId)).toEqual(['s-1']);

    // Reads and pings go on; writability is reported apart, and the probe leaves nothing behind.
    await expect(store.ping()).resolves.toBeUndefined();
    await expect(store.checkWritable()).rejects.toBeInstanceOf(StorageFullError);
    await expect(store.checkWritable()).rejects.toBeInstanceOf(StorageFullError);
    expect(await all()).toHaveLength(1);

    full.restore();
    await expect(store.checkWritable()).resolves.toBeUndefined();
    const next = await store.appendToStream('s-1', [event()], { expectedRevision: 0n });
    expect(next.nextRevision).toBe(1n);
    // Positions stay contiguous: neither the failed group nor the probes took one.
    expect(next.position.commit).toBe(kept.position.commit + 1n);
    expect((await all()).map((e) => e.position.commit)).toEqual([1n, 2n]);
  });

  it('clears the full state on the next commit that succeeds, as space may come back between probes', async () => {
    await store.appendToStream('s-1', [event()], { expectedRevision: 'no_stream' });
    const full = fillSqliteEventStore(store);
    await expect(store.appendToStream('s-1', [event()], { expectedRevision: 0n })).rejects.toBeInstanceOf(
      StorageFullError,
    );
    full.restore();
    await store.appendToStream('s-1', [event()], { expectedRevision: 0n });
    // No probe is needed (or run) while appends succeed.
    await expect(store.checkWritable()).resolves.toBeUndefined();
  });

  it('keeps other errors as they are: a conflict in a full store is still a ConcurrencyError', async () => {
    await store.appendToStream('s-1', [event()], { expectedRevision: 'no_stream' });
    fillSqliteEventStore(store);
    await expect(store.appendToStream('s-1', [event()], { expectedRevision: 5n })).rejects.toMatchObject({
      name: 'ConcurrencyError',
    });
  });
});
