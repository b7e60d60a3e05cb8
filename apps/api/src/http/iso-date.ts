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
