/**
 * Public-record developments, Oct 2023 – Jun 2024, loaded through the same HTTP commands
 * analysts use. Each carries its real publisher; where a detail is from press reports
 * rather than the primary document, the source says `probable`. No entity name is
 * invented: rules whose entities we do not name are recorded with their published counts.
 */

/** One write: `path` may contain `{ref}` placeholders filled with ids from earlier writes. */
export interface DemoWrite {
  ref?: string;
  path: string;
  body: Record<string, unknown>;
}

const MFA = { url: 'https://www.fmprc.gov.cn/eng/', publisher: 'Ministry of Foreign Affairs of the PRC' };
const STATE = { url: 'https://www.state.gov/', publisher: 'US Department of State' };
const WHITE_HOUSE = { url: 'https://www.whitehouse.gov/briefing-room/', publisher: 'The White House' };
const TREASURY = { url: 'https://home.treasury.gov/news/press-releases', publisher: 'US Department of the Treasury' };
const USTR = { url: 'https://ustr.gov/about-us/policy-offices/press-office/press-releases', publisher: 'USTR' };
const BIS = { url: 'https://www.bis.gov/press-releases', publisher: 'Bureau of Industry and Security' };
const CONGRESS = { url: 'https://www.congress.gov/', publisher: 'Congress.gov' };
const MND = { url: 'https://www.mnd.gov.tw/', publisher: 'Ministry of National Defense, ROC (Taiwan)' };
const ROC_PRESIDENT = { url: 'https://english.president.gov.tw/', publisher: 'Office of the President, ROC (Taiwan)' };
const PROBABLE = { confidence: 'probable' } as const;

const statement = (body: Record<string, unknown>): DemoWrite => ({ path: '/v1/statements', body });
const rule = (occurredAt: string, total: number, china: number, summary: string): DemoWrite => ({
  path: '/v1/policy-actions',
  body: {
    kind: 'export-control-rule',
    title: `BIS Entity List additions of ${occurredAt}`,
    actors: ['US Department of Commerce', 'BIS'],
    instrument: 'Export Administration Regulations, Supplement No. 4 to Part 744 (Entity List)',
    stage: 'published',
    occurredAt,
    summary,
    announcedListings: { list: 'BIS_ENTITY_LIST', total, byCountry: { CN: china }, effectiveOn: occurredAt },
    source: BIS,
  },
});

