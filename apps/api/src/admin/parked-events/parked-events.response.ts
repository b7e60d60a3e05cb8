import type { ParkedEvent } from '@tracker/read-models/parked-events';

/** An event a projection could not apply, set aside so that the rest of the log is still applied. */
export class ParkedEventResponse implements ParkedEvent {
  /** @example "statements" */
  projection!: string;
  generation!: number;
  /**
   * Its position in the log: retry or skip it by this.
   * @example "42"
   */
  position!: string;
  eventId!: string;
  streamId!: string;
  revision!: string;
  /** @example "StatementRecorded" */
  type!: string;
  /** Why the projection could not apply it. */
  error!: string;
  /** Times it was tried. */
  attempts!: number;
  firstFailedAt!: string;
  lastFailedAt!: string;
  /** `parked` until an operator retries (and it applies) or skips it. */
  status!: ParkedEvent['status'];
  /** Who retried or skipped it. */
  resolvedBy!: string | null;
  resolvedAt!: string | null;
  /** Why it was skipped. */
  reason!: string | null;
}

/** A projection's parked events, in log order. */
export class ParkedEventsResponse {
  /** @example "statements" */
  name!: string;
  /** How many are still parked. */
  parked!: number;
  items!: ParkedEventResponse[];
}
