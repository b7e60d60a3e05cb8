import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { DomainError } from '@tracker/domain/shared/domain-error';
import {
  type EscalationTimeline,
  type EscalationTimelineFilter,
  escalationTimeline,
} from '@tracker/read-models/escalation-signal/escalation-timeline.sql';
import { ReadModels } from '@tracker/read-models/read-models';

/** Per-day escalation around an anchor. */
export class EscalationTimelineQuery extends Query<EscalationTimeline> {
  constructor(readonly filter: EscalationTimelineFilter) {
    super();
  }
}

/** Reads the anchors and escalation-signals read models; an anchor unknown (as of `asOf`) is a `404`. */
@QueryHandler(EscalationTimelineQuery)
export class EscalationTimelineHandler implements IQueryHandler<EscalationTimelineQuery> {
  constructor(private readonly readModels: ReadModels) {}

  async execute({ filter }: EscalationTimelineQuery) {
    const timeline = await escalationTimeline(
      this.readModels.db,
      {
        ...(await this.readModels.tables('anchors')),
        ...(await this.readModels.tables('escalation-signals')),
      },
      filter,
    );
    if (!timeline) {
      const when = filter.asOf ? ` as of ${filter.asOf}` : '';
      throw new DomainError('not-found', 'anchor-not-found', `No anchor named ${filter.anchor}${when}`);
    }
    return timeline;
  }
}
