import type { AnchorView } from '@tracker/read-models/anchor/anchors.projection';
import { DefineAnchorDto } from './define-anchor/define-anchor.dto';

/** A key date, and where and when it was stored. */
export class AnchorResponse extends DefineAnchorDto implements AnchorView {
  /**
   * Its event stream, for `GET /v1/audit/streams/{streamId}`.
   * @example "anchor-taiwan-inauguration-2024"
   */
  streamId!: string;
  /** Stream revision of the definition. */
  revision!: number;
  /** When the anchor entered the record. */
  recordedAt!: string;
}
