import { isCalendarDate, isRecordDate } from './calendar-date';

describe('isCalendarDate and isRecordDate', () => {
  it.each([
    ['2024-05-20', true],
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2024-13-01', false],
    ['2024-5-20', false],
    ['20/05/2024', false],
    ['1899-12-31', false],
    ['3000-01-01', false],
    ['2024-05-20T06:00:00+08:00', false],
  ])('record date %s → %s', (value, expected) => expect(isRecordDate(value)).toBe(expected));

  it.each([
    ['2024-05-20T06:00:00+08:00', true],
    ['2024-05-20T06:00Z', true],
    ['2024-05-20T06:00:00.123456789Z', true],
    ['2024-05-20', true],
    ['2024-02-30T00:00:00Z', false],
    ['2024-05-20T06:00:00', false],
    ['2024-05-20T24:00:00Z', false],
    ['2024-W21-1', false],
    ['2024-141', false],
    ['1899-12-31T23:00:00Z', false],
  ])('record date-time %s → %s', (value, expected) => expect(isRecordDate(value, { time: true })).toBe(expected));

  it('any year is a calendar date (anchors may predate the records)', () => {
    expect(isCalendarDate('1895-04-17')).toBe(true);
    expect(isCalendarDate('1895-02-29')).toBe(false);
  });
});
