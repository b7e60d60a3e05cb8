import { mapCslRecords, readCslFile } from './csl.mapper';
import { incomingEntityId } from './listing-diff';

const HEADER =
  '_id,source,entity_number,type,programs,name,title,addresses,federal_register_notice,start_date,end_date,standard_order,license_requirement,license_policy,call_sign,vessel_type,gross_tonnage,gross_registered_tonnage,vessel_flag,vessel_owner,remarks,source_list_url,alt_names,citizenships,dates_of_birth,nationalities,places_of_birth,source_information_url,ids';
const EL = 'Entity List (EL) - Bureau of Industry and Security';
const csvRow = (cells: Record<string, string>) =>
  HEADER.split(',')
    .map((column) => JSON.stringify(cells[column] ?? ''))
    .join(',');
const csv = (...rows: Record<string, string>[]) => [HEADER, ...rows.map(csvRow)].join('\n');
const optics = {
  _id: 'fx1',
  source: EL,
  programs: 'EAR',
  name: 'Example Optics Trading Co., Ltd.',
  addresses: '1 Sample Road, Shenzhen, 518000, CN; 2 Demo Street, Kowloon, HK',
  federal_register_notice: '89 FR 99901',
  start_date: '2024-04-11',
  license_requirement: 'For all items subject to the EAR.',
  license_policy: 'Presumption of denial.',
  source_list_url: 'https://example.test/el',
  alt_names: 'Example Optics; EOT Trading',
};
const map = (text: string, defaultStartDate?: string) =>
  mapCslRecords(readCslFile(text).records, { file: 'snapshot.csv', defaultStartDate });

describe('CSL mapping', () => {
  it('maps a CSV row: list from source, key from _id, `; ` cells to lists, country from the first address', () => {
    const { listings, rejected, lists } = map(csv(optics));
    expect(rejected).toEqual([]);
    expect([...lists]).toEqual(['BIS_ENTITY_LIST']);
    expect(listings).toEqual([
      {
        at: 'line 2',
        order: 2,
        facts: {
          name: 'Example Optics Trading Co., Ltd.',
          aliases: ['Example Optics', 'EOT Trading'],
          country: 'CN',
          list: 'BIS_ENTITY_LIST',
          programs: ['EAR'],
          effectiveFrom: '2024-04-11',
          federalRegisterCitation: '89 FR 99901',
          addresses: ['1 Sample Road, Shenzhen, 518000, CN', '2 Demo Street, Kowloon, HK'],
          licenseRequirement: 'For all items subject to the EAR.',
          licensePolicy: 'Presumption of denial.',
          sourceId: 'csl:EL:fx1',
          source: {
            citation: 'snapshot.csv line 2',
            url: 'https://example.test/el',
            publisher: 'International Trade Administration (Consolidated Screening List)',
          },
        },
      },
    ]);
  });

  it('skips sources we do not keep and rejects bad rows with their line, keeping their listings', () => {
    const result = map(
      csv(
        { ...optics, _id: 'd1', source: 'Denied Persons List (DPL) - Bureau of Industry and Security' },
        { ...optics, _id: 'e1', name: '' },
        { ...optics, _id: 'e2', start_date: '2024-02-30' },
        { ...optics, _id: 'e3', addresses: 'Somewhere, XX' },
        { ...optics, _id: 'e4', addresses: 'Somewhere without a code' },
        { ...optics, _id: '' },
      ),
    );
    expect(result.skipped).toBe(1);
    expect(result.listings).toEqual([]);
    expect(result.rejected.map((r) => `${r.at}: ${r.reason}`)).toEqual([
      'line 3: name is empty',
      'line 4: start date "2024-02-30" is not a date (YYYY-MM-DD)',
      'line 5: unknown country "XX" (not ISO 3166-1 alpha-2)',
      'line 6: no country: neither an address nor a nationality or citizenship names one',
      'line 7: _id is empty: the row cannot be matched with later snapshots',
    ]);
    expect(result.keep.size).toBe(4);
  });

  it('rejects a row without start_date unless a default date is given', () => {
    const undated = csv({ ...optics, start_date: '' });
    expect(map(undated).rejected[0].reason).toMatch(/start_date is empty/);
    expect(map(undated, '2024-05-01').listings[0].facts.effectiveFrom).toBe('2024-05-01');
  });

  it('reads trade.gov API JSON: `id`, address objects, arrays, nationality when there is no address', () => {
    const json = JSON.stringify({
      total: 2,
      results: [
        {
          id: 'fx2',
          source: 'Specially Designated Nationals (SDN) - Treasury Department',
          name: 'EXAMPLE, Jane',
          addresses: [],
          nationalities: ['cn'],
          alt_names: ['EXAMPLE, J.'],
          programs: ['RUSSIA-EO14024'],
          start_date: '2024-05-01',
        },
        {
          id: 'fx3',
          source: EL,
          name: 'Demo Lasers Co.',
          addresses: [{ address: '6 Sample Avenue', city: 'Wuhan', state: null, postal_code: '430000', country: 'CN' }],
          start_date: '2024-04-11',
        },
      ],
    });
    const { records, partial } = readCslFile(json);
    const { listings } = mapCslRecords(records, { file: 'csl.json' });
    expect(partial).toBeUndefined();
    expect(listings.map((l) => [l.at, l.facts.list, l.facts.country, l.facts.sourceId, l.facts.addresses])).toEqual([
      ['record 1', 'OFAC_SDN', 'CN', 'csl:SDN:fx2', []],
      ['record 2', 'BIS_ENTITY_LIST', 'CN', 'csl:EL:fx3', ['6 Sample Avenue, Wuhan, 430000, CN']],
    ]);
    expect(listings[0].facts.source.citation).toBe('csl.json record 1');
  });

  it('takes an API answer with more results than it holds for one page, not a snapshot', () => {
    expect(readCslFile(JSON.stringify({ total: 250, results: [{}] })).partial).toBe(
      'one page of a search (1 of 250 results)',
    );
    expect(readCslFile('[]').partial).toBeUndefined();
  });

  it('refuses a CSV that is not the screening list', () => {
    expect(() => readCslFile('date,aircraft\n2024-05-24,49\n')).toThrow(/not a Consolidated Screening List CSV/);
  });

  it('keys a listing by list and _id only, so a corrected name or country stays the same entity', () => {
    const [a] = map(csv(optics)).listings;
    const [b] = map(csv({ ...optics, name: 'Example Optics Co.' })).listings;
    expect(incomingEntityId(a)).toBe(incomingEntityId(b));
  });
});
