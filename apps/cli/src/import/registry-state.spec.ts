import type { SanctionedEntityEvent } from '@tracker/domain/sanctioned-entity/sanctioned-entity.decider';
import { foldListing } from './registry-state';

const source = { citation: 'fixture line 2', publisher: 'Test' };
const added: SanctionedEntityEvent = {
  type: 'SanctionedEntityAdded',
  data: {
    entityId: 'e1',
    name: 'Example Optics Trading Co., Ltd.',
    aliases: ['Example Optics'],
    country: 'CN',
    list: 'BIS_ENTITY_LIST',
    programs: ['EAR'],
    effectiveFrom: '2024-04-11',
    addresses: [],
    licensePolicy: 'Presumption of denial.',
    sourceId: 'csl:EL:1',
    source,
  },
};

describe('foldListing', () => {
  it('adds, merges amended fields and marks a removal, tracking the revision', () => {
    const events: SanctionedEntityEvent[] = [
      added,
      {
        type: 'SanctionedEntityAmended',
        data: { entityId: 'e1', changes: { licensePolicy: 'Case-by-case.' }, source },
      },
      { type: 'SanctionedEntityRemoved', data: { entityId: 'e1', effectiveOn: '2024-06-15', source } },
    ];
    const states = events.reduce<ReturnType<typeof foldListing>[]>(
      (acc, event, i) => [...acc, foldListing(acc[acc.length - 1], event, BigInt(i))],
      [],
    );
    expect(states[1]).toMatchObject({ status: 'listed', revision: 1n, facts: { licensePolicy: 'Case-by-case.' } });
    expect(states[1]?.facts.aliases).toEqual(['Example Optics']);
    expect(states[2]).toMatchObject({ status: 'removed', revision: 2n, entityId: 'e1' });
  });

  it('ignores an amendment of a stream it has not seen added', () => {
    const amended = { type: 'SanctionedEntityAmended', data: { entityId: 'e1', changes: {}, source } } as const;
    expect(foldListing(undefined, amended, 0n)).toBeUndefined();
  });
});
