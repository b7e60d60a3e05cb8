import { regionTimeZone } from '@tracker/domain/escalation-signal/escalation-region';

const formats = new Map<string, Intl.DateTimeFormat>();

/** Calendar date `YYYY-MM-DD` of `instant` on the wall clock of `timeZone` (an IANA name). */
export function localDate(instant: string | Date, timeZone: string): string {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formats.set(timeZone, format);
  }
  const parts = format.formatToParts(new Date(instant));
  const part = (type: 'year' | 'month' | 'day') => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year').padStart(4, '0')}-${part('month')}-${part('day')}`;
}

/**
 * The day a signal counts on: the local date, in its region's reporting time zone, of the instant
 * its observation window ends. MND's report for 06:00 23 May → 06:00 24 May (Taipei) is dated
 * 24 May; the end instant itself belongs to that day, so no "minus one tick" adjustment is made.
 * An unknown region (only possible for events from a future schema) falls back to UTC.
 */
export function reportDate(region: string, observedTo: string): { date: string; timeZone: string } {
  const timeZone = regionTimeZone(region) ?? 'UTC';
  return { date: localDate(observedTo, timeZone), timeZone };
}
