import type { EscalationDay, EscalationTimeline } from '@tracker/read-models/escalation-signal/escalation-timeline.sql';

/** The anchor the window is centred on. */
export class EscalationTimelineAnchorResponse {
  /** @example "taiwan-inauguration-2024" */
  name!: string;
  /** @example "2024-05-20" */
  date!: string;
  /** @example "Inauguration of Lai Ching-te as President of Taiwan" */
  title!: string;
}

/** One day of the window; all zeros on a quiet day. */
export class EscalationDayResponse implements EscalationDay {
  /** @example "2024-05-23" */
  date!: string;
  /**
   * Days from the anchor date: negative before, 0 on it.
   * @example 3
   */
  offset!: number;
  /** Signals reported for the day. */
  signals!: number;
  /** @example 49 */
  aircraft!: number;
  /** @example 35 */
  medianLineCrossings!: number;
  /** @example 19 */
  navyVessels!: number;
  /** @example 16 */
  coastGuardVessels!: number;
  balloons!: number;
  /** Highest severity among the day's signals, 0 without any. */
  maxSeverity!: number;
  /** Severity-weighted activity of the day (see the README's escalation index). */
  escalationIndex!: number;
}

/** The days from `date − before` to `date + after` around an anchor. */
export class EscalationTimelineResponse implements EscalationTimeline {
  anchor!: EscalationTimelineAnchorResponse;
  /** One entry per day, in date order. */
  days!: EscalationDayResponse[];
}
