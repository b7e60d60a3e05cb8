import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import {
  type ExportControlsDay,
  type ExportControlsTimelineFilter,
  exportControlsTimeline,
} from '@tracker/read-models/export-controls/export-controls-timeline.query';
import { ReadModels } from '@tracker/read-models/read-models';

/** Per-day listing changes with the running total. */
export class ExportControlsTimelineQuery extends Query<{
  filter: ExportControlsTimelineFilter;
  days: ExportControlsDay[];
}> {
  constructor(readonly filter: ExportControlsTimelineFilter) {
    super();
  }
}

/** Reads the export-controls read model. */
@QueryHandler(ExportControlsTimelineQuery)
export class ExportControlsTimelineHandler implements IQueryHandler<ExportControlsTimelineQuery> {
  constructor(private readonly readModels: ReadModels) {}

  async execute({ filter }: ExportControlsTimelineQuery) {
    return {
      filter,
      days: await exportControlsTimeline(this.readModels.db, await this.readModels.tables('export-controls'), filter),
    };
  }
}
