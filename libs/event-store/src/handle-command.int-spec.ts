import type { Decider, DomainCommand, DomainEvent } from '@tracker/domain/shared/decider';
import { aggregateStream, type CommandContext, handleCommand } from './handle-command';
import { SqliteEventStore } from './sqlite/sqlite-event-store';
import { eventHash, GENESIS_HASH } from './tamper-evidence/event-hash';

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
});
