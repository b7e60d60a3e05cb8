import type { DiplomaticEngagementEvent } from '@tracker/domain/diplomatic-engagement/diplomatic-engagement.decider';
import type { FeedEntry } from '../feed/feed-entry';

/** A diplomatic engagement in the feed. */
export function diplomaticEngagementFeedEntry({ data }: DiplomaticEngagementEvent): FeedEntry {
  return {
    recordId: data.engagementId,
    headline: `${data.title} (${data.kind})`,
    occurredAt: data.startsOn,
    source: data.source,
  };
}
