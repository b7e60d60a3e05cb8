import type { StatementView } from '@tracker/read-models/statement/statements.projection';
import { RecordStatementDto } from './record-statement/record-statement.dto';
import { ApiProperty } from '@nestjs/swagger';

/** A correction of a statement, as lists show it. */
export class StatementCorrectionResponse {
  /** Why it was corrected. */
  reason!: string;
  /** When the correction was recorded. */
  recordedAt!: string;
  /** The facts it changed, e.g. `["stance"]`. */
  fields!: string[];
}

/** A statement's retraction. */
export class StatementRetractionResponse {
  /** Why it was retracted, e.g. "misattributed". */
  reason!: string;
  /** When the retraction was recorded. */
  recordedAt!: string;
}

/** A statement as lists show it: the facts as last corrected, and where and when they were stored. */
export class StatementResponse extends RecordStatementDto implements StatementView {
  /**
   * The statement's id.
   * @example "0b8f3c2e-5a7d-4e61-9c1f-2d4a6b8e0f13"
   */
  id!: string;
  /**
   * Its event stream, for `GET /v1/audit/streams/{streamId}`.
   * @example "statement-0b8f3c2e-5a7d-4e61-9c1f-2d4a6b8e0f13"
   */
  streamId!: string;
  /** Stream revision of the version shown; send it as `If-Match` to change it. */
  revision!: number;
  /** `retracted` ones are left out of lists unless asked for `asOf` before the retraction. */
  status!: StatementView['status'];
  /** When the statement entered the record. */
  recordedAt!: string;
  /** Free topic tags, e.g. "taiwan", "russia-support". */
  declare topics: string[];
  /** Every correction so far, oldest first. */
  corrections!: StatementCorrectionResponse[];
  /** Present once the statement is retracted. */
  retraction?: StatementRetractionResponse;
}

// Optional in the request, always present once recorded (a `declare` field takes no decorator).
ApiProperty({ required: true })(StatementResponse.prototype, 'topics');
