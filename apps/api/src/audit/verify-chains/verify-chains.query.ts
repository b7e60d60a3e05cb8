import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { StreamNotFoundError } from '@tracker/event-store/event-store.errors';
import { EVENT_STORE, type EventStorePort } from '@tracker/event-store/event-store.port';
import { type ChainReport, verifyChains } from '@tracker/event-store/tamper-evidence/verify-chains';

/** Recompute the tamper-evidence hash chains; `undefined` when the named stream does not exist. */
export class VerifyChainsQuery extends Query<ChainReport | undefined> {
  constructor(readonly streamId?: string) {
    super();
  }
}

/** Reads the event log itself, never a read model: the chains are only as good as the stored events. */
@QueryHandler(VerifyChainsQuery)
export class VerifyChainsHandler implements IQueryHandler<VerifyChainsQuery> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStorePort) {}

  async execute({ streamId }: VerifyChainsQuery): Promise<ChainReport | undefined> {
    try {
      return await verifyChains(this.store, { streamId });
    } catch (error) {
      if (error instanceof StreamNotFoundError) return undefined;
      throw error;
    }
  }
}
