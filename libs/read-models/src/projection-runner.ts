import type { DomainEvent } from '@tracker/domain/shared/decider';
import type { EventStorePort, Position } from '@tracker/event-store/event-store.port';
import { DEFAULT_BATCH_SIZE } from './fold';
import { type Generation, Generations } from './generations';
import { ParkedEvents } from './parked-events';
import type { Projection } from './projection';
import { DEFAULT_QUARANTINE, type QuarantinePolicy } from './quarantine';
import { AppliedPositions } from './runner/applied-positions';
import { BatchCommit } from './runner/batch-commit';
import { CatchUp } from './runner/catch-up';
import { CatchUpPages } from './runner/catch-up-pages';
import { GenerationLoops, type LoopState, loopKey } from './runner/generation-loops';
import { GenerationReconciler } from './runner/generation-reconciler';
import { IndexBuilds } from './runner/index-builds';
import { LeaseLoop } from './runner/lease-loop';
import { LiveLoop } from './runner/live-loop';
import { LeaseStore } from './store/lease-store';
import type { ReadModelStore } from './store/read-model-store';

export { LeaseLostError } from './runner/lease-loop';
export type { LoopState } from './runner/generation-loops';

/** Runner options. */
export interface ProjectionRunnerOptions {
  /** Most events folded in one transaction (default `DEFAULT_BATCH_SIZE`). */
  readonly batchSize?: number;
  /**
   * How long a live batch waits for more events once it has one (default 0: until the event loop
   * turns). Off the request thread, a longer wait folds more events per transaction for less CPU.
   */
  readonly liveBatchMs?: number;
  /** Wait before resubscribing after a failure. */
  readonly retryDelayMs?: number;
  /** How often generations are reconciled (new rebuild requests, switches, drops). */
  readonly reconcileMs?: number;
  /** Where failures are reported. */
  readonly onError?: (projection: string, error: unknown) => void;
  /** Told when a rebuilt generation becomes active. */
  readonly onSwitch?: (projection: string, generation: number) => void;
  /** Run only while holding this lease, so that at most one process projects at a time. */
  readonly lease?: { readonly name: string; readonly holder: string; readonly ttlMs: number };
  /** Told when the lease is won or lost. */
  readonly onLeaseChange?: (held: boolean) => void;
  /** When an event that fails on its own is parked (default `DEFAULT_QUARANTINE`). */
  readonly quarantine?: Partial<QuarantinePolicy>;
}

type AnyProjection = Projection<DomainEvent>;

/**
 * Feeds projections from the durable `$all` subscription, one loop per live generation.
 * Each batch's rows and its checkpoint commit in one transaction, and events at or before
 * the checkpoint are skipped, so a crash or a replay neither loses nor double-counts an
 * event. A building generation (a rebuild, or a new version in code) is filled from
 * position 0 beside the active one and switched in atomically once it has caught up.
 * The parts live in `runner/`; this class wires them and answers for them.
 */
export class ProjectionRunner {
  private readonly loops: GenerationLoops;
  private readonly applied: AppliedPositions;
  private readonly lease: LeaseLoop | undefined;
  private readonly catchUp: CatchUp;
  private readonly live: LiveLoop;
  private readonly reconciler: GenerationReconciler;
  private controller = new AbortController();
  private main: Promise<void> = Promise.resolve();

  constructor(
    store: EventStorePort,
    private readonly db: ReadModelStore,
    private readonly projections: readonly AnyProjection[],
    private readonly options: ProjectionRunnerOptions = {},
  ) {
    const quarantine = { ...DEFAULT_QUARANTINE, ...options.quarantine };
    this.loops = new GenerationLoops(options);
    this.applied = new AppliedPositions(db);
    this.lease = options.lease && new LeaseLoop(db, options.lease, options);
    const commits = new BatchCommit(db, quarantine, this.lease, this.applied);
    this.catchUp = new CatchUp(db, new CatchUpPages(store), commits, new IndexBuilds(db));
    this.live = new LiveLoop(store, commits, this.applied, options);
    const follow = (projection: AnyProjection, generation: number, signal: AbortSignal) =>
      this.follow(projection, generation, signal);
    this.reconciler = new GenerationReconciler(store, db, projections, this.loops, follow, options);
  }

  /** Creates the registry; each projection gets a first, active generation if it has none. */
  async init(): Promise<void> {
    await this.db.exec(Generations.schema);
    await this.db.exec(LeaseStore.schema);
    await this.db.exec(ParkedEvents.schema);
    for (const projection of this.projections) {
      await this.db.transaction(async (tx) => {
        const live = (await Generations.list(tx, projection.name)).filter((g) => g.status !== 'retired');
        if (live.length === 0) await Generations.create(tx, projection, 'active');
      });
    }
  }

  /** Starts projecting (once the lease is held, when one is configured). */
  start(): void {
    this.controller = new AbortController();
    const { signal } = this.controller;
    const reconcile = (within: AbortSignal) => this.reconciler.run(within);
    this.main = this.lease ? this.lease.run(signal, reconcile, () => this.loops.stop()) : reconcile(signal);
  }

  /** Stops every loop and waits for in-flight batches to commit. */
  async stop(): Promise<void> {
    this.controller.abort();
    await this.main;
    await this.loops.stop();
  }

  /** Asks for a blue/green rebuild of `name`; the process holding the lease builds it. */
  async rebuild(name: string): Promise<Generation> {
    const projection = this.projection(name);
    return this.db.transaction(async (tx) => {
      const building = (await Generations.list(tx, name)).find((g) => g.status === 'building');
      return building ?? Generations.create(tx, projection, 'building');
    });
  }

  /** Every generation with its loop state. */
  async status(): Promise<(Generation & LoopState)[]> {
    const generations = await Generations.list(this.db);
    return generations.map((g) => ({ ...g, ...this.loops.state(loopKey(g)) }));
  }

  /** Resolves once every active generation has applied the event at `position` (read-your-writes). */
  waitFor(position: Position, timeoutMs = 10_000): Promise<void> {
    return this.applied.waitFor(position, timeoutMs);
  }

  /** The definition of a projection by name; throws `RangeError` for an unknown one. */
  projection(name: string): AnyProjection {
    const projection = this.projections.find((p) => p.name === name);
    if (!projection) throw new RangeError(`Unknown projection ${name}`);
    return projection;
  }

  /** One generation's loop: catch up in shared pages, then follow live appends. */
  private async follow(projection: AnyProjection, generation: number, signal: AbortSignal): Promise<void> {
    const batchSize = this.options.batchSize ?? DEFAULT_BATCH_SIZE;
    const fromPosition = await this.catchUp.run(projection, generation, batchSize, signal);
    if (signal.aborted) return;
    await this.live.run(projection, generation, fromPosition, batchSize, signal);
  }
}
