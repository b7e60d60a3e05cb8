import type { RecordKind } from '@tracker/domain/record-kinds';
import type { FeedItem } from '@tracker/read-models/feed/feed.projection';
import type { Page } from '@tracker/read-models/pagination';
import { ApiProperty } from '@nestjs/swagger';
import { SourceDto } from '../http/source.dto';

/** One development: a new record or a change to one, in the order it was recorded. */
export class FeedItemResponse implements FeedItem {
  /**
   * Global log position; also the SSE event id, so `Last-Event-ID` resumes after it.
   * @example "42"
   */
  position!: string;
  /** The kind of record. */
  kind!: RecordKind;
  /**
   * The record's id.
   * @example "0b8f3c2e-5a7d-4e61-9c1f-2d4a6b8e0f13"
   */
  recordId!: string;
  /** @example "statement-0b8f3c2e-5a7d-4e61-9c1f-2d4a6b8e0f13" */
  streamId!: string;
  /** @example "StatementRecorded" */
  eventType!: string;
  /**
   * What happened, in a line.
   * @example "Wang Yi (CN): Taiwan independence is a dead end"
   */
  headline!: string;
  /** When it happened, when the record says. */
  occurredAt!: string | null;
  /** When it was recorded. */
  recordedAt!: string;
  /** The record's source. */
  @ApiProperty({ type: () => SourceDto })
  source!: unknown;
}

/** A page of the feed, newest first. */
export class FeedPageResponse implements Page<FeedItem> {
  items!: FeedItemResponse[];
  /** Pass as `cursor` for the next page; absent on the last one. */
  nextCursor?: string;
}
