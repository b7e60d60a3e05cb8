import type { Page } from '@tracker/read-models/pagination';
import { type PolicyActionResponse } from '../policy-action.response';

/** A page of policy actions. */
export class PolicyActionPageResponse implements Page<PolicyActionResponse> {
  /** This page's policy actions, in list order. */
  items!: PolicyActionResponse[];
  /**
   * Pass as `cursor` for the next page; absent on the last one.
   * @example "WyIyMDI0LTA1LTIwIiwiMGI4ZjNjMmUtNWE3ZC00ZTYxLTljMWYtMmQ0YTZiOGUwZjEzIl0"
   */
  nextCursor?: string;
}
