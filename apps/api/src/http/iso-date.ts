import { isRecordDate } from '@tracker/domain/shared/calendar-date';
import { ValidateBy, type ValidationOptions } from 'class-validator';

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
        validate: (value: unknown) => typeof value === 'string' && isRecordDate(value, { time: true }),
        defaultMessage: (args) =>
          `${args?.property} must be a date as YYYY-MM-DD or a date-time with a time zone (e.g. 2024-05-20T06:00:00+08:00)`,
      },
    },
    options,
  );

/**
 * `IsIsoDate` without the time: a real calendar day (`2024-02-30` is not one) written
 * `YYYY-MM-DD`, years 1900–2999. For the filters and fields that name a day, which their
 * queries compare as text with the days read models store: every such filter uses this one
 * rule, so no route accepts a day the others refuse.
 */
export const IsIsoDay = (options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'isIsoDay',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && isRecordDate(value),
        defaultMessage: (args) => `${args?.property} must be a calendar date as YYYY-MM-DD`,
      },
    },
    options,
  );
