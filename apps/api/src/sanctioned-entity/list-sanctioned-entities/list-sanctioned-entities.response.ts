import type { Page } from '@tracker/read-models/pagination';
import { type SanctionedEntityResponse } from '../sanctioned-entity.response';

/** A page of listed entities. */
export class SanctionedEntityPageResponse implements Page<SanctionedEntityResponse> {
  /** This page's listed entities, in list order. */
  items!: SanctionedEntityResponse[];
  /**
   * Pass as `cursor` for the next page; absent on the last one.
   * @example "WyIyMDI0LTA1LTIwIiwiMGI4ZjNjMmUtNWE3ZC00ZTYxLTljMWYtMmQ0YTZiOGUwZjEzIl0"
   */
  nextCursor?: string;
}
