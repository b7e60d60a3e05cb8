import { ANCHOR_NAME } from '@tracker/domain/anchor/anchor.decider';
import { ENGAGEMENT_KINDS } from '@tracker/domain/diplomatic-engagement/diplomatic-engagement.decider';
import { ESCALATION_REGIONS } from '@tracker/domain/escalation-signal/escalation-region';
import { ESCALATION_KINDS, ESCALATION_METRICS } from '@tracker/domain/escalation-signal/escalation-signal.decider';
import {
  LIFECYCLES,
  POLICY_ACTION_KINDS,
  POLICY_ACTION_STAGES,
} from '@tracker/domain/policy-action/policy-action.lifecycle';
import { SANCTIONS_LISTS } from '@tracker/domain/sanctioned-entity/sanctioned-entity.decider';
import { CAMEO_CODE_LIST } from '@tracker/domain/shared/cameo';
import { CONFIDENCE_GRADES } from '@tracker/domain/shared/source';
import { AUDIENCES, STANCES } from '@tracker/domain/statement/statement.decider';
import fc from 'fast-check';
import { nastyChar } from './junk.arbitraries';

/**
 * Bodies the API should accept (most of the time: a few still fail domain rules, such as a
 * duplicate listing or an engagement ending before it starts). They are the seeds that
 * `mutatedBody` changes, so that mutated requests probe one field at a time.
 */

type Body = Record<string, unknown>;

/** Mostly readable text, now and then a NUL, lone surrogate, RTL mark or emoji: all valid strings. */
export const text = (maxLength = 60, minLength = 1): fc.Arbitrary<string> =>
  fc
    .string({
      unit: fc.oneof(
        { weight: 12, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }) },
        { weight: 1, arbitrary: nastyChar },
      ),
      minLength,
      maxLength,
    })
    .filter((s) => s.trim().length > 0);

const COUNTRIES = ['CN', 'US', 'TW', 'HK', 'RU', 'IR', 'KP', 'JP', 'DE', 'FI', 'PH', 'cn', 'us'];
export const country = fc.constantFrom(...COUNTRIES);

/** Calendar dates that exist, including leap days and the extremes of four-digit years. */
export const dateOnly: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc
      .date({ min: new Date('1949-10-01'), max: new Date('2024-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10)),
  },
  { weight: 1, arbitrary: fc.constantFrom('0001-01-01', '1000-02-29', '2024-02-29', '1970-01-01', '9999-12-31') },
);

/** Date-times with an explicit offset (`Z` or ±hh:mm). */
export const dateTimeWithOffset: fc.Arbitrary<string> = fc
  .tuple(
    fc.date({ min: new Date('2000-01-01'), max: new Date('2024-12-31'), noInvalidDate: true }),
    fc.constantFrom('Z', '+08:00', '-05:00', '+14:00', '-12:00', '+05:45'),
  )
  .map(([d, offset]) => {
    const utc = d.toISOString();
    if (offset === 'Z') return utc;
    const sign = offset[0] === '+' ? 1 : -1;
    const minutes = sign * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6)));
    return `${new Date(d.getTime() + minutes * 60_000).toISOString().slice(0, 19)}${offset}`;
  });

/** `occurredAt`: a date or a date-time. */
export const occurredAt = fc.oneof(dateOnly, dateTimeWithOffset);

const URLS = [
  'https://www.federalregister.gov/',
  'https://www.mnd.gov.tw/',
  'https://www.fmprc.gov.cn/eng/',
  'http://example.com/a?b=c#d',
  'https://xn--fiqs8s.xn--fiqz9s/',
  'https://www.congress.gov/bill/118th-congress/house-bill/7521',
];

/** A source with a URL, a citation or both, a publisher, and sometimes a confidence grade. */
export const source: fc.Arbitrary<Body> = fc.oneof(
  fc.record(
    { url: fc.constantFrom(...URLS), publisher: text(40), confidence: fc.constantFrom(...CONFIDENCE_GRADES) },
    { requiredKeys: ['url', 'publisher'] },
  ),
  fc.record({ citation: text(40), publisher: text(40) }),
  fc.record({ url: fc.constantFrom(...URLS), citation: text(40), publisher: text(40) }),
);

const statementFacts = {
  speaker: text(40),
  role: text(40),
  organization: text(40),
  country,
  audience: fc.constantFrom(...AUDIENCES),
  occurredAt,
  text: text(300),
  topics: fc.array(text(20), { maxLength: 5 }),
  stance: fc.constantFrom(...STANCES),
  cameoCode: fc.constantFrom(...CAMEO_CODE_LIST),
};

export const statement: fc.Arbitrary<Body> = fc.record(
  { ...statementFacts, source },
  { requiredKeys: ['speaker', 'country', 'audience', 'occurredAt', 'text', 'source'] },
);

export const correction: fc.Arbitrary<Body> = fc.record({
  changes: fc.record(statementFacts, { requiredKeys: [] }),
  reason: text(80),
  source,
});

export const retraction: fc.Arbitrary<Body> = fc.record({ reason: text(80), source });

