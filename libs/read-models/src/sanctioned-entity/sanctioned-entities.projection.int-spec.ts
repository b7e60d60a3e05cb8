import type {
  SanctionedEntityAdded,
  SanctionedEntityEvent,
} from '@tracker/domain/sanctioned-entity/sanctioned-entity.decider';
import { entityBody } from '@tracker/testing/fixtures';
import { givenProjected, recorded } from '@tracker/testing/projection-specification';
import { READ_MODEL_STORE_FACTORIES, type ReadModelStoreFactory } from '@tracker/testing/read-model-stores';
import type { Tables } from '../projection';
import { getSanctionedEntity, listSanctionedEntities } from './list-sanctioned-entities.sql';
import { sanctionedEntitiesProjection } from './sanctioned-entities.projection';

const source = { citation: 'test', publisher: 'Federal Register' };
const listing = {
  ...(entityBody() as SanctionedEntityAdded['data']),
  entityId: 'e1',
  name: 'Alpha Optics Ltd',
  aliases: ['AOL'],
};

describe.each(READ_MODEL_STORE_FACTORIES)('sanctioned-entities projection on $label', ({ create }) => {
  const events = [
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
  ];
  let db: Awaited<ReturnType<ReadModelStoreFactory['create']>>;
  let t: Tables;
  beforeAll(async () => {
    db = await create();
    ({ t } = await givenProjected(sanctionedEntitiesProjection, events, db));
  });
  afterAll(() => db?.dispose());

  const ids = async (filter: Partial<Parameters<typeof listSanctionedEntities>[2]>) =>
    (await listSanctionedEntities(db, t, { limit: 10, ...filter })).items.map((e) => e.id);

  it('a removed entity leaves the current registry but is found with status=removed', async () => {
    expect(await ids({})).toEqual([]);
    expect(await ids({ status: 'removed' })).toEqual(['e1']);
    expect(await getSanctionedEntity(db, t, 'e1', undefined)).toMatchObject({
      status: 'removed',
      removal: { effectiveOn: '2024-03-01' },
    });
  });

  it('aliases added by an amendment are searchable as of after it, not before', async () => {
    expect(await ids({ q: 'photonics', asOf: '2024-02-15T00:00:00Z' })).toEqual(['e1']);
    expect(await ids({ q: 'photonics', asOf: '2024-01-15T00:00:00Z' })).toEqual([]);
    expect(await ids({ q: 'aol', asOf: '2024-01-15T00:00:00Z' })).toEqual(['e1']);
  });

  it('one record as known at each time', async () => {
    expect(await getSanctionedEntity(db, t, 'e1', '2023-12-31T00:00:00Z')).toBeUndefined();
    expect(await getSanctionedEntity(db, t, 'e1', '2024-01-15T00:00:00Z')).toMatchObject({
      status: 'listed',
      aliases: ['AOL'],
      amendments: [],
    });
    expect(await getSanctionedEntity(db, t, 'e1', '2024-02-15T00:00:00Z')).toMatchObject({
      status: 'listed',
      aliases: ['AOL', 'Alpha Photonics'],
      amendments: [{ fields: ['aliases'] }],
    });
  });
});
