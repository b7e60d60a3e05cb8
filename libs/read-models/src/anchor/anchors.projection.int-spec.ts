import type { AnchorEvent } from '@tracker/domain/anchor/anchor.decider';
import { givenProjected, recorded } from '@tracker/testing/projection-specification';
import { READ_MODEL_STORE_FACTORIES, type ReadModelStoreFactory } from '@tracker/testing/read-model-stores';
import type { Tables } from '../projection';
import type { SqlSession } from '../store/read-model-store';
import { anchorsProjection } from './anchors.projection';
import { findAnchor, listAnchors } from './list-anchors.sql';

const source = { url: 'https://www.president.gov.tw/', publisher: 'Office of the President, ROC (Taiwan)' };
const anchor = (name: string, date: string, recordedAt: string) =>
  recorded<AnchorEvent>(
    `anchor-${name}`,
    [{ type: 'AnchorDefined', data: { name, date, title: name, source } }],
    new Date(recordedAt),
  );

const events = [
  ...anchor('taiwan-inauguration-2024', '2024-05-20', '2024-05-01T00:00:00Z'),
  ...anchor('blinken-beijing-visit-2024', '2024-04-24', '2024-05-02T00:00:00Z'),
  ...anchor('joint-sword-2024a', '2024-05-23', '2024-05-25T00:00:00Z'),
  ...recorded('statement-s', [{ type: 'StatementRecorded', data: { statementId: 's' } } as never]),
];

describe.each(READ_MODEL_STORE_FACTORIES)('anchors projection ($label)', ({ create }) => {
  let store: Awaited<ReturnType<ReadModelStoreFactory['create']>> | undefined;
  let db: SqlSession;
  let t: Tables;
  beforeAll(async () => {
    store = await create();
    ({ db, t } = await givenProjected(anchorsProjection, events, store));
  });
  afterAll(() => store?.dispose());

  const names = async (filter: Partial<Parameters<typeof listAnchors>[2]>) =>
    (await listAnchors(db, t, { limit: 10, ...filter })).items.map((a) => a.name);

  it('given three anchors, then the list is latest date first with the view of each', async () => {
    expect(await names({})).toEqual(['joint-sword-2024a', 'taiwan-inauguration-2024', 'blinken-beijing-visit-2024']);
    expect(await findAnchor(db, t, 'taiwan-inauguration-2024')).toEqual({
      name: 'taiwan-inauguration-2024',
      date: '2024-05-20',
      title: 'taiwan-inauguration-2024',
      source,
      streamId: 'anchor-taiwan-inauguration-2024',
      revision: 0,
      recordedAt: '2024-05-01T00:00:00.000Z',
    });
  });

  it('as of a recorded time, anchors defined later are unknown', async () => {
    expect(await names({ asOf: '2024-05-02T00:00:00Z' })).toEqual([
      'taiwan-inauguration-2024',
      'blinken-beijing-visit-2024',
    ]);
    expect(await findAnchor(db, t, 'joint-sword-2024a', '2024-05-24T23:59:59Z')).toBeUndefined();
    expect(await findAnchor(db, t, 'joint-sword-2024a', '2024-05-25T08:00:00+08:00')).toMatchObject({
      date: '2024-05-23',
    });
    expect(await findAnchor(db, t, 'no-such-anchor')).toBeUndefined();
  });

  it('pages with a cursor without skipping or repeating', async () => {
    const first = await listAnchors(db, t, { limit: 2 });
    const second = await listAnchors(db, t, { limit: 2, cursor: first.nextCursor });
    expect([...first.items, ...second.items].map((a) => a.name)).toEqual(await names({}));
    expect(second.nextCursor).toBeUndefined();
  });

  it('ignores events of other kinds', async () =>
    expect(await db.get(`SELECT CAST(count(*) AS INTEGER) AS n FROM ${t.rm_anchors}`)).toEqual({ n: 3 }));
});
