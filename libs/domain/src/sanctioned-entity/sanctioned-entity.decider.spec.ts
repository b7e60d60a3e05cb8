import { deciderSpecification } from '@tracker/testing/decider-specification';
import {
  type AddSanctionedEntity,
  type AmendSanctionedEntity,
  type RemoveSanctionedEntity,
  type SanctionedEntityAdded,
  sanctionedEntityDecider,
} from './sanctioned-entity.decider';
import { sanctionedEntityId } from './sanctioned-entity-id';

const spec = deciderSpecification(sanctionedEntityDecider);
const now = new Date('2023-10-10T00:00:00Z');
const listing: AddSanctionedEntity['data'] = {
  entityId: sanctionedEntityId({ list: 'BIS_ENTITY_LIST', country: 'CN', name: 'Example Electronics Co., Ltd.' }),
  name: 'Example Electronics Co., Ltd.',
  aliases: ['Example Electronic'],
  country: 'CN',
  list: 'BIS_ENTITY_LIST',
  programs: ['EAR'],
  reason: 'Supplying Russia military and defense industrial base',
  effectiveFrom: '2023-10-06',
  federalRegisterCitation: '88 FR 00000 (test fixture)',
  addresses: ['Shenzhen, Guangdong'],
  licenseRequirement: 'For all items subject to the EAR',
  licensePolicy: 'Presumption of denial',
  source: { citation: '88 FR 00000 (test fixture)', publisher: 'Federal Register' },
};
const added: SanctionedEntityAdded = { type: 'SanctionedEntityAdded', data: listing };

describe('sanctioned entity decider', () => {
  it('given nothing, when an entity is added, then SanctionedEntityAdded carries the listing', () =>
    spec.given([]).when({ type: 'AddSanctionedEntity', data: listing, now }).then([added]));

  it('given a listed entity, when it is added to the same list again, then it is a conflict', () =>
    spec
      .given([added])
      .when({ type: 'AddSanctionedEntity', data: listing, now })
      .thenThrows({ kind: 'conflict', code: 'already-listed' }));
});

describe('sanctioned entity id', () => {
  const key = { list: 'BIS_ENTITY_LIST', country: 'CN', name: 'Example Electronics Co., Ltd.' };

  it('is the same for spellings that differ only in case, punctuation and spacing', () =>
    expect(sanctionedEntityId({ ...key, name: ' EXAMPLE electronics co ltd ' })).toBe(sanctionedEntityId(key)));

  it('differs by list, by country and by name', () => {
    const ids = new Set([
      sanctionedEntityId(key),
      sanctionedEntityId({ ...key, list: 'OFAC_SDN' }),
      sanctionedEntityId({ ...key, country: 'HK' }),
      sanctionedEntityId({ ...key, name: 'Other Electronics Co., Ltd.' }),
    ]);
    expect(ids.size).toBe(4);
  });

  it("prefers the source's own id over the name", () =>
    expect(sanctionedEntityId({ ...key, sourceId: 'csl-123' })).toBe(
      sanctionedEntityId({ ...key, name: 'Renamed Co', sourceId: 'csl-123' }),
    ));
});

describe('sanctioned entity amendments and removals', () => {
  const source = { citation: '89 FR 00000 (test fixture)', publisher: 'Federal Register' };
  const amendment: AmendSanctionedEntity['data'] = {
    entityId: listing.entityId,
    changes: { aliases: ['Example Electronic', 'EE Ltd'] },
    source,
  };
  const removal: RemoveSanctionedEntity['data'] = { entityId: listing.entityId, effectiveOn: '2024-06-01', source };
  const removed = { type: 'SanctionedEntityRemoved' as const, data: removal };

  it('given a listing, when it is amended, then SanctionedEntityAmended', () =>
    spec
      .given([added])
      .when({ type: 'AmendSanctionedEntity', data: amendment, now })
      .then([{ type: 'SanctionedEntityAmended', data: amendment }]));

  it('given a listing, when it is removed, then SanctionedEntityRemoved', () =>
    spec.given([added]).when({ type: 'RemoveSanctionedEntity', data: removal, now }).then([removed]));

  it('given a removed listing, when it is added again, then it is relisted', () =>
    spec.given([added, removed]).when({ type: 'AddSanctionedEntity', data: listing, now }).then([added]));

  it.each([
    [
      'removing an unknown entity',
      [],
      { type: 'RemoveSanctionedEntity', data: removal },
      'not-found',
      'entity-not-found',
    ],
    [
      'amending an unknown entity',
      [],
      { type: 'AmendSanctionedEntity', data: amendment },
      'not-found',
      'entity-not-found',
    ],
    [
      'removing an entity not listed',
      [added, removed],
      { type: 'RemoveSanctionedEntity', data: removal },
      'rule-violation',
      'not-listed',
    ],
    [
      'amending a removed entity',
      [added, removed],
      { type: 'AmendSanctionedEntity', data: amendment },
      'rule-violation',
      'not-listed',
    ],
    [
      'an amendment that changes nothing',
      [added],
      { type: 'AmendSanctionedEntity', data: { ...amendment, changes: {} } },
      'rule-violation',
      'nothing-to-amend',
    ],
    [
      'a removal dated before the listing',
      [added],
      { type: 'RemoveSanctionedEntity', data: { ...removal, effectiveOn: '2023-01-01' } },
      'rule-violation',
      'removed-before-listed',
    ],
  ] as const)('given %s, then it is refused', (_, given, when, kind, code) =>
    spec
      .given([...given])
      .when({ ...when, now } as never)
      .thenThrows({ kind, code }),
  );
});
