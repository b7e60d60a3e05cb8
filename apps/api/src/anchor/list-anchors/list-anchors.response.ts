import type { Page } from '@tracker/read-models/pagination';
import { type AnchorResponse } from '../anchor.response';

/** A page of anchors. */
export class AnchorPageResponse implements Page<AnchorResponse> {
  /** This page's anchors, in list order. */
  items!: AnchorResponse[];
  /**
   * Pass as `cursor` for the next page; absent on the last one.
   * @example "WyIyMDI0LTA1LTIwIiwiMGI4ZjNjMmUtNWE3ZC00ZTYxLTljMWYtMmQ0YTZiOGUwZjEzIl0"
   */
  nextCursor?: string;
}
