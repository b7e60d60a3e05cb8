import { deciderSpecification } from '@tracker/testing/decider-specification';
import {
  type AdvancePolicyAction,
  type PolicyActionAdvanced,
  policyActionDecider,
  type PolicyActionRecorded,
  type RecordPolicyAction,
} from './policy-action.decider';

const spec = deciderSpecification(policyActionDecider);
const now = new Date('2024-05-14T12:00:00Z');
const policyActionId = 'b7e2c1aa-0000-4000-8000-000000000001';
const ustr = { url: 'https://ustr.gov/', publisher: 'Office of the USTR' };

const investigation: RecordPolicyAction['data'] = {
  policyActionId,
  kind: 'investigation',
  title: 'Section 301 investigation of China’s maritime, logistics and shipbuilding sectors',
  actors: ['USTR'],
  instrument: 'Section 301',
  citation: '89 FR 27474',
  stage: 'petition',
  occurredAt: '2024-03-12',
  summary: 'Petition by five US labor unions.',
  source: ustr,
};
const recorded: PolicyActionRecorded = { type: 'PolicyActionRecorded', data: investigation };
const initiate: AdvancePolicyAction['data'] = {
  policyActionId,
  stage: 'initiated',
  occurredAt: '2024-04-17',
  note: 'USTR initiates the investigation',
  source: ustr,
};
const initiated: PolicyActionAdvanced = {
  type: 'PolicyActionAdvanced',
  data: { ...initiate, kind: 'investigation', previousStage: 'petition' },
};

const exportRule: RecordPolicyAction['data'] = {
  policyActionId,
  kind: 'export-control-rule',
  title: 'Additions to the Entity List (Russia military support)',
  actors: ['BIS'],
  instrument: '15 CFR part 744',
  citation: '88 FR 70352',
  stage: 'published',
  occurredAt: '2023-10-11',
  announcedListings: { list: 'BIS_ENTITY_LIST', total: 49, byCountry: { CN: 42, FI: 1 }, effectiveOn: '2023-10-06' },
  source: { citation: '88 FR 70352', publisher: 'Federal Register' },
};

describe('policy action decider', () => {
  it('given nothing, when an action is recorded, then PolicyActionRecorded carries every fact', () =>
    spec.given([]).when({ type: 'RecordPolicyAction', data: investigation, now }).then([recorded]));

  it('given nothing, when an export-control rule with announced listings is recorded, then the counts are in the event', () =>
    spec
      .given([])
      .when({ type: 'RecordPolicyAction', data: exportRule, now })
      .then([{ type: 'PolicyActionRecorded', data: exportRule }]));

  it('given nothing, when a tariff with a rate is recorded, then the rate is in the event', () => {
    const tariff: RecordPolicyAction['data'] = {
      ...investigation,
      kind: 'tariff',
      title: 'Section 301 tariffs on Chinese steel and aluminum',
      stage: 'proposed',
      occurredAt: '2024-04-17',
      rate: '25%',
    };
    spec
      .given([])
      .when({ type: 'RecordPolicyAction', data: tariff, now })
      .then([{ type: 'PolicyActionRecorded', data: tariff }]);
  });

  it('given a recorded action, when the same id is recorded again, then it is a conflict', () =>
    spec
      .given([recorded])
      .when({ type: 'RecordPolicyAction', data: investigation, now })
      .thenThrows({ kind: 'conflict', code: 'policy-action-exists' }));

  it('given a recorded action, when it advances, then PolicyActionAdvanced carries the stage, kind and previous stage', () =>
    spec.given([recorded]).when({ type: 'AdvancePolicyAction', data: initiate, now }).then([initiated]));

  it('given nothing, when an action advances, then it is not found', () =>
    spec
      .given([])
      .when({ type: 'AdvancePolicyAction', data: initiate, now })
      .thenThrows({ kind: 'not-found', code: 'policy-action-not-found' }));

  it('given a recorded action, when the next stage is dated before the current one, then it is a rule violation', () =>
    spec
      .given([recorded])
      .when({ type: 'AdvancePolicyAction', data: { ...initiate, occurredAt: '2024-03-11' }, now })
      .thenThrows({ kind: 'rule-violation', code: 'occurred-before-previous-stage' }));

  it('given a recorded action, when the next stage is dated on the same day, then it is accepted', () =>
    spec
      .given([recorded])
      .when({ type: 'AdvancePolicyAction', data: { ...initiate, occurredAt: '2024-03-12' }, now })
      .then([{ ...initiated, data: { ...initiated.data, occurredAt: '2024-03-12' } }]));

  const future = '2024-05-16T00:00:00Z';
  it.each<[string, () => void]>([
    [
      'recording',
      () =>
        spec
          .given([])
          .when({ type: 'RecordPolicyAction', data: { ...investigation, occurredAt: future }, now })
          .thenThrows({ kind: 'rule-violation', code: 'occurred-in-future' }),
    ],
    [
      'advancing',
      () =>
        spec
          .given([recorded])
          .when({ type: 'AdvancePolicyAction', data: { ...initiate, occurredAt: future }, now })
          .thenThrows({ kind: 'rule-violation', code: 'occurred-in-future' }),
    ],
  ])('given a server time, when %s is dated more than a day later, then it is a rule violation', (_, check) => check());

  it.each<[string, Partial<RecordPolicyAction['data']>, string]>([
    ['a rate on an investigation', { rate: '25%' }, 'rate-only-for-tariffs'],
    [
      'listings on an investigation',
      { announcedListings: exportRule.announcedListings },
      'listings-only-for-export-control-rules',
    ],
    [
      'more listings by country than in total',
      { ...exportRule, announcedListings: { ...exportRule.announcedListings!, total: 40 } },
      'listings-exceed-total',
    ],
  ])('given nothing, when recording %s, then it is a rule violation', (_, overrides, code) =>
    spec
      .given([])
      .when({ type: 'RecordPolicyAction', data: { ...investigation, ...overrides }, now })
      .thenThrows({ kind: 'rule-violation', code }),
  );
});
