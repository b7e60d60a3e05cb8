import type {
  SanctionedEntityAdded,
  SanctionedEntityEvent,
} from '@tracker/domain/sanctioned-entity/sanctioned-entity.decider';
import type { StatementEvent, StatementRecorded } from '@tracker/domain/statement/statement.decider';
import type { TrackerEvent } from '@tracker/domain/tracker-event';
import { entityBody, statementBody } from '@tracker/testing/fixtures';
import { givenProjected, recorded } from '@tracker/testing/projection-specification';
import { READ_MODEL_STORE_FACTORIES, type ReadModelStoreFactory } from '@tracker/testing/read-model-stores';
import type { ProjectedEvent, Tables } from '../projection';
import { feedProjection } from './feed.projection';
import { feedAfter, type FeedFilter, listFeed } from './list-feed.sql';

const source = { url: 'https://example.gov/', publisher: 'Example' };

/** One event at an explicit log position, beyond 32 bits so the columns must be BIGINT. */
function at(
  commit: bigint,
  prepare: bigint,
  recordedAt: string,
  streamId: string,
  event: TrackerEvent,
): ProjectedEvent<TrackerEvent> {
  return { ...recorded(streamId, [event], new Date(recordedAt))[0], position: { commit, prepare } };
}

const said = (statementId: string, speaker: string): StatementRecorded => ({
  type: 'StatementRecorded',
  data: { ...(statementBody() as StatementRecorded['data']), statementId, speaker },
});
const listed = (entityId: string, name: string): SanctionedEntityAdded => ({
  type: 'SanctionedEntityAdded',
  data: { ...(entityBody() as SanctionedEntityAdded['data']), entityId, name },
});

const BASE = 5_000_000_000n;

describe.each(READ_MODEL_STORE_FACTORIES)('feed projection on $label', ({ create }) => {
  const events = [
    at(BASE + 10n, BASE + 10n, '2024-04-01T00:00:00Z', 'statement-1', said('1', 'Wang Yi')),
    at(BASE + 20n, BASE + 19n, '2024-04-02T00:00:00Z', 'sanctionedEntity-e1', listed('e1', 'Alpha Optics')),
    // Not a development: left out of the feed.
    at(BASE + 25n, BASE + 25n, '2024-04-02T12:00:00Z', 'other-x', { type: 'SomethingElse', data: {} } as never),
    at(BASE + 30n, BASE + 30n, '2024-04-03T00:00:00Z', 'statement-1', {
      type: 'StatementRetracted',
      data: { statementId: '1', reason: 'misattributed', source },
    } satisfies StatementEvent),
    at(BASE + 40n, BASE + 40n, '2024-04-04T00:00:00Z', 'sanctionedEntity-e1', {
      type: 'SanctionedEntityAmended',
      data: {
        entityId: 'e1',
        changes: { aliases: ['AO'] },
        source: { citation: 'test', publisher: 'Federal Register' },
      },
    } satisfies SanctionedEntityEvent),
  ];
  let db: Awaited<ReturnType<ReadModelStoreFactory['create']>>;
  let t: Tables;
  beforeAll(async () => {
    db = await create();
    ({ t } = await givenProjected(feedProjection, events, db));
  });
  afterAll(() => db?.dispose());

  const list = (filter: FeedFilter) => listFeed(db, t, filter);
  const positions = async (filter: Omit<FeedFilter, 'limit'>) =>
    (await list({ limit: 10, ...filter })).items.map((item) => item.position);

  it('lists developments newest first by log position, with the item of each', async () => {
    const page = await list({ limit: 10 });
    expect(page.items.map((item) => item.position)).toEqual([
      `${BASE + 40n}`,
      `${BASE + 30n}`,
      `${BASE + 20n}/${BASE + 19n}`,
      `${BASE + 10n}`,
    ]);
    expect(page.items[3]).toEqual({
      position: `${BASE + 10n}`,
      kind: 'statement',
      recordId: '1',
      streamId: 'statement-1',
      eventType: 'StatementRecorded',
      headline: `Wang Yi: ${statementBody().text}`,
      occurredAt: statementBody().occurredAt,
      recordedAt: '2024-04-01T00:00:00.000Z',
      source: statementBody().source,
    });
    expect(page.nextCursor).toBeUndefined();
  });

  it('filters by kind and as of a recorded time', async () => {
    expect(await positions({ kind: 'sanctioned-entity' })).toEqual([`${BASE + 40n}`, `${BASE + 20n}/${BASE + 19n}`]);
    expect(await positions({ asOf: '2024-04-02T00:00:00Z' })).toEqual([`${BASE + 20n}/${BASE + 19n}`, `${BASE + 10n}`]);
    expect(await positions({ asOf: '2024-03-31T00:00:00Z' })).toEqual([]);
  });

  it('pages with a cursor without skipping or repeating', async () => {
    const first = await list({ limit: 3 });
    const second = await list({ limit: 3, cursor: first.nextCursor });
    expect([...first.items, ...second.items].map((item) => item.recordId)).toEqual(['e1', '1', 'e1', '1']);
    expect(second.nextCursor).toBeUndefined();
  });

  it('returns what a live client missed after a position, oldest first', async () => {
    expect((await feedAfter(db, t, BASE + 20n, BASE + 19n)).map((item) => item.eventType)).toEqual([
      'StatementRetracted',
      'SanctionedEntityAmended',
    ]);
    expect((await feedAfter(db, t, BASE + 20n, BASE + 18n, 1)).map((item) => item.eventType)).toEqual([
      'SanctionedEntityAdded',
    ]);
    expect(await feedAfter(db, t, BASE + 40n, BASE + 40n)).toEqual([]);
  });
});
