import type { ListingFacts } from '@tracker/domain/sanctioned-entity/sanctioned-entity.decider';
import { isISO31661Alpha2 } from 'class-validator';
import { isRecordDate } from '@tracker/domain/shared/calendar-date';

/** Limits of `POST /v1/sanctioned-entities`, so an imported listing is one the API would have accepted. */
const LIMITS = {
  name: 500,
  alias: 500,
  aliases: 200,
  program: 100,
  programs: 50,
  address: 1000,
  addresses: 200,
  federalRegisterCitation: 200,
  license: 1000,
  sourceId: 200,
} as const;

/** The first reason `facts` could not be recorded, or `undefined` when they can; the decider checks the rest. */
export function listingProblem(facts: ListingFacts): string | undefined {
  if (!facts.name) return 'name is empty';
  if (facts.name.length > LIMITS.name) return `name is longer than ${LIMITS.name} characters`;
  if (!facts.country) return 'no country: neither an address nor a nationality or citizenship names one';
  if (!isISO31661Alpha2(facts.country)) return `unknown country "${facts.country}" (not ISO 3166-1 alpha-2)`;
  if (!isRecordDate(facts.effectiveFrom)) return `start date "${facts.effectiveFrom}" is not a date (YYYY-MM-DD)`;
  const many = (field: string, values: string[], count: number, length: number) =>
    values.length > count
      ? `more than ${count} ${field}`
      : values.some((v) => v.length > length)
        ? `a value of ${field} is longer than ${length} characters`
        : undefined;
  const text = (field: string, value: string | undefined, length: number) =>
    value !== undefined && value.length > length ? `${field} is longer than ${length} characters` : undefined;
  return (
    many('aliases', facts.aliases, LIMITS.aliases, LIMITS.alias) ??
    many('programs', facts.programs, LIMITS.programs, LIMITS.program) ??
    many('addresses', facts.addresses, LIMITS.addresses, LIMITS.address) ??
    text('federal_register_notice', facts.federalRegisterCitation, LIMITS.federalRegisterCitation) ??
    text('license_requirement', facts.licenseRequirement, LIMITS.license) ??
    text('license_policy', facts.licensePolicy, LIMITS.license) ??
    text('source id', facts.sourceId, LIMITS.sourceId)
  );
}

/** `value` without `undefined` or `''` fields, so stored events carry no placeholders (and a missing name stays missing). */
export function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== '')) as T;
}

/** Distinct, trimmed, non-empty values in first-seen order. */
export const distinct = (values: Iterable<string>): string[] => [
  ...new Set([...values].map((v) => v.trim()).filter((v) => v !== '')),
];
