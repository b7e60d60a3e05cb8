import type { DomainEvent } from '@tracker/domain/shared/decider';
import { Generations } from './generations';
import type { Projection, Tables } from './projection';
import type { ReadModelStore } from './store/read-model-store';

/** Answers kept by `cached`; a few dashboard queries, each at most a few hundred KB. */
const CACHED_ANSWERS = 32;

/** What query handlers need: the store, and which generation's tables each projection serves from. */
export class ReadModels {
  private readonly answers = new Map<string, Promise<unknown>>();

  constructor(
    readonly db: ReadModelStore,
    private readonly projections: readonly Projection<DomainEvent>[],
  ) {}

  /** Tables of the generation `projection` serves from right now (switches atomically on rebuild). */
  tables(projection: string): Promise<Tables> {
    return Generations.tablesToRead(this.db, this.definition(projection));
  }

  /**
   * `read` over the serving tables of `projections`, answered again from memory while none of
   * them has moved: a generation's rows change only in the transaction that moves its
   * checkpoint, so an unchanged (generation, checkpoint) pair means an unchanged answer. For
   * aggregates that dashboards poll (timelines); `key` must name every input of `read`.
   */
  async cached<T>(projections: readonly string[], key: string, read: (t: Tables) => Promise<T>): Promise<T> {
    const serving = await Promise.all(projections.map((p) => Generations.serving(this.db, this.definition(p))));
    const cacheKey = JSON.stringify([key, serving.map(({ generation, position }) => [generation, position])]);
    let answer = this.answers.get(cacheKey) as Promise<T> | undefined;
    if (!answer) {
      answer = read(Object.assign({}, ...serving.map((s) => s.tables)) as Tables);
      this.answers.set(cacheKey, answer);
      answer.catch(() => this.answers.delete(cacheKey));
      if (this.answers.size > CACHED_ANSWERS) this.answers.delete(this.answers.keys().next().value!);
    }
    return answer;
  }

  private definition(projection: string): Projection<DomainEvent> {
    const definition = this.projections.find((p) => p.name === projection);
    if (!definition) throw new RangeError(`Unknown projection ${projection}`);
    return definition;
  }
}
