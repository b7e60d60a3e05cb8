import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { Tables } from '@tracker/read-models/projection';
import { ReadModels } from '@tracker/read-models/read-models';
import type { SqlSession } from '@tracker/read-models/store/read-model-store';

/**
 * A read of one projection's read model, e.g. `listStatements` with a filter, resolving to what
 * `read` returns. Run by `ReadModelQueryHandler` on the tables of the generation that serves
 * now, so routes need neither table names nor a handler of their own to list or get records.
 */
export class ReadModelQuery<T> extends Query<T> {
  constructor(
    /** The projection whose tables `read` is given, e.g. `statements`. */
    readonly projection: string,
    readonly read: (db: SqlSession, tables: Tables) => Promise<T>,
  ) {
    super();
  }
}

/** Resolves the serving generation's tables (they switch atomically when a rebuild catches up) and runs the read. */
@QueryHandler(ReadModelQuery)
export class ReadModelQueryHandler implements IQueryHandler<ReadModelQuery<unknown>> {
  constructor(private readonly readModels: ReadModels) {}

  async execute({ projection, read }: ReadModelQuery<unknown>): Promise<unknown> {
    return read(this.readModels.db, await this.readModels.tables(projection));
  }
}
