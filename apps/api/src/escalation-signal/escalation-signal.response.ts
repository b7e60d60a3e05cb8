import type { EscalationSignalView } from '@tracker/read-models/escalation-signal/escalation-signals.projection';
import {
  type EscalationMetricsDto,
  RecordEscalationSignalDto,
} from './record-escalation-signal/record-escalation-signal.dto';
import { ApiProperty } from '@nestjs/swagger';

/** An escalation signal, dated on its report day, and where and when it was stored. */
export class EscalationSignalResponse extends RecordEscalationSignalDto implements EscalationSignalView {
  /**
   * The signal's id.
   * @example "7f2a5c8e-1d3b-4e9f-a6c0-2b8d4e1f7a93"
   */
  id!: string;
  /**
   * Its event stream, for `GET /v1/audit/streams/{streamId}`.
   * @example "escalationSignal-7f2a5c8e-1d3b-4e9f-a6c0-2b8d4e1f7a93"
   */
  streamId!: string;
  /** Stream revision of the version shown. */
  revision!: number;
  /** When the signal entered the record. */
  recordedAt!: string;
  /** Counts as the report gives them; metrics it does not give are absent. */
  declare metrics: EscalationMetricsDto;
  /**
   * Local date (`YYYY-MM-DD`, in `timeZone`) on which the observation window ends.
   * @example "2024-05-23"
   */
  reportDate!: string;
  /**
   * The region's time zone, which dates the signal.
   * @example "Asia/Taipei"
   */
  timeZone!: string;
}

// Optional in the request, always present once recorded (a `declare` field takes no decorator).
ApiProperty({ required: true })(EscalationSignalResponse.prototype, 'metrics');
