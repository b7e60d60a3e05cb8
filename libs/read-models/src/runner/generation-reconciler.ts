import type { DomainEvent } from '@tracker/domain/shared/decider';
import { sleep } from '@tracker/event-store/abortable-sleep';
import type { EventStorePort } from '@tracker/event-store/event-store.port';
import { comparePositions, headOf } from '@tracker/event-store/position';
import { type Generation, Generations } from '../generations';
import type { Projection } from '../projection';
import type { ReadModelStore } from '../store/read-model-store';
import { type GenerationLoops, loopKey } from './generation-loops';

type AnyProjection = Projection<DomainEvent>;

/** How often to reconcile, and whom to tell of failures and switches. */
export interface GenerationReconcilerOptions {
  readonly reconcileMs?: number;
  readonly onError?: (projection: string, error: unknown) => void;
  readonly onSwitch?: (projection: string, generation: number) => void;
}

/**
 * Brings the loops in line with the registry, every `reconcileMs`: one loop per live
 * generation, a building generation for a projection whose version changed in code, a
 * caught-up build switched in (blue/green) with its indexes, retired tables dropped.
 */
export class GenerationReconciler {
  constructor(
    private readonly store: EventStorePort,
    private readonly db: ReadModelStore,
    private readonly projections: readonly AnyProjection[],
    private readonly loops: GenerationLoops,
    private readonly follow: (projection: AnyProjection, generation: number, signal: AbortSignal) => Promise<void>,
    private readonly options: GenerationReconcilerOptions,
  ) {}

  /** Reconciles until `signal` aborts; the loops it starts stop with it. */
  async run(signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      // Loops start together at the end of a pass, so that loops catching up from one position share its pages.
      const starts: (() => void)[] = [];
      try {
        for (const projection of this.projections) await this.reconcile(projection, signal, starts);
      } catch (error) {
        this.options.onError?.('runner', error);
      } finally {
        for (const start of starts) start();
      }
      await sleep(this.options.reconcileMs ?? 250, signal);
    }
  }

  private async reconcile(projection: AnyProjection, signal: AbortSignal, starts: (() => void)[]): Promise<void> {
    let generations = await Generations.list(this.db, projection.name);
    const active = generations.find((g) => g.status === 'active');
    const building = generations.find((g) => g.status === 'building');
    if (active && active.version !== projection.version && !building) {
      await this.db.transaction((tx) => Generations.create(tx, projection, 'building'));
      generations = await Generations.list(this.db, projection.name);
    }
    for (const generation of generations) {
      const running = this.loops.has(loopKey(generation));
      const stale = generation.status === 'active' && generation.version !== projection.version;
      if (generation.status === 'retired' || stale) {
        if (running) await this.loops.stop((k) => k === loopKey(generation));
        if (generation.status === 'retired' && Date.parse(generation.updatedAt) < Date.now() - 10_000) {
          await this.db.transaction((tx) => Generations.drop(tx, projection, generation.generation));
        }
      } else if (!running) {
        const follow = (loop: AbortSignal) => this.follow(projection, generation.generation, loop);
        starts.push(() => this.loops.start(generation, follow, signal));
      }
      if (generation.status === 'building' && (await this.caughtUp(generation))) {
        await this.db.transaction(async (tx) => {
          // Its loop builds them on catching up; an activation that sees the head first must not serve without them.
          await Generations.index(tx, projection, generation.generation);
          await Generations.activate(tx, projection.name, generation.generation);
        });
        this.options.onSwitch?.(projection.name, generation.generation);
      }
    }
  }

  private async caughtUp(generation: Generation): Promise<boolean> {
    const head = await headOf(this.store);
    if (!head) return true;
    return generation.position !== undefined && comparePositions(generation.position, head) >= 0;
  }
}
