import { IsOptional, ValidateBy } from 'class-validator';
import { isStreamId } from '../stream-id';

/** `GET /v1/audit/verify` query: all streams, or one. */
export class VerifyChainsQueryDto {
  /** Verify only this stream, e.g. `statement-<id>`. */
  @IsOptional()
  @ValidateBy({
    name: 'isStreamId',
    validator: { validate: isStreamId, defaultMessage: () => 'streamId must be a stream name like statement-<id>' },
  })
  streamId?: string;
}
