import { type FtmEntity, type FtmLine, mapFtmEntity, readFtmLines } from './opensanctions.mapper';

const entity = (overrides: Partial<FtmEntity> = {}): FtmEntity => ({
  id: 'NK-fx1',
  schema: 'Company',
  caption: 'Example Photonics Holdings Ltd.',
  properties: {
    name: ['Example Photonics Holdings Ltd.', 'Example Photonics Holdings Limited'],
    alias: ['Example Photonics'],
    country: ['cn'],
    address: ['1 Sample Road, Shenzhen'],
    program: ['EAR'],
    topics: ['export.control'],
    createdAt: ['2024-04-11'],
  },
  datasets: ['us_bis_entity'],
  first_seen: '2024-04-12T06:10:00',
  target: true,
  ...overrides,
});
const line = (e: FtmEntity, op?: FtmLine['op']): FtmLine => ({ at: 'line 1', order: 1, op, entity: e });

describe('readFtmLines', () => {
  it('reads entities and delta ops, reporting lines that are neither', () => {
    const text = [
      JSON.stringify(entity()),
      '',
      JSON.stringify({ op: 'DEL', entity: { id: 'NK-fx2' } }),
      '{not json',
      JSON.stringify({ op: 'PATCH', entity: entity() }),
      JSON.stringify({ schema: 'Company' }),
    ].join('\n');
    const { lines, problems } = readFtmLines(text);
    expect(lines.map((l) => [l.at, l.op, l.entity.id])).toEqual([
      ['line 1', undefined, 'NK-fx1'],
      ['line 3', 'DEL', 'NK-fx2'],
    ]);
    expect(problems.map((p) => `${p.at}: ${p.reason}`)).toEqual([
      'line 4: not valid JSON',
      'line 5: unknown delta op "PATCH" (ADD, MOD or DEL)',
      'line 6: no entity id',
    ]);
  });
});

describe('mapFtmEntity', () => {
  it('maps names, aliases, upper-cased country, addresses, programs and createdAt, keyed os:<id>', () => {
    const mapped = mapFtmEntity(line(entity()), 'entities.ftm.json');
    expect(mapped).toEqual({
      kind: 'listings',
      listings: [
        {
          at: 'line 1',
          order: 1,
          facts: {
            name: 'Example Photonics Holdings Ltd.',
            aliases: ['Example Photonics Holdings Limited', 'Example Photonics'],
            country: 'CN',
            list: 'BIS_ENTITY_LIST',
            programs: ['EAR'],
            effectiveFrom: '2024-04-11',
            addresses: ['1 Sample Road, Shenzhen'],
            sourceId: 'os:NK-fx1',
            source: {
              citation: 'entities.ftm.json line 1',
              url: 'https://www.opensanctions.org/entities/NK-fx1/',
              publisher: 'OpenSanctions',
            },
          },
        },
      ],
    });
  });

  it('lists an entity once per kept dataset, with topics and first_seen when program and createdAt are missing', () => {
    const mapped = mapFtmEntity(
      line(
        entity({
          datasets: ['us_ofac_sdn', 'eu_fsf', 'us_ofac_cmic'],
          properties: { name: ['Sample Institute'], nationality: ['cn'], topics: ['sanction'] },
        }),
      ),
      'f',
    );
    expect(
      mapped.kind === 'listings' && mapped.listings.map((l) => [l.facts.list, l.facts.programs, l.facts.effectiveFrom]),
    ).toEqual([
      ['OFAC_SDN', ['sanction'], '2024-04-12'],
      ['OFAC_NS_CMIC', ['sanction'], '2024-04-12'],
    ]);
  });

  it.each([
    ['an address', { schema: 'Address' }],
    ['a non-target', { target: false }],
    ['an entity of datasets we do not keep', { datasets: ['gb_hmt_sanctions'] }],
  ])('skips %s', (_, overrides) => {
    expect(mapFtmEntity(line(entity(overrides)), 'f')).toEqual({ kind: 'skipped' });
  });

  it('rejects an entity without a usable country or date, naming its lists', () => {
    expect(
      mapFtmEntity(line(entity({ properties: { name: ['X Co.'], createdAt: ['2024'] }, first_seen: undefined })), 'f'),
    ).toEqual({
      kind: 'rejected',
      reason: 'neither createdAt nor first_seen gives a listing date',
      lists: ['BIS_ENTITY_LIST'],
    });
    expect(mapFtmEntity(line(entity({ properties: { name: ['X Co.'], country: ['zz'] } })), 'f')).toMatchObject({
      kind: 'rejected',
      reason: 'unknown country "ZZ" (not ISO 3166-1 alpha-2)',
    });
  });
});
