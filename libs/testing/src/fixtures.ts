/** A valid `POST /v1/statements` body (the Chinese foreign ministry on Taiwan, April 2024). */
export const statementBody = (overrides: Record<string, unknown> = {}) => ({
  speaker: 'Wang Yi',
  role: 'Foreign Minister',
  organization: 'Ministry of Foreign Affairs of the PRC',
  country: 'CN',
  audience: 'public',
  occurredAt: '2024-04-26',
  text: 'The Taiwan question is the first red line that must not be crossed in China-US relations.',
  topics: ['taiwan', 'diplomacy'],
  stance: 'critical',
  cameoCode: '111',
  source: { url: 'https://www.fmprc.gov.cn/eng/', publisher: 'PRC Ministry of Foreign Affairs' },
  ...overrides,
});

/** A valid `POST /v1/sanctioned-entities` body; the name is a placeholder, override it per test. */
export const entityBody = (overrides: Record<string, unknown> = {}) => ({
  name: 'Test Fixture Trading Co., Ltd.',
  aliases: ['Fixture Trading'],
  country: 'CN',
  list: 'BIS_ENTITY_LIST',
  programs: ['EAR'],
  reason: 'Supplying Russia military and defense industrial base',
  effectiveFrom: '2023-10-06',
  federalRegisterCitation: '88 FR 00000 (test fixture)',
  addresses: ['Shenzhen, Guangdong'],
  licenseRequirement: 'For all items subject to the EAR',
  licensePolicy: 'Presumption of denial',
  source: {
    citation: '88 FR 00000 (test fixture)',
    url: 'https://www.federalregister.gov/',
    publisher: 'Federal Register',
  },
  ...overrides,
});

/** A valid `POST /v1/escalation-signals` body: Taiwan MND, the 24 hours to 06:00 on 24 May 2024 (Joint Sword-2024A, day one). */
export const mndSignalBody = (overrides: Record<string, unknown> = {}) => ({
  region: 'taiwan-strait',
  kind: 'exercise',
  observedFrom: '2024-05-23T06:00:00+08:00',
  observedTo: '2024-05-24T06:00:00+08:00',
  metrics: { aircraft: 49, medianLineCrossings: 35, navyVessels: 19, coastGuardVessels: 7 },
  severity: 5,
  cameoCode: '150',
  summary: 'Joint Sword-2024A, day one',
  source: { url: 'https://www.mnd.gov.tw/', publisher: 'Taiwan Ministry of National Defense' },
  ...overrides,
});
