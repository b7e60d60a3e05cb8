import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import {
  type ExportControlsDay,
  type ExportControlsTimelineFilter,
  exportControlsTimeline,
} from '@tracker/read-models/export-controls/export-controls-timeline.sql';
import { ReadModels } from '@tracker/read-models/read-models';
import { JsonText } from '../../http/json-reply';

/** The timeline's answer: the filter it was asked with and its days. */
export interface ExportControlsTimeline {
  filter: ExportControlsTimelineFilter;
  days: ExportControlsDay[];
}

/** Per-day listing changes with the running total, serialised once per checkpoint (dashboards poll it). */
export class ExportControlsTimelineQuery extends Query<JsonText<ExportControlsTimeline>> {
  constructor(readonly filter: ExportControlsTimelineFilter) {
    super();
  }
}

/** Reads the export-controls read model. */
@QueryHandler(ExportControlsTimelineQuery)
export class ExportControlsTimelineHandler implements IQueryHandler<ExportControlsTimelineQuery> {
  constructor(private readonly readModels: ReadModels) {}

  execute({ filter }: ExportControlsTimelineQuery) {
    return this.readModels.cached(
      ['export-controls'],
      JSON.stringify(['timeline', filter]),
      async (t) => new JsonText({ filter, days: await exportControlsTimeline(this.readModels.db, t, filter) }),
    );
  }
}
