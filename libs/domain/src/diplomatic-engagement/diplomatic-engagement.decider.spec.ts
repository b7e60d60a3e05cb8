import { deciderSpecification } from '@tracker/testing/decider-specification';
import {
  diplomaticEngagementDecider,
  type DiplomaticEngagementRecorded,
  type RecordDiplomaticEngagement,
} from './diplomatic-engagement.decider';

const spec = deciderSpecification(diplomaticEngagementDecider);
const now = new Date('2024-04-27T12:00:00Z');
const blinken = { name: 'Antony Blinken', role: 'Secretary of State', country: 'US' };
const wangYi = { name: 'Wang Yi', role: 'Foreign Minister', country: 'CN' };
const visit: RecordDiplomaticEngagement['data'] = {
  engagementId: 'd1e2f3a4-0000-4000-8000-000000000003',
  kind: 'visit',
  title: 'Secretary Blinken’s travel to the People’s Republic of China',
  participants: [blinken, wangYi],
  places: ['Shanghai', 'Beijing'],
  startsOn: '2024-04-24',
  endsOn: '2024-04-26',
  summary: 'Second trip to China; meetings with Wang Yi and Xi Jinping.',
  source: { url: 'https://www.state.gov/', publisher: 'US Department of State' },
};
const recorded: DiplomaticEngagementRecorded = { type: 'DiplomaticEngagementRecorded', data: visit };

describe('diplomatic engagement decider', () => {
  it('given nothing, when an engagement is recorded, then DiplomaticEngagementRecorded carries every fact', () =>
    spec.given([]).when({ type: 'RecordDiplomaticEngagement', data: visit, now }).then([recorded]));

  it('given nothing, when a one-day call between two people is recorded, then it is accepted', () => {
    const call = { ...visit, kind: 'call' as const, places: [], startsOn: '2024-04-02', endsOn: '2024-04-02' };
    spec
      .given([])
      .when({ type: 'RecordDiplomaticEngagement', data: call, now })
      .then([{ type: 'DiplomaticEngagementRecorded', data: call }]);
  });

  it('given nothing, when a visit names only the visitor, then it is accepted', () => {
    const solo = { ...visit, participants: [blinken] };
    spec
      .given([])
      .when({ type: 'RecordDiplomaticEngagement', data: solo, now })
      .then([{ type: 'DiplomaticEngagementRecorded', data: solo }]);
  });

  it('given a recorded engagement, when the same id is recorded again, then it is a conflict', () =>
    spec
      .given([recorded])
      .when({ type: 'RecordDiplomaticEngagement', data: visit, now })
      .thenThrows({ kind: 'conflict', code: 'diplomatic-engagement-exists' }));

  it.each<[string, Partial<RecordDiplomaticEngagement['data']>, string]>([
    ['it ends before it starts', { endsOn: '2024-04-23' }, 'ends-before-start'],
    ['a call has one participant', { kind: 'call', participants: [blinken] }, 'too-few-participants'],
    ['a meeting has one participant', { kind: 'meeting', participants: [wangYi] }, 'too-few-participants'],
    ['a visit has no participant', { participants: [] }, 'too-few-participants'],
  ])('given nothing, when %s, then it is a rule violation', (_, overrides, code) =>
    spec
      .given([])
      .when({ type: 'RecordDiplomaticEngagement', data: { ...visit, ...overrides }, now })
      .thenThrows({ kind: 'rule-violation', code }),
  );
});
