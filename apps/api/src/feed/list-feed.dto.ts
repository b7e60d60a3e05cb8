import type { FeedItem } from '@tracker/read-models/feed/feed.projection';
import { IsIn, IsOptional } from 'class-validator';
import { PageQueryDto } from '../http/page-query.dto';

const FEED_KINDS = [
  'statement',
  'sanctioned-entity',
  'policy-action',
  'escalation-signal',
  'diplomatic-engagement',
  'anchor',
] as const;

/** Query string of `GET /v1/feed`. */
export class ListFeedDto extends PageQueryDto {
  /** Only developments of this kind. */
  @IsOptional() @IsIn(FEED_KINDS) kind?: FeedItem['kind'];
}
