import type {
  SanctionedEntityAdded,
  SanctionedEntityRemoved,
} from '@tracker/domain/sanctioned-entity/sanctioned-entity.decider';
import { entityBody } from '@tracker/testing/fixtures';
import { givenProjected, recorded } from '@tracker/testing/projection-specification';
import { READ_MODEL_STORE_FACTORIES, type ReadModelStoreFactory } from '@tracker/testing/read-model-stores';
import type { Tables } from '../projection';
import { exportControlsTimeline } from './export-controls-timeline.sql';
import { exportControlsProjection } from './export-controls.projection';

const added = (entityId: string, overrides: Partial<SanctionedEntityAdded['data']>): SanctionedEntityAdded => ({
  type: 'SanctionedEntityAdded',
  data: { ...(entityBody() as SanctionedEntityAdded['data']), entityId, ...overrides },
});
const removed = (entityId: string, effectiveOn: string): SanctionedEntityRemoved => ({
  type: 'SanctionedEntityRemoved',
  data: { entityId, effectiveOn, source: { citation: 'test', publisher: 'Federal Register' } },
});
const at = (iso: string) => new Date(iso);
const day = (
  date: string,
  added: number,
  removed: number,
  cumulative: number,
  announced = 0,
  announcedCumulative = 0,
) => ({
  date,
  added,
  removed,
  cumulative,
  announced,
  announcedCumulative,
});

describe.each(READ_MODEL_STORE_FACTORIES)('export-controls projection on $label', ({ create }) => {
  const events = [
    ...recorded(
      'sanctionedEntity-a',
      [added('a', { effectiveFrom: '2023-10-06', country: 'CN' })],
      at('2023-10-10T00:00:00Z'),
    ),
    ...recorded(
      'sanctionedEntity-b',
      [added('b', { effectiveFrom: '2023-10-06', country: 'CN' })],
      at('2023-10-10T00:00:00Z'),
    ),
    ...recorded(
      'sanctionedEntity-c',
      [added('c', { effectiveFrom: '2024-02-23', country: 'HK' })],
      at('2024-02-24T00:00:00Z'),
    ),
    ...recorded(
      'sanctionedEntity-d',
      [added('d', { effectiveFrom: '2024-04-11', list: 'OFAC_SDN' })],
      at('2024-04-12T00:00:00Z'),
    ),
    ...recorded('sanctionedEntity-b', [removed('b', '2024-03-01')], at('2024-03-05T00:00:00Z')),
    ...recorded(
      'policyAction-r',
      [
        {
          type: 'PolicyActionRecorded' as const,
          data: {
            policyActionId: 'r',
            kind: 'export-control-rule',
            announcedListings: { list: 'BIS_ENTITY_LIST', total: 49, byCountry: { CN: 42 }, effectiveOn: '2023-10-06' },
          },
        },
      ],
      at('2023-10-07T00:00:00Z'),
    ),
  ];
  let db: Awaited<ReturnType<ReadModelStoreFactory['create']>>;
  let t: Tables;
  beforeAll(async () => {
    db = await create();
    ({ t } = await givenProjected(exportControlsProjection, events, db));
  });
  afterAll(() => db?.dispose());

  it('given listings, a removal and a rule with counts, then each day has its changes and running totals', async () =>
    expect(await exportControlsTimeline(db, t, {})).toEqual([
      day('2023-10-06', 2, 0, 2, 49, 49),
      day('2024-02-23', 1, 0, 3, 0, 49),
      day('2024-03-01', 0, 1, 2, 0, 49),
      day('2024-04-11', 1, 0, 3, 0, 49),
    ]));

  it('filters by list and country; announced counts follow the country they were published for', async () => {
    expect(await exportControlsTimeline(db, t, { list: 'BIS_ENTITY_LIST', country: 'CN' })).toEqual([
      day('2023-10-06', 2, 0, 2, 42, 42),
      day('2024-03-01', 0, 1, 1, 0, 42),
    ]);
    expect(await exportControlsTimeline(db, t, { list: 'OFAC_SDN' })).toEqual([day('2024-04-11', 1, 0, 1)]);
  });

  it('a `from` date keeps the earlier changes in the cumulative counts', async () =>
    expect(await exportControlsTimeline(db, t, { from: '2024-01-01', to: '2024-03-01' })).toEqual([
      day('2024-02-23', 1, 0, 3, 0, 49),
      day('2024-03-01', 0, 1, 2, 0, 49),
    ]));

  it('as of a recorded time, later recordings (including the removal) are not known', async () =>
    expect(await exportControlsTimeline(db, t, { asOf: '2024-03-01T00:00:00Z' })).toEqual([
      day('2023-10-06', 2, 0, 2, 49, 49),
      day('2024-02-23', 1, 0, 3, 0, 49),
    ]));

  it('the per-day totals it reads now agree with the change rows it reads as of a time after everything', async () => {
    const later = { asOf: '2999-01-01T00:00:00Z' };
    for (const filter of [{}, { list: 'BIS_ENTITY_LIST', country: 'CN' }, { from: '2024-01-01' }, { country: 'HK' }]) {
      expect(await exportControlsTimeline(db, t, filter)).toEqual(
        await exportControlsTimeline(db, t, { ...filter, ...later }),
      );
    }
  });

  it('a subject listed again counts its later removal under the list and country it was last added to', async () => {
    const store = await create();
    try {
      const relisted = await givenProjected(
        exportControlsProjection,
        [
          ...recorded('sanctionedEntity-e', [added('e', { effectiveFrom: '2024-01-02', country: 'CN' })]),
          ...recorded('sanctionedEntity-e', [removed('e', '2024-02-01')]),
          ...recorded('sanctionedEntity-e', [
            added('e', { effectiveFrom: '2024-03-01', list: 'OFAC_SDN', country: 'HK' }),
          ]),
          ...recorded('sanctionedEntity-e', [removed('e', '2024-04-01')]),
        ],
        store,
      );
      expect(await exportControlsTimeline(relisted.db, relisted.t, { list: 'OFAC_SDN' })).toEqual([
        day('2024-03-01', 1, 0, 1),
        day('2024-04-01', 0, 1, 0),
      ]);
      expect(await exportControlsTimeline(relisted.db, relisted.t, { country: 'CN' })).toEqual([
        day('2024-01-02', 1, 0, 1),
        day('2024-02-01', 0, 1, 0),
      ]);
    } finally {
      await store.dispose();
    }
  });

  it('ignores events of other kinds', async () => {
    const store = await create();
    try {
      const other = await givenProjected(
        exportControlsProjection,
        recorded('x', [{ type: 'StatementRecorded', data: {} } as never]),
        store,
      );
      expect(await exportControlsTimeline(other.db, other.t, {})).toEqual([]);
    } finally {
      await store.dispose();
    }
  });
});
