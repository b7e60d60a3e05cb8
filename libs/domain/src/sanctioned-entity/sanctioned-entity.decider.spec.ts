import { deciderSpecification } from '@tracker/testing/decider-specification';
import {
  type AddSanctionedEntity,
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
