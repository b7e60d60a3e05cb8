import type { DomainEvent } from '@tracker/domain/shared/decider';
import { Generations } from './generations';
import type { Projection, Tables } from './projection';
import type { ReadModelStore } from './store/read-model-store';

/** What query handlers need: the store, and which generation's tables each projection serves from. */
export class ReadModels {
  constructor(
    readonly db: ReadModelStore,
    private readonly projections: readonly Projection<DomainEvent>[],
  ) {}

  /** Tables of the generation `projection` serves from right now (switches atomically on rebuild). */
  tables(projection: string): Promise<Tables> {
    const definition = this.projections.find((p) => p.name === projection);
    if (!definition) throw new RangeError(`Unknown projection ${projection}`);
    return Generations.tablesToRead(this.db, definition);
  }
}
