import type { SanctionedEntityAdded } from '@tracker/domain/sanctioned-entity/sanctioned-entity.decider';
import { entityBody } from '@tracker/testing/fixtures';
import { givenProjected, recorded } from '@tracker/testing/projection-specification';
import { exportControlsTimeline } from './export-controls-timeline.query';
import { exportControlsProjection } from './export-controls.projection';

const added = (entityId: string, overrides: Partial<SanctionedEntityAdded['data']>): SanctionedEntityAdded => ({
  type: 'SanctionedEntityAdded',
  data: { ...(entityBody() as SanctionedEntityAdded['data']), entityId, ...overrides },
});

describe('export-controls projection', () => {
  const db = givenProjected(exportControlsProjection, [
    ...recorded('sanctionedEntity-a', [added('a', { effectiveFrom: '2023-10-06', country: 'CN' })]),
    ...recorded('sanctionedEntity-b', [added('b', { effectiveFrom: '2023-10-06', country: 'CN' })]),
    ...recorded('sanctionedEntity-c', [added('c', { effectiveFrom: '2024-02-23', country: 'HK' })]),
    ...recorded('sanctionedEntity-d', [added('d', { effectiveFrom: '2024-04-11', country: 'CN', list: 'OFAC_SDN' })]),
  ]);

  it('given listings on three days, then each day has its additions and the running total', () =>
    expect(exportControlsTimeline(db, {})).toEqual([
      { date: '2023-10-06', added: 2, removed: 0, cumulative: 2 },
      { date: '2024-02-23', added: 1, removed: 0, cumulative: 3 },
      { date: '2024-04-11', added: 1, removed: 0, cumulative: 4 },
    ]));

  it('filters by list and country', () => {
    expect(exportControlsTimeline(db, { list: 'BIS_ENTITY_LIST', country: 'CN' })).toEqual([
      { date: '2023-10-06', added: 2, removed: 0, cumulative: 2 },
    ]);
    expect(exportControlsTimeline(db, { list: 'OFAC_SDN' })).toEqual([
      { date: '2024-04-11', added: 1, removed: 0, cumulative: 1 },
    ]);
  });

  it('a `from` date keeps the earlier listings in the cumulative count', () =>
    expect(exportControlsTimeline(db, { from: '2024-01-01', to: '2024-03-01' })).toEqual([
      { date: '2024-02-23', added: 1, removed: 0, cumulative: 3 },
    ]));

  it('ignores events of other kinds', () => {
    const other = givenProjected(
      exportControlsProjection,
      recorded('statement-x', [{ type: 'StatementRecorded', data: { statementId: 'x' } as never }]),
    );
    expect(exportControlsTimeline(other, {})).toEqual([]);
  });
});
