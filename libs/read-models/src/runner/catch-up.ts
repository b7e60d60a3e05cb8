import type { DomainEvent } from '@tracker/domain/shared/decider';
import type { Position } from '@tracker/event-store/event-store.port';
import { comparePositions } from '@tracker/event-store/position';
import { Generations } from '../generations';
import type { Projection } from '../projection';
import type { ReadModelStore } from '../store/read-model-store';
import type { BatchCommit } from './batch-commit';
import type { CatchUpPages } from './catch-up-pages';
import { loopKey } from './generation-loops';
import type { IndexBuilds } from './index-builds';

/**
 * Catch-up in pages read straight from `$all`, one transaction per page: a rebuild from
 * position 0 is dominated by this, and pages avoid the per-event hand-off of a live
 * subscription. Once caught up, the generation's query-only indexes are built.
 */
export class CatchUp {
  constructor(
    private readonly db: ReadModelStore,
    private readonly pages: CatchUpPages,
    private readonly commits: BatchCommit,
    private readonly indexes: IndexBuilds,
  ) {}

  /** Folds `generation` from its checkpoint to the head; returns the position the live subscription continues after. */
  async run(projection: Projection<DomainEvent>, generation: number, batchSize: number, signal: AbortSignal) {
    const loop = loopKey({ name: projection.name, generation });
    // Before the first await: loops started together hold every kept page until each has asked for its first.
    this.pages.starting(loop);
    try {
      const position = (await Generations.get(this.db, projection.name, generation))?.position;
      return await this.fold(projection, generation, loop, position, batchSize, signal);
    } finally {
      this.pages.done(loop);
    }
  }

  private async fold(
    projection: Projection<DomainEvent>,
    generation: number,
    loop: string,
    position: Position | undefined,
    batchSize: number,
    signal: AbortSignal,
  ) {
    while (!signal.aborted) {
      // Forward reads from a position include it, so one more than a batch is asked for.
      const { events, read } = await this.pages.read(loop, position, batchSize + 1, signal);
      const after = position;
      const page = after ? events.filter((event) => comparePositions(event.position, after) > 0) : events;
      if (page.length > 0) {
        await this.commits.commit(projection, generation, page);
        position = page[page.length - 1].position;
      }
      if (read < batchSize + 1) {
        // Caught up: the query-only indexes are built now, once, rather than row by row.
        await this.indexes.build(projection, generation);
        return position;
      }
      // SQLite pages resolve without I/O: yield so HTTP, health checks and timers run during a long catch-up.
      await new Promise((resolve) => setImmediate(resolve));
    }
    return position;
  }
}
