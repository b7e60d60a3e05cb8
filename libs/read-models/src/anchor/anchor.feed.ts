import type { AnchorEvent } from '@tracker/domain/anchor/anchor.decider';
import type { FeedEntry } from '../feed/feed-entry';

/** A key date in the feed. */
export function anchorFeedEntry({ data }: AnchorEvent): FeedEntry {
  return {
    recordId: data.name,
    headline: `Key date ${data.date}: ${data.title}`,
    occurredAt: data.date,
    source: data.source,
  };
}
