import { deciderSpecification } from '@tracker/testing/decider-specification';
import {
  type CorrectStatement,
  type RecordStatement,
  type RetractStatement,
  type StatementRecorded,
  statementDecider,
} from './statement.decider';

const spec = deciderSpecification(statementDecider);
const now = new Date('2024-04-26T12:00:00Z');
const facts: RecordStatement['data'] = {
  statementId: 'a6f1c7de-0000-4000-8000-000000000001',
  speaker: 'Wang Yi',
  role: 'Foreign Minister',
  organization: 'Ministry of Foreign Affairs',
  country: 'CN',
  audience: 'public',
  occurredAt: '2024-04-26',
  text: 'The Taiwan question is the first red line that must not be crossed.',
  topics: ['taiwan'],
  stance: 'critical',
  cameoCode: '111',
  source: { url: 'https://www.fmprc.gov.cn/', publisher: 'PRC MFA' },
};
const recorded: StatementRecorded = { type: 'StatementRecorded', data: facts };

describe('statement decider', () => {
  it('given nothing, when a statement is recorded, then StatementRecorded carries every fact', () =>
    spec.given([]).when({ type: 'RecordStatement', data: facts, now }).then([recorded]));

  it('given a recorded statement, when the same id is recorded again, then it is a conflict', () =>
    spec
      .given([recorded])
      .when({ type: 'RecordStatement', data: facts, now })
      .thenThrows({ kind: 'conflict', code: 'statement-exists' }));

  it('given nothing, when the statement is dated two days after the server time, then it is a rule violation', () =>
    spec
      .given([])
      .when({ type: 'RecordStatement', data: { ...facts, occurredAt: '2024-04-28T12:00:01Z' }, now })
      .thenThrows({ kind: 'rule-violation', code: 'occurred-in-future' }));
});

describe('statement corrections and retractions', () => {
  const source = { url: 'https://www.mfa.gov.cn/eng/', publisher: 'PRC MFA' };
  const correction: CorrectStatement['data'] = {
    statementId: facts.statementId,
    changes: { text: 'Corrected transcript', occurredAt: '2024-04-25' },
    reason: 'Official transcript published',
    source,
  };
  const retraction: RetractStatement['data'] = { statementId: facts.statementId, reason: 'Misattributed', source };

  it('given a recorded statement, when it is corrected, then StatementCorrected carries the changes and reason', () =>
    spec
      .given([recorded])
      .when({ type: 'CorrectStatement', data: correction, now })
      .then([{ type: 'StatementCorrected', data: correction }]));

  it('given a recorded statement, when it is retracted, then StatementRetracted', () =>
    spec
      .given([recorded])
      .when({ type: 'RetractStatement', data: retraction, now })
      .then([{ type: 'StatementRetracted', data: retraction }]));

  it.each([
    [
      'correcting an unknown statement',
      [],
      { type: 'CorrectStatement', data: correction },
      'not-found',
      'statement-not-found',
    ],
    [
      'retracting an unknown statement',
      [],
      { type: 'RetractStatement', data: retraction },
      'not-found',
      'statement-not-found',
    ],
    [
      'correcting a retracted statement',
      [recorded, { type: 'StatementRetracted', data: retraction }],
      { type: 'CorrectStatement', data: correction },
      'rule-violation',
      'statement-retracted',
    ],
    [
      'retracting twice',
      [recorded, { type: 'StatementRetracted', data: retraction }],
      { type: 'RetractStatement', data: retraction },
      'rule-violation',
      'statement-retracted',
    ],
    [
      'a correction that changes nothing',
      [recorded],
      { type: 'CorrectStatement', data: { ...correction, changes: {} } },
      'rule-violation',
      'nothing-to-correct',
    ],
    [
      'a correction moving it into the future',
      [recorded],
      { type: 'CorrectStatement', data: { ...correction, changes: { occurredAt: '2999-01-01' } } },
      'rule-violation',
      'occurred-in-future',
    ],
  ] as const)('given %s, then it is refused', (_, given, when, kind, code) =>
    spec
      .given([...given])
      .when({ ...when, now } as never)
      .thenThrows({ kind, code }),
  );
});
