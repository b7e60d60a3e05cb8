import type { SanctionedEntityEvent } from '@tracker/domain/sanctioned-entity/sanctioned-entity.decider';
import type { FeedEntry } from '../feed/feed-entry';

/** A listing's events in the feed. */
export function sanctionedEntityFeedEntry(event: SanctionedEntityEvent): FeedEntry {
  const { entityId: recordId, source } = event.data;
  switch (event.type) {
    case 'SanctionedEntityAdded':
      return {
        recordId,
        headline: `${event.data.name} (${event.data.country}) added to ${event.data.list}`,
        occurredAt: event.data.effectiveFrom,
        source,
      };
    case 'SanctionedEntityAmended':
      return { recordId, headline: `Listing amended: ${Object.keys(event.data.changes).join(', ')}`, source };
    case 'SanctionedEntityRemoved':
      return { recordId, headline: 'Entity removed from its list', occurredAt: event.data.effectiveOn, source };
  }
}
