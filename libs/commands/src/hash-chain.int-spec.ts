import {
  type RecordStatement,
  type StatementCommand,
  statementDecider,
} from '@tracker/domain/statement/statement.decider';
import { EventStoreDbEventStore } from '@tracker/event-store/esdb/esdb-event-store';
import type { EventStorePort, RecordedEvent } from '@tracker/event-store/event-store.port';
import { SqliteEventStore } from '@tracker/event-store/sqlite/sqlite-event-store';
import { eventHash, GENESIS_HASH } from '@tracker/event-store/tamper-evidence/event-hash';
import { verifyChains } from '@tracker/event-store/tamper-evidence/verify-chains';
import { EsdbTestServer } from '@tracker/testing/esdb-test-server/esdb-test-server';
import type { CommandContext } from './command-context';
import { handleCommand } from './handle-command';

const context: CommandContext = {
  now: new Date('2024-05-20T08:00:00Z'),
  actor: 'analyst',
  correlationId: 'c1',
  causationId: 'c1',
};
const source = { url: 'https://www.fmprc.gov.cn/eng/', publisher: 'PRC MFA' };
const record = (statementId: string): RecordStatement => ({
  type: 'RecordStatement',
  now: context.now,
  data: {
    statementId,
    speaker: 'Wang Yi',
    country: 'CN',
    audience: 'public',
    occurredAt: '2024-05-20',
    text: 'v1',
    topics: [],
    role: undefined,
    source,
  },
});
const correct = (statementId: string): StatementCommand => ({
  type: 'CorrectStatement',
  now: context.now,
  data: { statementId, changes: { text: 'v2' }, reason: 'transcript', source },
});

async function read(store: EventStorePort, streamId: string): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  for await (const event of store.readStream(streamId)) events.push(event);
  return events;
}

/** Each store under test and how to tear it down; the chain lives in metadata, so both must carry it intact. */
const stores: [string, () => Promise<{ store: EventStorePort; teardown(): Promise<void> }>][] = [
  [
    'SQLite',
    async () => {
      const store = new SqliteEventStore({ filename: ':memory:' });
      return { store, teardown: () => store.close() };
    },
  ],
  [
    'EventStoreDB (protocol-level test server)',
    async () => {
      const server = new EsdbTestServer();
      await server.start();
      const store = new EventStoreDbEventStore(server.connectionString);
      return {
        store,
        teardown: async () => {
          await store.close();
          await server.stop();
        },
      };
    },
  ],
];

describe.each(stores)('hash chain written by handleCommand (%s)', (_name, open) => {
  let store: EventStorePort;
  let teardown: () => Promise<void>;
  beforeEach(async () => ({ store, teardown } = await open()));
  afterEach(() => teardown());

  it('chains each append from the stream’s last stored hash, and verifies after the JSON round trip', async () => {
    await handleCommand(store, 'statement-a', statementDecider, record('a'), context);
    await handleCommand(store, 'statement-a', statementDecider, correct('a'), context);
    await handleCommand(store, 'statement-b', statementDecider, record('b'), context);
    const [first, second] = await read(store, 'statement-a');
    expect(first.metadata).toMatchObject({ schemaVersion: 2, hash: eventHash(GENESIS_HASH, first) });
    expect(second.metadata.hash).toBe(eventHash(first.metadata.hash as string, second));
    expect(await verifyChains(store)).toEqual({ streams: 2, events: 3, breaks: [] });
  });

  it('a stream written before hashing is one break at revision 0; new appends still chain', async () => {
    await store.appendToStream(
      'statement-old',
      [{ eventId: 'e0', type: 'StatementRecorded', data: { ...record('old').data }, metadata: { schemaVersion: 1 } }],
      { expectedRevision: 'no_stream' },
    );
    await handleCommand(store, 'statement-old', statementDecider, correct('old'), context);
    const [, appended] = await read(store, 'statement-old');
    expect(appended.metadata.hash).toBe(eventHash(GENESIS_HASH, appended));
    expect((await verifyChains(store)).breaks).toEqual([
      { streamId: 'statement-old', revision: 0n, expected: expect.any(String), found: null },
    ]);
  });
});
