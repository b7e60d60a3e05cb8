import { mapMndCsv, severityFromAircraft } from './mnd.mapper';

const HEADER = 'date,aircraft,median_line_crossings,navy_vessels,coast_guard_vessels,balloons';

describe('mapMndCsv', () => {
  it('maps a day to a taiwan-strait signal over 06:00–06:00 Taipei time ending on the report date', () => {
    const { reports, rejected } = mapMndCsv(
      `${HEADER},note\n2024-05-24,49,35,19,7,,Joint Sword-2024A exercise\n`,
      'mnd.csv',
    );
    expect(rejected).toEqual([]);
    expect(reports).toEqual([
      {
        at: 'line 2',
        order: 2,
        date: '2024-05-24',
        facts: {
          region: 'taiwan-strait',
          kind: 'exercise',
          observedFrom: '2024-05-23T06:00:00+08:00',
          observedTo: '2024-05-24T06:00:00+08:00',
          metrics: { aircraft: 49, medianLineCrossings: 35, navyVessels: 19, coastGuardVessels: 7 },
          severity: 5,
          summary: 'Joint Sword-2024A exercise',
          source: {
            publisher: 'Ministry of National Defense, ROC (Taiwan)',
            url: 'https://www.mnd.gov.tw/',
            citation: 'mnd.csv line 2',
          },
        },
      },
    ]);
  });

  it('crosses month and year ends, takes a severity column over the derived one, and calls plain days air', () => {
    const { reports } = mapMndCsv(`${HEADER},severity\n2024-03-01,12,3,6,1,0,\n2025-01-01,8,0,5,2,1,3\n`, 'f');
    expect(reports.map((r) => [r.facts.observedFrom, r.facts.kind, r.facts.severity])).toEqual([
      ['2024-02-29T06:00:00+08:00', 'air', 2],
      ['2024-12-31T06:00:00+08:00', 'air', 3],
    ]);
  });

  it('rejects bad rows by line and keeps the good ones', () => {
    const text = `${HEADER},severity\n24/05/2024,49,,,,,\n2024-05-25,many,,,,,\n2024-05-26,,,,,,\n2024-05-27,5,,,,,9\n2024-05-28,5\n2024-05-29,5,,,,,\n`;
    const { reports, rejected } = mapMndCsv(text, 'f');
    expect(reports.map((r) => r.date)).toEqual(['2024-05-29']);
    expect(rejected.map((r) => `${r.at}: ${r.reason}`)).toEqual([
      'line 2: date "24/05/2024" is not a date (YYYY-MM-DD)',
      'line 3: aircraft "many" is not a whole number',
      'line 4: aircraft is empty and no severity given',
      'line 5: severity "9" is not 1–5',
      'line 6: has 2 fields, the header has 7',
    ]);
  });

  it('refuses a file without date and aircraft columns', () => {
    expect(() => mapMndCsv('_id,source,name\n', 'f')).toThrow(/not an MND activity CSV/);
  });
});

describe('severityFromAircraft', () => {
  it.each([
    [0, 1],
    [9, 1],
    [10, 2],
    [20, 3],
    [30, 4],
    [44, 4],
    [45, 5],
    [62, 5],
  ])('%i aircraft → %i', (aircraft, severity) => expect(severityFromAircraft(aircraft)).toBe(severity));
});
