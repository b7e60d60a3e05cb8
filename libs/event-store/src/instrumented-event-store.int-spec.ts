import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeEventStoreContract } from './event-store.contract-suite';
import { ConcurrencyError } from './event-store.errors';
import type { EventData } from './event-store.port';
import { type EventStoreObserver, InstrumentedEventStore } from './instrumented-event-store';
import { SqliteEventStore } from './sqlite/sqlite-event-store';

const ignore: EventStoreObserver = { appended: () => undefined, conflicted: () => undefined };

function sqliteStore() {
  const dir = mkdtempSync(join(tmpdir(), 'tracker-instrumented-'));
  const inner = new SqliteEventStore({ filename: join(dir, 'events.db') });
  const teardown = async () => {
    await inner.close();
    rmSync(dir, { recursive: true, force: true });
  };
  return { inner, teardown };
}

describeEventStoreContract('InstrumentedEventStore over SQLite', async () => {
  const { inner, teardown } = sqliteStore();
  return { store: new InstrumentedEventStore(inner, ignore, 'sqlite'), teardown };
});

describe('InstrumentedEventStore counting', () => {
  const event = (): EventData => ({ eventId: randomUUID(), type: 'Happened', data: {}, metadata: {} });
  let calls: string[];
  let store: InstrumentedEventStore;
  let teardown: () => Promise<void>;

  beforeEach(() => {
    calls = [];
    const created = sqliteStore();
    teardown = created.teardown;
    store = new InstrumentedEventStore(
      created.inner,
      {
        appended: (label, count) => calls.push(`appended ${label} ${count}`),
        conflicted: (label) => calls.push(`conflicted ${label}`),
      },
      'sqlite',
    );
  });
  afterEach(() => teardown());

  it('reports zero appended events when created, so the metric series exists before the first append', () => {
    expect(calls).toEqual(['appended sqlite 0']);
  });

  it('given a new stream, when two events are appended, then it reports two appended events', async () => {
    await store.appendToStream('counted-1', [event(), event()], { expectedRevision: 'no_stream' });
    expect(calls.slice(1)).toEqual(['appended sqlite 2']);
  });

  it('given an existing stream, when an append expects no stream, then it reports a conflict and rethrows', async () => {
    await store.appendToStream('counted-2', [event()], { expectedRevision: 'no_stream' });
    await expect(
      store.appendToStream('counted-2', [event()], { expectedRevision: 'no_stream' }),
    ).rejects.toBeInstanceOf(ConcurrencyError);
    expect(calls.slice(1)).toEqual(['appended sqlite 1', 'conflicted sqlite']);
  });

  it('given a failure that is not a conflict, then it reports nothing', async () => {
    await expect(store.appendToStream('counted-3', [], { expectedRevision: 'any' })).rejects.toBeInstanceOf(RangeError);
    expect(calls.slice(1)).toEqual([]);
  });
});
