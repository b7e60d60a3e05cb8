/** Where a record's facts come from; at least a URL or a citation. */
export interface Source {
  readonly url?: string;
  readonly citation?: string;
  readonly publisher?: string;
}

/** ISO 3166-1 alpha-2 code, upper case. */
export type CountryCode = string;
