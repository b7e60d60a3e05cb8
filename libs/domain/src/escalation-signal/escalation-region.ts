/**
 * Regions we track, each with the IANA time zone of the authority whose daily reports we log
 * there: a signal is dated on the local calendar day, in this zone, on which its observation
 * window ends (Taiwan's MND counts 06:00–06:00 Taipei time and dates the report by its end).
 */
export const REGION_TIME_ZONES = {
  /** Taiwan Ministry of National Defense. */
  'taiwan-strait': 'Asia/Taipei',
  /** Philippine Coast Guard and Armed Forces, the main public reporters of incidents there. */
  'south-china-sea': 'Asia/Manila',
  /** Japan Coast Guard and Joint Staff (Senkaku contiguous-zone counts). */
  'east-china-sea': 'Asia/Tokyo',
  /** South Korea's Joint Chiefs of Staff. */
  'korean-peninsula': 'Asia/Seoul',
} as const;

/** A region of `REGION_TIME_ZONES`. */
export type EscalationRegion = keyof typeof REGION_TIME_ZONES;

/** Every region, for validators. */
export const ESCALATION_REGIONS = Object.keys(REGION_TIME_ZONES) as EscalationRegion[];

/** The region's reporting time zone, or `undefined` for a name that is not a region (e.g. from a future schema). */
export const regionTimeZone = (region: string): string | undefined =>
  Object.hasOwn(REGION_TIME_ZONES, region) ? REGION_TIME_ZONES[region as EscalationRegion] : undefined;
