const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME =
  /^\d{4}-\d{2}-\d{2}(?:T([01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{1,9})?)?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d))?$/;

/**
 * True for a real calendar date written `YYYY-MM-DD` (`2024-02-30` is not one). With `time`, a
 * date-time with its time zone (`2024-05-20T06:00:00+08:00`) passes too; nothing else of ISO 8601
 * does (week and ordinal dates fail `Date.parse` and would poison projections downstream).
 */
export function isCalendarDate(value: string, { time = false }: { time?: boolean } = {}): boolean {
  if (!(time ? DATE_TIME : DATE).test(value)) return false;
  // JavaScript rolls `02-30` over into March; a real date survives the round trip unchanged.
  const day = value.slice(0, 10);
  const parsed = new Date(`${day}T00:00:00Z`);
  return (
    !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === day && !Number.isNaN(Date.parse(value))
  );
}

/** `isCalendarDate` in the years a record's dates can have, 1900–2999. */
export function isRecordDate(value: string, options: { time?: boolean } = {}): boolean {
  const year = Number(value.slice(0, 4));
  return year >= 1900 && year <= 2999 && isCalendarDate(value, options);
}
