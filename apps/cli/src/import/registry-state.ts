import type { ListingFacts, SanctionedEntityEvent } from '@tracker/domain/sanctioned-entity/sanctioned-entity.decider';
import { upcast } from '@tracker/domain/upcasting/upcast';
import type { EventStorePort } from '@tracker/event-store/event-store.port';
import type { CurrentListing } from './listing-diff';

const STREAM_PREFIX = 'sanctionedEntity-';

/** Folds one event of a listing's stream (at `revision`) into what the registry holds for it. */
export function foldListing(
  was: CurrentListing | undefined,
  event: SanctionedEntityEvent,
  revision: bigint,
): CurrentListing | undefined {
  switch (event.type) {
    case 'SanctionedEntityAdded': {
      const { entityId, ...facts } = event.data;
      return { entityId, revision, status: 'listed', facts };
    }
    case 'SanctionedEntityAmended':
      return was && { ...was, revision, facts: { ...was.facts, ...event.data.changes } as ListingFacts };
    case 'SanctionedEntityRemoved':
      return was && { ...was, revision, status: 'removed' };
  }
}

/**
 * Every listing as the event log knows it, by entity id. Read from the log itself, not the registry
 * read model: the CLI runs no projections, and a read model that lags (or that no process is
 * projecting) would make the diff re-add listings that exist. One pass over the log; each command
 * then re-reads its stream and appends at the revision it saw, so a concurrent writer is a conflict.
 */
export async function loadListings(store: EventStorePort): Promise<Map<string, CurrentListing>> {
  const listings = new Map<string, CurrentListing>();
  for await (const recorded of store.readAll()) {
    if (!recorded.streamId.startsWith(STREAM_PREFIX)) continue;
    const event = upcast(recorded) as unknown as SanctionedEntityEvent;
    const entityId = recorded.streamId.slice(STREAM_PREFIX.length);
    const next = foldListing(listings.get(entityId), event, recorded.revision);
    if (next) listings.set(entityId, next);
  }
  return listings;
}
