import type { DiplomaticEngagementView } from '@tracker/read-models/diplomatic-engagement/diplomatic-engagements.projection';
import { RecordDiplomaticEngagementDto } from './record-diplomatic-engagement/record-diplomatic-engagement.dto';

/** A visit, call or meeting, and where and when it was stored. */
export class DiplomaticEngagementResponse extends RecordDiplomaticEngagementDto implements DiplomaticEngagementView {
  /**
   * The engagement's id.
   * @example "3e7b9d10-2c4f-4a6e-8b1d-5f0a9c3e7d22"
   */
  id!: string;
  /**
   * Its event stream, for `GET /v1/audit/streams/{streamId}`.
   * @example "diplomaticEngagement-3e7b9d10-2c4f-4a6e-8b1d-5f0a9c3e7d22"
   */
  streamId!: string;
  /** Stream revision of the version shown. */
  revision!: number;
  /** When the engagement entered the record. */
  recordedAt!: string;
}
