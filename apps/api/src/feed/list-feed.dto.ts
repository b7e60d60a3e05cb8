import { KIND_NAMES } from '@tracker/domain/record-kinds';
import type { FeedItem } from '@tracker/read-models/feed/feed.projection';
import { IsIn, IsOptional } from 'class-validator';
import { PageQueryDto } from '../http/page-query.dto';

/** Query string of `GET /v1/feed`. */
export class ListFeedDto extends PageQueryDto {
  /** Only developments of this kind (one of the record-kind manifest's). */
  @IsOptional() @IsIn(KIND_NAMES) kind?: FeedItem['kind'];
}
