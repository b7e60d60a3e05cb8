import type {
  ExportControlsDay,
  ExportControlsTimelineFilter,
} from '@tracker/read-models/export-controls/export-controls-timeline.sql';
import type { ExportControlsTimeline } from './export-controls-timeline.query';

/** The filter the timeline was asked with. */
export class ExportControlsTimelineFilterResponse implements ExportControlsTimelineFilter {
  /** @example "BIS_ENTITY_LIST" */
  list?: string;
  /** @example "CN" */
  country?: string;
  /** @example "2023-10-01" */
  from?: string;
  /** @example "2024-06-30" */
  to?: string;
  asOf?: string;
}

/** One effective day of the timeline. */
export class ExportControlsDayResponse implements ExportControlsDay {
  /** @example "2023-10-06" */
  date!: string;
  /** Named listings that took effect that day. */
  added!: number;
  /** Named listings removed that day. */
  removed!: number;
  /** Entities listed at the end of the day (named listings), counting changes before `from` too. */
  cumulative!: number;
  /**
   * Listings announced by rules that published only counts.
   * @example 42
   */
  announced!: number;
  /** Announced listings so far. */
  announcedCumulative!: number;
}

/** Listings added and removed per effective day, with running totals. */
export class ExportControlsTimelineResponse implements ExportControlsTimeline {
  filter!: ExportControlsTimelineFilterResponse;
  /** Days with a change, in date order. */
  days!: ExportControlsDayResponse[];
}
