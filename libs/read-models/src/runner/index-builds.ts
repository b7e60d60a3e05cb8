import type { DomainEvent } from '@tracker/domain/shared/decider';
import { Generations } from '../generations';
import type { Projection } from '../projection';
import type { ReadModelStore } from '../store/read-model-store';

/**
 * Builds generations' query-only indexes one at a time, and one loop's at a time, with the
 * event loop turning between builds: on SQLite a build blocks the thread (~1 s for 1M rows),
 * and loops catching up together would otherwise run theirs in the same turn. Never inside a
 * transaction, where a turn would let the log's writer wait on our lock.
 */
export class IndexBuilds {
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly db: ReadModelStore) {}

  /** Builds `generation`'s indexes after every build asked for before; fails if the build does. */
  build(projection: Projection<DomainEvent>, generation: number): Promise<void> {
    const build = () =>
      Generations.index(this.db, projection, generation, () => new Promise((resolve) => setTimeout(resolve, 0)));
    const built = this.queue.then(build, build);
    this.queue = built.catch(() => undefined);
    return built;
  }
}
