import { deciderSpecification } from '@tracker/testing/decider-specification';
import { isCalendarDate } from '../shared/calendar-date';
import { type AnchorDefined, anchorDecider, anchorStreamId, type DefineAnchor } from './anchor.decider';

const spec = deciderSpecification(anchorDecider);
const now = new Date('2024-05-01T00:00:00Z');
const facts: DefineAnchor['data'] = {
  name: 'taiwan-inauguration-2024',
  date: '2024-05-20',
  title: 'Inauguration of Lai Ching-te',
  description: 'Lai Ching-te sworn in as President of Taiwan',
  source: { url: 'https://www.president.gov.tw/', publisher: 'Office of the President, ROC (Taiwan)' },
};
const define = (data: Partial<DefineAnchor['data']>): DefineAnchor => ({
  type: 'DefineAnchor',
  data: { ...facts, ...data },
  now,
});
const defined: AnchorDefined = { type: 'AnchorDefined', data: facts };

describe('anchor decider', () => {
  it('given nothing, when an anchor is defined, then AnchorDefined carries every fact', () =>
    spec.given([]).when(define({})).then([defined]));

  it('given nothing, when an anchor lies in the future, then it is defined (key dates are planned ahead)', () =>
    spec
      .given([])
      .when(define({ date: '2028-05-20' }))
      .then([{ type: 'AnchorDefined', data: { ...facts, date: '2028-05-20' } }]));

  it('given a defined anchor, when the same name is defined again, then it is a conflict even with another date', () =>
    spec
      .given([defined])
      .when(define({ date: '2024-05-21' }))
      .thenThrows({ kind: 'conflict', code: 'anchor-exists' }));

  it.each(['Taiwan-Inauguration', 'taiwan--inauguration', '-taiwan', 'taiwan inauguration', ''])(
    'given nothing, when the name is %p, then it is a rule violation',
    (name) => spec.given([]).when(define({ name })).thenThrows({ kind: 'rule-violation', code: 'invalid-anchor-name' }),
  );

  it.each(['2024-02-30', '2024-5-20', '20/05/2024', '2024-05-20T00:00:00Z'])(
    'given nothing, when the date is %p, then it is a rule violation',
    (date) => spec.given([]).when(define({ date })).thenThrows({ kind: 'rule-violation', code: 'invalid-anchor-date' }),
  );

  it('a leap day is a calendar date; streams are named anchor-<name>', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2023-02-29')).toBe(false);
    expect(anchorStreamId('taiwan-inauguration-2024')).toBe('anchor-taiwan-inauguration-2024');
  });
});
