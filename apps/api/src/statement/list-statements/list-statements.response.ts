import type { Page } from '@tracker/read-models/pagination';
import { type StatementResponse } from '../statement.response';

/** A page of statements. */
export class StatementPageResponse implements Page<StatementResponse> {
  /** This page's statements, in list order. */
  items!: StatementResponse[];
  /**
   * Pass as `cursor` for the next page; absent on the last one.
   * @example "WyIyMDI0LTA1LTIwIiwiMGI4ZjNjMmUtNWE3ZC00ZTYxLTljMWYtMmQ0YTZiOGUwZjEzIl0"
   */
  nextCursor?: string;
}
