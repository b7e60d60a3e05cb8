import type { ListingFacts } from '@tracker/domain/sanctioned-entity/sanctioned-entity.decider';
import {
  type CurrentListing,
  type DiffScope,
  diffListings,
  type IncomingListing,
  incomingEntityId,
  listingChanges,
} from './listing-diff';

const source = { citation: 'snapshot.csv line 2', publisher: 'Test' };
const facts = (id: string, overrides: Partial<ListingFacts> = {}): ListingFacts & { sourceId: string } => ({
  name: `Example Entity ${id}`,
  aliases: ['Alpha', 'Beta'],
  country: 'CN',
  list: 'BIS_ENTITY_LIST',
  programs: ['EAR'],
  effectiveFrom: '2024-04-11',
  addresses: ['Shenzhen, CN'],
  licensePolicy: 'Presumption of denial.',
  sourceId: `csl:EL:${id}`,
  source,
  ...overrides,
});
const row = (line: number, f: ListingFacts & { sourceId: string }): IncomingListing => ({
  at: `line ${line}`,
  order: line,
  facts: f,
});
const registry = (...listings: [ListingFacts & { sourceId: string }, CurrentListing['status']][]) =>
  new Map(
    listings.map(([f, status]) => {
      const entityId = incomingEntityId(row(0, f));
      return [entityId, { entityId, revision: 0n, status, facts: f }] as const;
    }),
  );
const scope: DiffScope = {
  inScope: ({ facts: f }) => f.list === 'BIS_ENTITY_LIST',
  keep: new Set(),
  effectiveOn: '2024-06-15',
  removal: ({ facts: f }) => ({ at: `${f.sourceId} (absent)`, source, reason: 'absent' }),
};

describe('diffListings', () => {
  it('adds new listings, amends changed ones with only the changed fields, removes absent ones', () => {
    const current = registry([facts('1'), 'listed'], [facts('2'), 'listed'], [facts('3'), 'listed']);
    const plan = diffListings(
      [row(2, facts('1')), row(3, facts('2', { licensePolicy: 'Case-by-case review.' })), row(4, facts('4'))],
      current,
      scope,
    );
    expect(plan.unchanged).toBe(1);
    expect(plan.operations.map((op) => [op.kind, op.at])).toEqual([
      ['amend', 'line 3'],
      ['add', 'line 4'],
      ['remove', 'csl:EL:3 (absent)'],
    ]);
    expect(plan.operations[0]).toMatchObject({ changes: { licensePolicy: 'Case-by-case review.' } });
    expect(plan.operations[2]).toMatchObject({ effectiveOn: '2024-06-15', revision: '0' });
  });

  it('leaves alone listings out of scope, already removed, or whose rows were rejected', () => {
    const sdn = facts('9', { list: 'OFAC_SDN', sourceId: 'csl:SDN:9' });
    const kept = facts('5');
    const current = registry([sdn, 'listed'], [facts('6'), 'removed'], [kept, 'listed']);
    const plan = diffListings([], current, { ...scope, keep: new Set([incomingEntityId(row(0, kept))]) });
    expect(plan.operations).toEqual([]);
  });

  it('takes a name spelt with other case or punctuation for the same listing', () => {
    const plan = diffListings(
      [row(2, facts('1', { name: 'EXAMPLE ENTITY 1.' }))],
      registry([facts('1'), 'listed']),
      scope,
    );
    expect(plan).toEqual({ operations: [], unchanged: 1, rejected: [] });
  });

  it('relists a removed listing that is back in the file', () => {
    const plan = diffListings([row(2, facts('6'))], registry([facts('6'), 'removed']), scope);
    expect(plan.operations).toMatchObject([{ kind: 'add', at: 'line 2', revision: '0' }]);
  });

  it('rejects a second row for the same listing and a row that renames a listing', () => {
    const current = registry([facts('1'), 'listed']);
    const plan = diffListings(
      [row(2, facts('1', { name: 'Renamed Entity' })), row(3, facts('7')), row(4, facts('7'))],
      current,
      scope,
    );
    expect(plan.rejected).toEqual([
      {
        at: 'line 2',
        order: 2,
        reason: 'name "Renamed Entity" differs from the listed "Example Entity 1"; a listing\'s name cannot be amended',
      },
      { at: 'line 4', order: 4, reason: 'duplicate of line 3 (same list and source id)' },
    ]);
    expect(plan.operations.map((op) => op.kind)).toEqual(['add']);
  });
});

describe('listingChanges', () => {
  it('compares lists as sets: a reordered cell is no change', () => {
    expect(listingChanges(facts('1'), facts('1', { aliases: ['Beta', 'Alpha'] }))).toEqual({});
    expect(listingChanges(facts('1'), facts('1', { aliases: ['Alpha'] }))).toEqual({ aliases: ['Alpha'] });
  });

  it('records a text the file no longer states as empty, and a new one as set', () => {
    expect(
      listingChanges(facts('1'), facts('1', { licensePolicy: undefined, federalRegisterCitation: '89 FR 1' })),
    ).toEqual({
      federalRegisterCitation: '89 FR 1',
      licensePolicy: '',
    });
  });
});
