import type { Page } from '@tracker/read-models/pagination';
import { type DiplomaticEngagementResponse } from '../diplomatic-engagement.response';

/** A page of diplomatic engagements. */
export class DiplomaticEngagementPageResponse implements Page<DiplomaticEngagementResponse> {
  /** This page's diplomatic engagements, in list order. */
  items!: DiplomaticEngagementResponse[];
  /**
   * Pass as `cursor` for the next page; absent on the last one.
   * @example "WyIyMDI0LTA1LTIwIiwiMGI4ZjNjMmUtNWE3ZC00ZTYxLTljMWYtMmQ0YTZiOGUwZjEzIl0"
   */
  nextCursor?: string;
}
