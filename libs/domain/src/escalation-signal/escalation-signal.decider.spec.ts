import { deciderSpecification } from '@tracker/testing/decider-specification';
import {
  escalationSignalDecider,
  escalationSignalStreamId,
  type EscalationSignalRecorded,
  type RecordEscalationSignal,
} from './escalation-signal.decider';
import { ESCALATION_REGIONS, regionTimeZone } from './escalation-region';

const spec = deciderSpecification(escalationSignalDecider);
const now = new Date('2024-05-24T09:00:00Z');
/** Taiwan MND, the 24 hours to 06:00 on 24 May 2024 (Joint Sword-2024A). */
const facts: RecordEscalationSignal['data'] = {
  signalId: '5e1c0a4e-0000-4000-8000-000000000024',
  region: 'taiwan-strait',
  kind: 'exercise',
  observedFrom: '2024-05-23T06:00:00+08:00',
  observedTo: '2024-05-24T06:00:00+08:00',
  metrics: { aircraft: 49, medianLineCrossings: 35, navyVessels: 19, coastGuardVessels: 7 },
  severity: 5,
  cameoCode: '150',
  summary: 'Joint Sword-2024A, day one',
  source: { url: 'https://www.mnd.gov.tw/', publisher: 'Taiwan Ministry of National Defense' },
};
const record = (data: Partial<RecordEscalationSignal['data']>): RecordEscalationSignal => ({
  type: 'RecordEscalationSignal',
  data: { ...facts, ...data },
  now,
});
const recorded: EscalationSignalRecorded = { type: 'EscalationSignalRecorded', data: { ...facts, goldstein: -7.2 } };

describe('escalation-signal decider', () => {
  it('given nothing, when a signal is recorded, then EscalationSignalRecorded carries every fact and the Goldstein weight', () =>
    spec.given([]).when(record({})).then([recorded]));

  it('given nothing, when a signal has no CAMEO code, then the event has no Goldstein weight', () => {
    const { cameoCode: _cameoCode, ...uncoded } = facts;
    spec
      .given([])
      .when({ type: 'RecordEscalationSignal', data: uncoded, now })
      .then([{ type: 'EscalationSignalRecorded', data: uncoded }]);
  });

  it('given a recorded signal, when the same id is recorded again, then it is a conflict', () =>
    spec.given([recorded]).when(record({})).thenThrows({ kind: 'conflict', code: 'escalation-signal-exists' }));

  it.each([
    ['ends before it starts', '2024-05-24T06:00:00+08:00', '2024-05-23T06:00:00+08:00'],
    ['ends when it starts', '2024-05-24T06:00:00+08:00', '2024-05-23T22:00:00Z'],
  ])('given nothing, when the window %s, then it is a rule violation', (_, observedFrom, observedTo) =>
    spec
      .given([])
      .when(record({ observedFrom, observedTo }))
      .thenThrows({ kind: 'rule-violation', code: 'invalid-observation-window' }),
  );

  it('given nothing, when the window ends after the server time, then it is a rule violation', () =>
    spec
      .given([])
      .when(record({ observedFrom: '2024-05-24T06:00:00+08:00', observedTo: '2024-05-25T06:00:00+08:00' }))
      .thenThrows({ kind: 'rule-violation', code: 'observed-in-future' }));

  it('given nothing, when the window ends within the clock-skew tolerance, then it is recorded', () =>
    spec
      .given([])
      .when(record({ observedTo: '2024-05-24T17:05:00+08:00' }))
      .then([
        { type: 'EscalationSignalRecorded', data: { ...recorded.data, observedTo: '2024-05-24T17:05:00+08:00' } },
      ]));

  it('given nothing, when the CAMEO code is unknown, then it is a rule violation', () =>
    spec
      .given([])
      .when(record({ cameoCode: '999' as never }))
      .thenThrows({ kind: 'rule-violation', code: 'unknown-cameo-code' }));

  it.each([0, 6, 2.5])('given nothing, when severity is %p, then it is a rule violation', (severity) =>
    spec.given([]).when(record({ severity })).thenThrows({ kind: 'rule-violation', code: 'invalid-severity' }),
  );

  it.each([{ aircraft: -1 }, { balloons: 1.5 }])(
    'given nothing, when metrics are %p, then it is a rule violation',
    (m) =>
      spec
        .given([])
        .when(record({ metrics: m }))
        .thenThrows({ kind: 'rule-violation', code: 'invalid-metric' }),
  );

  it('given nothing, when more aircraft crossed the median line than were counted, then it is a rule violation', () =>
    spec
      .given([])
      .when(record({ metrics: { aircraft: 10, medianLineCrossings: 11 } }))
      .thenThrows({ kind: 'rule-violation', code: 'crossings-exceed-aircraft' }));

  it('streams are named escalationSignal-<id>', () =>
    expect(escalationSignalStreamId(facts.signalId)).toBe(`escalationSignal-${facts.signalId}`));

  it('every region has a reporting time zone that Intl knows; Taiwan reports on Taipei time', () => {
    expect(regionTimeZone('taiwan-strait')).toBe('Asia/Taipei');
    for (const region of ESCALATION_REGIONS) {
      expect(() => new Intl.DateTimeFormat('en-CA', { timeZone: regionTimeZone(region) })).not.toThrow();
    }
    expect(regionTimeZone('constructor')).toBeUndefined();
  });
});
