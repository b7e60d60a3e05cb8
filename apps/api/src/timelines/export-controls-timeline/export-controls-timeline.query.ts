import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import {
  type ExportControlsDay,
  type ExportControlsTimelineFilter,
  exportControlsTimeline,
} from '@tracker/read-models/export-controls/export-controls-timeline.query';
import { READ_MODEL_DB } from '@tracker/read-models/sqlite/sqlite-read-model-db';
import type Database from 'better-sqlite3';

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
  constructor(@Inject(READ_MODEL_DB) private readonly db: Database.Database) {}

  async execute({ filter }: ExportControlsTimelineQuery) {
    return { filter, days: exportControlsTimeline(this.db, filter) };
  }
}
