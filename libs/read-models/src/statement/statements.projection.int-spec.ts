import type { StatementEvent, StatementRecorded } from '@tracker/domain/statement/statement.decider';
import { statementBody } from '@tracker/testing/fixtures';
import { givenProjected, recorded } from '@tracker/testing/projection-specification';
import { READ_MODEL_STORE_FACTORIES, type ReadModelStoreFactory } from '@tracker/testing/read-model-stores';
import { decodeCursor } from '../pagination';
import type { ProjectedEvent, Tables } from '../projection';
import { listStatements } from './list-statements.sql';
import { statementsProjection } from './statements.projection';

const said = (statementId: string, overrides: Partial<StatementRecorded['data']>): StatementRecorded => ({
  type: 'StatementRecorded',
  data: { ...(statementBody() as StatementRecorded['data']), statementId, ...overrides },
});

type Store = Awaited<ReturnType<ReadModelStoreFactory['create']>>;

describe.each(READ_MODEL_STORE_FACTORIES)('on $label', ({ create }) => {
  /** A fresh store from this factory with `events` folded in before the block's tests; disposed after them. */
  const projected = (events: ProjectedEvent<StatementEvent>[]) => {
    const state = {} as { db: Store; t: Tables };
    beforeAll(async () => {
      state.db = await create();
      ({ t: state.t } = await givenProjected(statementsProjection, events, state.db));
    });
    afterAll(() => state.db?.dispose());
    return state;
  };

  describe('statements projection', () => {
    const rm = projected([
      ...recorded('statement-1', [said('1', { speaker: 'Wang Yi', occurredAt: '2024-04-26', topics: ['taiwan'] })]),
      ...recorded('statement-2', [
        said('2', {
          speaker: 'Janet Yellen',
          country: 'US',
          occurredAt: '2024-04-08',
          topics: ['russia', 'sanctions'],
        }),
      ]),
      ...recorded('statement-3', [
        said('3', { speaker: 'wang yi', occurredAt: '2024-05-20T09:30:00+08:00', topics: ['Taiwan'] }),
      ]),
    ]);
    const list = (filter: Parameters<typeof listStatements>[2]) => listStatements(rm.db, rm.t, filter);
    const ids = async (filter: Parameters<typeof listStatements>[2]) => (await list(filter)).items.map((s) => s.id);

    it('given three statements, then the list is newest first with the view of each', async () => {
      const page = await list({ limit: 10 });
      expect(page.items.map((s) => s.id)).toEqual(['3', '1', '2']);
      expect(page.items[2]).toMatchObject({ id: '2', streamId: 'statement-2', speaker: 'Janet Yellen', revision: 0 });
      expect(page.nextCursor).toBeUndefined();
    });

    it('filters by speaker and topic ignoring case, by country, and by inclusive dates', async () => {
      expect(await ids({ limit: 10, speaker: 'WANG YI' })).toEqual(['3', '1']);
      expect(await ids({ limit: 10, topic: 'taiwan' })).toEqual(['3', '1']);
      expect(await ids({ limit: 10, country: 'US' })).toEqual(['2']);
      expect(await ids({ limit: 10, from: '2024-04-08', to: '2024-04-26' })).toEqual(['1', '2']);
    });

    it('pages with a cursor without skipping or repeating', async () => {
      const first = await list({ limit: 2 });
      const second = await list({ limit: 2, cursor: first.nextCursor });
      expect([...first.items, ...second.items].map((s) => s.id)).toEqual(['3', '1', '2']);
    });

    it('only cursors it issued decode', async () => {
      expect(decodeCursor((await list({ limit: 1 })).nextCursor!)).toEqual({
        sortKey: expect.any(String),
        id: '3',
      });
      expect(decodeCursor('garbage')).toBeUndefined();
    });
  });

  describe('statements projection: corrections, retractions and as-of', () => {
    const source = { url: 'https://example.gov/transcript', publisher: 'Example' };
    const rm = projected([
      ...recorded<StatementEvent>(
        'statement-9',
        [said('9', { speaker: 'Antony Blinken', occurredAt: '2024-04-26', text: 'first' })],
        new Date('2024-04-26T10:00:00Z'),
      ),
      ...recorded<StatementEvent>(
        'statement-9',
        [
          {
            type: 'StatementCorrected',
            data: { statementId: '9', changes: { text: 'second' }, reason: 'transcript', source },
          },
        ],
        new Date('2024-04-27T10:00:00Z'),
      ),
      ...recorded<StatementEvent>(
        'statement-8',
        [said('8', { speaker: 'Antony Blinken', occurredAt: '2024-04-25' })],
        new Date('2024-04-26T11:00:00Z'),
      ),
      ...recorded<StatementEvent>(
        'statement-8',
        [{ type: 'StatementRetracted', data: { statementId: '8', reason: 'misattributed', source } }],
        new Date('2024-04-28T10:00:00Z'),
      ),
    ]);
    const list = async (asOf?: string) =>
      (await listStatements(rm.db, rm.t, { limit: 10, speaker: 'Antony Blinken', asOf })).items;

    it('shows the corrected text, marked as corrected, and leaves the retracted statement out', async () => {
      expect(await list()).toEqual([
        expect.objectContaining({
          id: '9',
          text: 'second',
          corrections: [expect.objectContaining({ reason: 'transcript', fields: ['text'] })],
        }),
      ]);
    });

    it('answers as known before the correction and before the retraction', async () => {
      expect((await list('2024-04-26T12:00:00Z')).map((s) => [s.id, s.text, s.corrections.length])).toEqual([
        ['9', 'first', 0],
        ['8', statementBody().text, 0],
      ]);
      expect((await list('2024-04-27T12:00:00Z')).map((s) => [s.id, s.text])).toEqual([
        ['9', 'second'],
        ['8', statementBody().text],
      ]);
      expect((await list('2024-04-26T10:30:00Z')).map((s) => s.id)).toEqual(['9']);
      expect(await list('2024-04-26T09:00:00Z')).toEqual([]);
    });
  });
});
