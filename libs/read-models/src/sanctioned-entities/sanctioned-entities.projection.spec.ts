import type {
  SanctionedEntityAdded,
  SanctionedEntityEvent,
} from '@tracker/domain/sanctioned-entity/sanctioned-entity.decider';
import { entityBody } from '@tracker/testing/fixtures';
import { givenProjected, recorded } from '@tracker/testing/projection-specification';
import { getSanctionedEntity, listSanctionedEntities } from './list-sanctioned-entities.query';
import { sanctionedEntitiesProjection } from './sanctioned-entities.projection';

const source = { citation: 'test', publisher: 'Federal Register' };
const listing = {
  ...(entityBody() as SanctionedEntityAdded['data']),
  entityId: 'e1',
  name: 'Alpha Optics Ltd',
  aliases: ['AOL'],
};

describe('sanctioned-entities projection', () => {
  const db = givenProjected(sanctionedEntitiesProjection, [
    ...recorded<SanctionedEntityEvent>(
      'sanctionedEntity-e1',
      [{ type: 'SanctionedEntityAdded', data: listing }],
      new Date('2024-01-01T00:00:00Z'),
    ),
    ...recorded<SanctionedEntityEvent>(
      'sanctionedEntity-e1',
      [
        {
          type: 'SanctionedEntityAmended',
          data: { entityId: 'e1', changes: { aliases: ['AOL', 'Alpha Photonics'] }, source },
        },
      ],
      new Date('2024-02-01T00:00:00Z'),
    ),
    ...recorded<SanctionedEntityEvent>(
      'sanctionedEntity-e1',
      [{ type: 'SanctionedEntityRemoved', data: { entityId: 'e1', effectiveOn: '2024-03-01', source } }],
      new Date('2024-03-02T00:00:00Z'),
    ),
  ]);
  const ids = (filter: Partial<Parameters<typeof listSanctionedEntities>[1]>) =>
    listSanctionedEntities(db, { limit: 10, ...filter }).items.map((e) => e.id);

  it('a removed entity leaves the current registry but is found with status=removed', () => {
    expect(ids({})).toEqual([]);
    expect(ids({ status: 'removed' })).toEqual(['e1']);
    expect(getSanctionedEntity(db, 'e1', undefined)).toMatchObject({
      status: 'removed',
      removal: { effectiveOn: '2024-03-01' },
    });
  });

  it('aliases added by an amendment are searchable as of after it, not before', () => {
    expect(ids({ q: 'photonics', asOf: '2024-02-15T00:00:00Z' })).toEqual(['e1']);
    expect(ids({ q: 'photonics', asOf: '2024-01-15T00:00:00Z' })).toEqual([]);
    expect(ids({ q: 'aol', asOf: '2024-01-15T00:00:00Z' })).toEqual(['e1']);
  });

  it('one record as known at each time', () => {
    expect(getSanctionedEntity(db, 'e1', '2023-12-31T00:00:00Z')).toBeUndefined();
    expect(getSanctionedEntity(db, 'e1', '2024-01-15T00:00:00Z')).toMatchObject({
      status: 'listed',
      aliases: ['AOL'],
      amendments: [],
    });
    expect(getSanctionedEntity(db, 'e1', '2024-02-15T00:00:00Z')).toMatchObject({
      status: 'listed',
      aliases: ['AOL', 'Alpha Photonics'],
      amendments: [{ fields: ['aliases'] }],
    });
  });
});