const listingDetails = {
  aliases: fc.array(text(40), { maxLength: 4 }),
  programs: fc.array(fc.constantFrom('EAR', 'RUSSIA-EO14024', 'SDGT', 'NS-CMIC', 'CMIC-EO13959'), { maxLength: 3 }),
  reason: text(120),
  federalRegisterCitation: text(30),
  addresses: fc.array(text(60), { maxLength: 3 }),
  licenseRequirement: text(60),
  licensePolicy: text(60),
};

export const entity: fc.Arbitrary<Body> = fc.record(
  {
    name: text(80),
    country,
    list: fc.constantFrom(...SANCTIONS_LISTS),
    effectiveFrom: dateOnly,
    sourceId: text(20),
    source,
    ...listingDetails,
  },
  { requiredKeys: ['name', 'country', 'list', 'effectiveFrom', 'source'] },
);

export const amendment: fc.Arbitrary<Body> = fc.record(
  { changes: fc.record(listingDetails, { requiredKeys: [] }), note: text(80), source },
  { requiredKeys: ['changes', 'source'] },
);

export const removal: fc.Arbitrary<Body> = fc.record(
  { effectiveOn: dateOnly, federalRegisterCitation: text(30), reason: text(80), source },
  { requiredKeys: ['effectiveOn', 'source'] },
);

export const policyAction: fc.Arbitrary<Body> = fc.constantFrom(...POLICY_ACTION_KINDS).chain((kind) =>
  fc.record(
    {
      kind: fc.constant(kind),
      title: text(80),
      actors: fc.array(text(30), { minLength: 1, maxLength: 3 }),
      instrument: text(30),
      citation: text(30),
      stage: fc.constantFrom(...LIFECYCLES[kind].start),
      occurredAt,
      summary: text(200),
      ...(kind === 'tariff' ? { rate: fc.constantFrom('25%', '100%', '7.5%', 'ad valorem') } : {}),
      ...(kind === 'export-control-rule'
        ? {
            announcedListings: fc.record({
              list: fc.constantFrom(...SANCTIONS_LISTS),
              total: fc.integer({ min: 0, max: 500 }),
              byCountry: fc.dictionary(fc.constantFrom('CN', 'RU', 'IR', 'AE', 'TW'), fc.nat(100), {
                maxKeys: 3,
                noNullPrototype: true,
              }),
              effectiveOn: dateOnly,
            }),
          }
        : {}),
      source,
    },
    { requiredKeys: ['kind', 'title', 'actors', 'instrument', 'stage', 'occurredAt', 'source'] },
  ),
);

export const stage: fc.Arbitrary<Body> = fc.record(
  { stage: fc.constantFrom(...POLICY_ACTION_STAGES), occurredAt: dateTimeWithOffset, note: text(80), source },
  { requiredKeys: ['stage', 'occurredAt', 'source'] },
);

export const escalationSignal: fc.Arbitrary<Body> = fc.tuple(dateTimeWithOffset, dateTimeWithOffset).chain(([a, b]) =>
  fc.record(
    {
      region: fc.constantFrom(...ESCALATION_REGIONS),
      kind: fc.constantFrom(...ESCALATION_KINDS),
      observedFrom: fc.constant(Date.parse(a) <= Date.parse(b) ? a : b),
      observedTo: fc.constant(Date.parse(a) <= Date.parse(b) ? b : a),
      metrics: fc.record(Object.fromEntries(ESCALATION_METRICS.map((m) => [m, fc.integer({ min: 0, max: 100_000 })])), {
        requiredKeys: [],
      }),
      severity: fc.integer({ min: 1, max: 5 }),
      cameoCode: fc.constantFrom(...CAMEO_CODE_LIST),
      summary: text(200),
      source,
    },
    { requiredKeys: ['region', 'kind', 'observedFrom', 'observedTo', 'severity', 'source'] },
  ),
);

/** Lower-case slugs, as `ANCHOR_NAME` requires. */
export const anchorName: fc.Arbitrary<string> = fc
  .array(fc.stringMatching(/^[a-z0-9]{1,12}$/), { minLength: 1, maxLength: 6 })
  .map((parts) => parts.join('-'))
  .filter((name) => ANCHOR_NAME.test(name) && name.length <= 100);

export const anchor: fc.Arbitrary<Body> = fc.record(
  { name: anchorName, date: dateOnly, title: text(80), description: text(200), source },
  { requiredKeys: ['name', 'date', 'title', 'source'] },
);

export const engagement: fc.Arbitrary<Body> = fc.tuple(dateOnly, dateOnly).chain(([a, b]) =>
  fc.record(
    {
      kind: fc.constantFrom(...ENGAGEMENT_KINDS),
      title: text(80),
      participants: fc.array(
        fc.record({ name: text(40), role: text(40), country }, { requiredKeys: ['name', 'country'] }),
        { minLength: 1, maxLength: 4 },
      ),
      places: fc.array(text(30), { maxLength: 3 }),
      startsOn: fc.constant(a <= b ? a : b),
      endsOn: fc.constant(a <= b ? b : a),
      summary: text(200),
      source,
    },
    { requiredKeys: ['kind', 'title', 'participants', 'startsOn', 'endsOn', 'source'] },
  ),
);
