import type { AnchorEvent } from '@tracker/domain/anchor/anchor.decider';
import { givenProjected, recorded } from '@tracker/testing/projection-specification';
import { anchorsProjection } from './anchors.projection';
import { findAnchor, listAnchors } from './list-anchors.query';

const source = { url: 'https://www.president.gov.tw/', publisher: 'Office of the President, ROC (Taiwan)' };
const anchor = (name: string, date: string, recordedAt: string) =>
  recorded<AnchorEvent>(
    `anchor-${name}`,
    [{ type: 'AnchorDefined', data: { name, date, title: name, source } }],
    new Date(recordedAt),
  );

describe('anchors projection', () => {
  const db = givenProjected(anchorsProjection, [
    ...anchor('taiwan-inauguration-2024', '2024-05-20', '2024-05-01T00:00:00Z'),
    ...anchor('blinken-beijing-visit-2024', '2024-04-24', '2024-05-02T00:00:00Z'),
    ...anchor('joint-sword-2024a', '2024-05-23', '2024-05-25T00:00:00Z'),
    ...recorded('statement-s', [{ type: 'StatementRecorded', data: { statementId: 's' } } as never]),
  ]);
  const names = (filter: Partial<Parameters<typeof listAnchors>[1]>) =>
    listAnchors(db, { limit: 10, ...filter }).items.map((a) => a.name);

  it('given three anchors, then the list is latest date first with the view of each', () => {
    expect(names({})).toEqual(['joint-sword-2024a', 'taiwan-inauguration-2024', 'blinken-beijing-visit-2024']);
    expect(findAnchor(db, 'taiwan-inauguration-2024')).toEqual({
      name: 'taiwan-inauguration-2024',
      date: '2024-05-20',
      title: 'taiwan-inauguration-2024',
      source,
      streamId: 'anchor-taiwan-inauguration-2024',
      revision: 0,
      recordedAt: '2024-05-01T00:00:00.000Z',
    });
  });

  it('as of a recorded time, anchors defined later are unknown', () => {
    expect(names({ asOf: '2024-05-02T00:00:00Z' })).toEqual(['taiwan-inauguration-2024', 'blinken-beijing-visit-2024']);
    expect(findAnchor(db, 'joint-sword-2024a', '2024-05-24T23:59:59Z')).toBeUndefined();
    expect(findAnchor(db, 'joint-sword-2024a', '2024-05-25T08:00:00+08:00')).toMatchObject({ date: '2024-05-23' });
    expect(findAnchor(db, 'no-such-anchor')).toBeUndefined();
  });

  it('pages with a cursor without skipping or repeating', () => {
    const first = listAnchors(db, { limit: 2 });
    const second = listAnchors(db, { limit: 2, cursor: first.nextCursor });
    expect([...first.items, ...second.items].map((a) => a.name)).toEqual(names({}));
    expect(second.nextCursor).toBeUndefined();
  });

  it('ignores events of other kinds', () =>
    expect(db.prepare('SELECT count(*) AS n FROM rm_anchors').get()).toEqual({ n: 3 }));
});
