import { ValidateBy, type ValidationOptions } from 'class-validator';

const CALENDAR =
  /^(\d{4})-(\d{2})-(\d{2})(?:T([01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{1,9})?)?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d))?$/;

/** True for a real calendar day (`2024-02-30` is not) in the years records can have. */
function isCalendarDate(value: string): boolean {
  const match = CALENDAR.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    year >= 1900 &&
    year <= 2999 &&
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day &&
    !Number.isNaN(Date.parse(value))
  );
}

/**
 * A calendar date (`YYYY-MM-DD`) or a date-time with its time zone, years 1900–2999.
 * Narrower than ISO 8601 on purpose: week dates, ordinal dates and basic formats pass
 * `IsISO8601` but not `Date.parse`, and would poison projections downstream.
 */
export const IsIsoDate = (options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'isIsoDate',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && isCalendarDate(value),
        defaultMessage: (args) =>
          `${args?.property} must be a date as YYYY-MM-DD or a date-time with a time zone (e.g. 2024-05-20T06:00:00+08:00)`,
      },
    },
    options,
  );
