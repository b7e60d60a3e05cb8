import { deciderSpecification } from '@tracker/testing/decider-specification';
import { type RecordStatement, type StatementRecorded, statementDecider } from './statement.decider';

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
