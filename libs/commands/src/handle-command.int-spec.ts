import type { Decider, DomainCommand, DomainEvent } from '@tracker/domain/shared/decider';
import type { CommandContext } from './command-context';
import { aggregateStream, handleCommand } from './handle-command';
import { RevisionMismatchError } from './revision-mismatch.error';
import { SqliteEventStore } from '@tracker/event-store/sqlite/sqlite-event-store';
import { eventHash, GENESIS_HASH } from '@tracker/event-store/tamper-evidence/event-hash';

type Seen = DomainEvent<string, Record<string, unknown>>;
/** A decider that remembers what `evolve` was given and emits two events per command. */
const recorder: Decider<DomainCommand<'Note'>, Seen, Seen[]> = {
  initialState: () => [],
  schemaVersions: { StatementRecorded: 2, Noted: 1 },
  evolve: (seen, event) => [...seen, event],
  decide: () => [
    { type: 'Noted', data: { n: 1 } },
    { type: 'Noted', data: { n: 2 } },
  ],
};
const context: CommandContext = {
  now: new Date('2024-05-20T00:00:00Z'),
  actor: 'a',
  correlationId: 'c',
  causationId: 'c',
};

describe('aggregateStream and handleCommand (SQLite)', () => {
  let store: SqliteEventStore;
  beforeEach(() => (store = new SqliteEventStore({ filename: ':memory:' })));
  afterEach(() => store.close());

  it('folds upcast events: a v1 StatementRecorded reaches evolve with a publisher, the log keeps v1', async () => {
    const data = { statementId: 's', source: { url: 'https://www.fmprc.gov.cn/eng/' } };
    await store.appendToStream('statement-s', [{ eventId: 'e', type: 'StatementRecorded', data, metadata: {} }], {
      expectedRevision: 'no_stream',
    });
    const { state, revision, lastHash } = await aggregateStream(store, 'statement-s', recorder);
    expect(state).toEqual([
      { type: 'StatementRecorded', data: { ...data, source: { ...data.source, publisher: 'www.fmprc.gov.cn' } } },
    ]);
    expect(revision).toBe(0n);
    expect(lastHash).toBeUndefined();
    for await (const stored of store.readStream('statement-s')) expect(stored.data).toEqual(data);
  });

  it('several events of one append chain from each other; the next command chains from the last', async () => {
    await handleCommand(store, 'note-1', recorder, { type: 'Note', data: {}, now: context.now }, context);
    await handleCommand(store, 'note-1', recorder, { type: 'Note', data: {}, now: context.now }, context);
    const hashes: string[] = [];
    let previous = GENESIS_HASH;
    for await (const event of store.readStream('note-1')) {
      expect(event.metadata.hash).toBe(eventHash(previous, event));
      previous = event.metadata.hash as string;
      hashes.push(previous);
    }
    expect(new Set(hashes).size).toBe(4);
    expect((await aggregateStream(store, 'note-1', recorder)).lastHash).toBe(hashes[3]);
  });
  it('isNew: a fresh stream is appended without a read; an existing one is loaded and decided on its real state', async () => {
    /** Refuses a second creation, as the record deciders do. */
    const creator: Decider<DomainCommand<'Create'>, Seen, number> = {
      initialState: () => 0,
      schemaVersions: { Created: 1 },
      evolve: (count) => count + 1,
      decide: (_, count) => {
        if (count > 0) throw new Error(`already created (${count} events seen)`);
        return [{ type: 'Created', data: {} }];
      },
    };
    let reads = 0;
    const counting = Object.assign(Object.create(store) as SqliteEventStore, {
      readStream: (...args: Parameters<SqliteEventStore['readStream']>) => (reads++, store.readStream(...args)),
    });
    const create = () =>
      handleCommand(counting, 'thing-1', creator, { type: 'Create', data: {}, now: context.now }, context, {
        isNew: true,
      });
    const first = await create();
    expect([first.nextRevision, reads]).toEqual([0n, 0]);
    await expect(create()).rejects.toThrow('already created (1 events seen)');
    expect(reads).toBe(1);
    for await (const event of store.readStream('thing-1'))
      expect(event.metadata.hash).toBe(eventHash(GENESIS_HASH, event));
  });

  it('isNew with an idempotency key: a retry after the append landed gets the same result, and nothing is added', async () => {
    const keyed = { ...context, idempotencyKey: 'k-1' };
    const run = () =>
      handleCommand(store, 'note-k', recorder, { type: 'Note', data: {}, now: context.now }, keyed, { isNew: true });
    const first = await run();
    expect(await run()).toEqual(first);
    let count = 0;
    for await (const event of store.readStream('note-k')) count += event ? 1 : 0;
    expect(count).toBe(2);
  });

  it('a keyed change retried after it landed gets the first result, even with its stale If-Match; nothing is added', async () => {
    await handleCommand(store, 'note-u', recorder, { type: 'Note', data: {}, now: context.now }, context);
    const keyed = { ...context, idempotencyKey: 'u-1' };
    const change = () =>
      handleCommand(store, 'note-u', recorder, { type: 'Note', data: {}, now: context.now }, keyed, { ifMatch: 1n });
    const first = await change();
    expect(first.nextRevision).toBe(3n);
    expect(await change()).toEqual(first);
    // Another change after it: the retry still answers with its own append, not the stream's head.
    await handleCommand(store, 'note-u', recorder, { type: 'Note', data: {}, now: context.now }, context);
    expect(await change()).toEqual(first);
    const revisions: bigint[] = [];
    for await (const event of store.readStream('note-u')) revisions.push(event.revision);
    expect(revisions).toEqual([0n, 1n, 2n, 3n, 4n, 5n]);
    // Without a key the same command is a new change: its stale If-Match is refused.
    await expect(
      handleCommand(store, 'note-u', recorder, { type: 'Note', data: {}, now: context.now }, context, { ifMatch: 1n }),
    ).rejects.toThrow(RevisionMismatchError);
  });
});
