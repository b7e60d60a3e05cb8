import { PickType } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { ListFeedDto } from './list-feed.dto';

/** A feed position, as SSE ids and `lastEventId` give it. */
export const POSITION = /^\d{1,20}(?:\/\d{1,20})?$/;

/** Query string of `GET /v1/feed/live`: `kind` as in `GET /v1/feed`, and where to resume. */
export class LiveFeedDto extends PickType(ListFeedDto, ['kind'] as const) {
  /** Resume after this position (a feed item's `position`); the `Last-Event-ID` header wins when both are sent. */
  @IsOptional()
  @Matches(POSITION, { message: 'lastEventId must be a feed position such as 42 or 42/41' })
  lastEventId?: string;
}