/** In order: later writes refer to earlier ones by `ref`. */
export const DEMO_WRITES: readonly DemoWrite[] = [
  {
    path: '/v1/anchors',
    body: {
      name: 'woodside-summit-2023',
      date: '2023-11-15',
      title: 'Biden–Xi summit, Woodside, California',
      source: WHITE_HOUSE,
    },
  },
  {
    path: '/v1/anchors',
    body: {
      name: 'blinken-china-visit-2024',
      date: '2024-04-24',
      title: "Secretary Blinken's second trip to China",
      source: STATE,
    },
  },
  {
    path: '/v1/anchors',
    body: {
      name: 'taiwan-inauguration-2024',
      date: '2024-05-20',
      title: 'Inauguration of Lai Ching-te as President of Taiwan',
      source: ROC_PRESIDENT,
    },
  },
  rule(
    '2023-10-06',
    49,
    42,
    'BIS adds 49 entities, 42 of them in China, for supplying Russia’s military and defense industrial base.',
  ),
  rule(
    '2024-02-23',
    93,
    8,
    'BIS adds 93 entities (8 under China) on the second anniversary of Russia’s full-scale invasion of Ukraine.',
  ),
  rule(
    '2024-04-11',
    11,
    6,
    'BIS adds 11 entities, 6 of them in China, including suppliers of Russia’s drone programs.',
  ),
  {
    path: '/v1/sanctioned-entities',
    body: {
      name: 'Biren Technology',
      country: 'CN',
      list: 'BIS_ENTITY_LIST',
      programs: ['EAR'],
      reason: 'Advanced computing and AI chip development (October 2023 advanced-computing rules)',
      effectiveFrom: '2023-10-17',
      licenseRequirement: 'For all items subject to the EAR',
      licensePolicy: 'Presumption of denial',
      source: { ...BIS, ...PROBABLE },
    },
  },
  {
    path: '/v1/sanctioned-entities',
    body: {
      name: 'Moore Threads Intelligent Technology',
      aliases: ['Moore Threads'],
      country: 'CN',
      list: 'BIS_ENTITY_LIST',
      programs: ['EAR'],
      reason: 'Advanced computing and AI chip development (October 2023 advanced-computing rules)',
      effectiveFrom: '2023-10-17',
      licenseRequirement: 'For all items subject to the EAR',
      licensePolicy: 'Presumption of denial',
      source: { ...BIS, ...PROBABLE },
    },
  },
  {
    path: '/v1/diplomatic-engagements',
    body: {
      kind: 'meeting',
      title: 'Biden–Xi summit at Filoli Estate',
      participants: [
        { name: 'Joe Biden', role: 'President', country: 'US' },
        { name: 'Xi Jinping', role: 'President', country: 'CN' },
      ],
      places: ['Woodside, California'],
      startsOn: '2023-11-15',
      endsOn: '2023-11-15',
      source: WHITE_HOUSE,
    },
  },
  statement({
    speaker: 'Xi Jinping',
    role: 'President',
    organization: 'People’s Republic of China',
    country: 'CN',
    audience: 'public',
    occurredAt: '2023-11-15',
    text: 'Planet Earth is big enough for the two countries to succeed.',
    topics: ['us-china-relations'],
    stance: 'conciliatory',
    cameoCode: '010',
    source: MFA,
  }),
  {
    path: '/v1/diplomatic-engagements',
    body: {
      kind: 'call',
      title: 'Biden–Xi phone call',
      participants: [
        { name: 'Joe Biden', role: 'President', country: 'US' },
        { name: 'Xi Jinping', role: 'President', country: 'CN' },
      ],
      places: [],
      startsOn: '2024-04-02',
      endsOn: '2024-04-02',
      source: WHITE_HOUSE,
    },
  },
  {
    path: '/v1/diplomatic-engagements',
    body: {
      kind: 'visit',
      title: 'Treasury Secretary Yellen visits China',
      participants: [
        { name: 'Janet Yellen', role: 'Secretary of the Treasury', country: 'US' },
        { name: 'He Lifeng', role: 'Vice Premier', country: 'CN' },
        { name: 'Li Qiang', role: 'Premier', country: 'CN' },
      ],
      places: ['Guangzhou', 'Beijing'],
      startsOn: '2024-04-04',
      endsOn: '2024-04-09',
      source: TREASURY,
    },
  },
  statement({
    speaker: 'Janet Yellen',
    role: 'Secretary of the Treasury',
    organization: 'US Department of the Treasury',
    country: 'US',
    audience: 'public',
    occurredAt: '2024-04-08',
    text: 'Warned that firms, including PRC firms, that provide material support for Russia’s war against Ukraine will face significant consequences.',
    topics: ['russia', 'sanctions'],
    stance: 'critical',
    cameoCode: '1312',
    source: TREASURY,
  }),
  {
    ref: 'hr7521',
    path: '/v1/policy-actions',
    body: {
      kind: 'legislation',
      title: 'Protecting Americans from Foreign Adversary Controlled Applications Act (TikTok divest-or-ban)',
      actors: ['US Congress'],
      instrument: 'H.R. 7521',
      stage: 'introduced',
      occurredAt: '2024-03-05',
      source: CONGRESS,
    },
  },
  {
    path: '/v1/policy-actions/{hr7521}/stages',
    body: { stage: 'passed-house', occurredAt: '2024-03-13', note: 'Passed 352–65', source: CONGRESS },
  },
  {
    ref: 'hr815',
    path: '/v1/policy-actions',
    body: {
      kind: 'legislation',
      title: 'National security supplemental including the TikTok divest-or-ban provisions',
      actors: ['US Congress'],
      instrument: 'H.R. 815',
      stage: 'introduced',
      occurredAt: '2023-01-31',
      source: { ...CONGRESS, ...PROBABLE },
    },
  },
  {
    path: '/v1/policy-actions/{hr815}/stages',
    body: {
      stage: 'passed-house',
      occurredAt: '2024-04-20',
      note: 'Aid package with the TikTok provisions',
      source: CONGRESS,
    },
  },
  {
    path: '/v1/policy-actions/{hr815}/stages',
    body: { stage: 'passed-senate', occurredAt: '2024-04-23', source: CONGRESS },
  },
  {
    path: '/v1/policy-actions/{hr815}/stages',
    body: { stage: 'signed', occurredAt: '2024-04-24', note: 'Public Law 118-50', source: WHITE_HOUSE },
  },
  {
    ref: 'shipbuilding301',
    path: '/v1/policy-actions',
    body: {
      kind: 'investigation',
      title: 'Section 301 investigation of China’s targeting of the maritime, logistics and shipbuilding sectors',
      actors: ['USTR', 'United Steelworkers and four other unions (petitioners)'],
      instrument: 'Section 301 of the Trade Act of 1974',
      stage: 'petition',
      occurredAt: '2024-03-12',
      source: USTR,
    },
  },
  {
    path: '/v1/policy-actions/{shipbuilding301}/stages',
    body: { stage: 'initiated', occurredAt: '2024-04-17', source: USTR },
  },
  {
    ref: 'steel',
    path: '/v1/policy-actions',
    body: {
      kind: 'tariff',
      title: 'Tripling Section 301 tariffs on Chinese steel and aluminum',
      actors: ['President Biden', 'USTR'],
      instrument: 'Section 301 of the Trade Act of 1974',
      stage: 'proposed',
      occurredAt: '2024-04-17',
      summary:
        'The President calls on USTR to consider tripling the Section 301 tariff rate on Chinese steel and aluminum.',
      source: WHITE_HOUSE,
    },
  },
  {
    path: '/v1/policy-actions/{steel}/stages',
    body: { stage: 'announced', occurredAt: '2024-05-14', note: 'Raised to 25%', source: WHITE_HOUSE },
  },
  statement({
    speaker: 'Joe Biden',
    role: 'President',
    organization: 'The White House',
    country: 'US',
    audience: 'public',
    occurredAt: '2024-04-17',
    text: 'Called on the US Trade Representative to triple tariffs on Chinese steel and aluminum.',
    topics: ['tariffs', 'steel'],
    stance: 'critical',
    source: WHITE_HOUSE,
  }),
  statement({
    speaker: 'Senior State Department official',
    organization: 'US Department of State',
    country: 'US',
    audience: 'private',
    occurredAt: '2024-04-23',
    text: 'China is helping Russia rebuild its defense industrial base, the largest contributor to Russia’s war effort.',
    topics: ['russia', 'defense-industrial-base'],
    stance: 'critical',
    cameoCode: '111',
    source: { ...STATE, citation: 'Background briefing ahead of the Secretary’s travel to the PRC', ...PROBABLE },
  }),
  {
    path: '/v1/diplomatic-engagements',
    body: {
      kind: 'visit',
      title: 'Secretary of State Blinken visits China',
      participants: [
        { name: 'Antony Blinken', role: 'Secretary of State', country: 'US' },
        { name: 'Wang Yi', role: 'Foreign Minister', country: 'CN' },
        { name: 'Xi Jinping', role: 'President', country: 'CN' },
      ],
      places: ['Shanghai', 'Beijing'],
      startsOn: '2024-04-24',
      endsOn: '2024-04-26',
      source: STATE,
    },
  },
  statement({
    speaker: 'Wang Yi',
    role: 'Foreign Minister',
    organization: 'Ministry of Foreign Affairs of the PRC',
    country: 'CN',
    audience: 'public',
    occurredAt: '2024-04-26',
    text: 'The Taiwan question is the first red line that must not be crossed in China–US relations.',
    topics: ['taiwan'],
    stance: 'critical',
    cameoCode: '111',
    source: MFA,
  }),
  statement({
    speaker: 'Xi Jinping',
    role: 'President',
    organization: 'People’s Republic of China',
    country: 'CN',
    audience: 'public',
    occurredAt: '2024-04-26',
    text: 'China and the United States should be partners rather than rivals.',
    topics: ['us-china-relations'],
    stance: 'conciliatory',
    cameoCode: '010',
    source: MFA,
  }),
  statement({
    speaker: 'Antony Blinken',
    role: 'Secretary of State',
    organization: 'US Department of State',
    country: 'US',
    audience: 'public',
    occurredAt: '2024-04-26',
    text: 'Raised serious concern about the PRC’s support for Russia’s defense industrial base.',
    topics: ['russia', 'defense-industrial-base'],
    stance: 'critical',
    cameoCode: '111',
    source: STATE,
  }),
  statement({
    speaker: 'Lai Ching-te',
    role: 'President',
    organization: 'Office of the President, ROC (Taiwan)',
    country: 'TW',
    audience: 'public',
    occurredAt: '2024-05-20',
    text: 'The Republic of China and the People’s Republic of China are not subordinate to each other.',
    topics: ['taiwan', 'inauguration'],
    stance: 'neutral',
    cameoCode: '010',
    source: ROC_PRESIDENT,
  }),
  {
    path: '/v1/escalation-signals',
    body: {
      region: 'taiwan-strait',
      kind: 'exercise',
      observedFrom: '2024-05-23T06:00:00+08:00',
      observedTo: '2024-05-24T06:00:00+08:00',
      metrics: { aircraft: 49, medianLineCrossings: 35, navyVessels: 19, coastGuardVessels: 7 },
      severity: 5,
      cameoCode: '150',
      summary: 'Joint Sword-2024A, day one: PLA aircraft and vessels detected around Taiwan.',
      source: MND,
    },
  },
  {
    path: '/v1/escalation-signals',
    body: {
      region: 'taiwan-strait',
      kind: 'exercise',
      observedFrom: '2024-05-24T06:00:00+08:00',
      observedTo: '2024-05-25T06:00:00+08:00',
      metrics: { aircraft: 62, navyVessels: 27 },
      severity: 5,
      cameoCode: '150',
      summary: 'Joint Sword-2024A, day two.',
      source: MND,
    },
  },
];
