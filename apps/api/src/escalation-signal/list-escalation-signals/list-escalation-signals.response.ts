import type { Page } from '@tracker/read-models/pagination';
import { type EscalationSignalResponse } from '../escalation-signal.response';

/** A page of escalation signals. */
export class EscalationSignalPageResponse implements Page<EscalationSignalResponse> {
  /** This page's escalation signals, in list order. */
  items!: EscalationSignalResponse[];
  /**
   * Pass as `cursor` for the next page; absent on the last one.
   * @example "WyIyMDI0LTA1LTIwIiwiMGI4ZjNjMmUtNWE3ZC00ZTYxLTljMWYtMmQ0YTZiOGUwZjEzIl0"
   */
  nextCursor?: string;
}
