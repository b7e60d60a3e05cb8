/** How far the analyst trusts a report. */
export const CONFIDENCE_GRADES = ['confirmed', 'probable', 'possible', 'doubtful'] as const;

/** Where a record's facts come from: a URL or a citation (or both), and the publisher. */
export interface Source {
  readonly url?: string;
  readonly citation?: string;
  readonly publisher: string;
  readonly confidence?: (typeof CONFIDENCE_GRADES)[number];
}

/** ISO 3166-1 alpha-2 code, upper case. */
export type CountryCode = string;
