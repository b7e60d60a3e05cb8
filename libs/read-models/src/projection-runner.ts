import type { DomainEvent } from '@tracker/domain/shared/decider';
import { sleep, wakeAll, type Wakers } from '@tracker/event-store/abortable-sleep';
import type { EventStorePort, Position } from '@tracker/event-store/event-store.port';
import { comparePositions, formatPosition, headOf } from '@tracker/event-store/position';
import { DEFAULT_BATCH_SIZE, foldBatch, projected } from './fold';
import { type Generation, Generations } from './generations';
import { type Failure, ParkedEvents } from './parked-events';
import type { ProjectedEvent, Projection, Tables } from './projection';
import { tablesOf } from './projection';
import {
  DEFAULT_QUARANTINE,
  FoldFailed,
  foldEach,
  isStoreFailure,
  type QuarantinePolicy,
  RetryLater,
} from './quarantine';
import { LeaseStore } from './store/lease-store';
import type { ReadModelStore, SqlSession } from './store/read-model-store';

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

/** A commit found the lease gone: another process may be projecting now. */
export class LeaseLostError extends Error {
  override readonly name = 'LeaseLostError';
}

/** Live state of one generation's loop. */
export interface LoopState {
  readonly state: 'running' | 'retrying' | 'stopped';
  readonly lastError?: string;
}

const IDLE = Symbol('idle');
type AnyProjection = Projection<DomainEvent>;
type AnyEvent = ProjectedEvent<DomainEvent>;

/** One catch-up read: the events (upcast) and how many the store returned. */
interface Page {
  readonly events: readonly AnyEvent[];
  readonly read: number;
}

/**
 * Catch-up pages kept for loops reading the same stretch of the log (a rebuild of every
 * projection). A loop that runs ahead waits rather than evict a page a slower loop still
 * needs, so each page is read and parsed once however the loops' speeds differ.
 */
const SHARED_PAGES = 8;

/** The need of a loop that has not read its first page yet: no kept page may be evicted meanwhile. */
const STARTING = '\u0000starting';

/**
 * Feeds projections from the durable `$all` subscription, one loop per live generation.
 * Each batch's rows and its checkpoint commit in one transaction, and events at or before
 * the checkpoint are skipped, so a crash or a replay neither loses nor double-counts an
 * event. A building generation (a rebuild, or a new version in code) is filled from
 * position 0 beside the active one and switched in atomically once it has caught up.
 */
export class ProjectionRunner {
  private readonly leases = new LeaseStore();
  private readonly loops = new Map<string, { controller: AbortController; done: Promise<void> }>();
  private readonly loopStates = new Map<string, LoopState>();
  private readonly waiters: Wakers = new Set();
  /** By loop key: the position a live loop has passed without a transaction (see `Projection.eventTypes`). */
  private readonly passedTo = new Map<string, Position>();
  private readonly pages = new Map<string, Promise<Page>>();
  /** The page each catching-up loop reads next (or is folding), by loop key. */
  private readonly needs = new Map<string, string>();
  /** Loops waiting for a slower one to move past the oldest kept page. */
  private readonly progress: Wakers = new Set();
  /** Index builds, one after another (see `buildIndexes`). */
  private indexing: Promise<void> = Promise.resolve();
  private controller = new AbortController();
  private main: Promise<void> = Promise.resolve();
  /** By loop key: events that failed on their own and have attempts left, by position. */
  private readonly failures = new Map<string, Map<string, Failure>>();
  private readonly quarantine: QuarantinePolicy;

  constructor(
    private readonly store: EventStorePort,
    private readonly db: ReadModelStore,
    private readonly projections: readonly AnyProjection[],
    private readonly options: ProjectionRunnerOptions = {},
  ) {
    this.quarantine = { ...DEFAULT_QUARANTINE, ...options.quarantine };
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
    this.main = this.options.lease ? this.leaseLoop(this.options.lease, signal) : this.reconcileLoop(signal);
  }

  /** Stops every loop and waits for in-flight batches to commit. */
  async stop(): Promise<void> {
    this.controller.abort();
    await this.main;
    await this.stopLoops(() => true);
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
    return generations.map((g) => ({ ...g, ...(this.loopStates.get(key(g)) ?? { state: 'stopped' as const }) }));
  }

  /** Resolves once every active generation has applied the event at `position` (read-your-writes). */
  async waitFor(position: Position, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const active = (await Generations.list(this.db)).filter((g) => g.status === 'active');
      const reached = (at: Position | undefined) => at !== undefined && comparePositions(at, position) >= 0;
      if (active.every((g) => reached(g.position) || reached(this.passedTo.get(key(g))))) return;
      if (Date.now() > deadline) throw new Error('projections did not catch up in time');
      await sleep(50, undefined, this.waiters);
    }
  }

  /** The definition of a projection by name; throws `RangeError` for an unknown one. */
  projection(name: string): AnyProjection {
    const projection = this.projections.find((p) => p.name === name);
    if (!projection) throw new RangeError(`Unknown projection ${name}`);
    return projection;
  }

  private async leaseLoop(lease: NonNullable<ProjectionRunnerOptions['lease']>, signal: AbortSignal): Promise<void> {
    const renewEvery = Math.max(10, Math.floor(lease.ttlMs / 3));
    while (!signal.aborted) {
      if (!(await this.leases.tryAcquire(this.db, lease.name, lease.holder, lease.ttlMs))) {
        await sleep(renewEvery, signal);
        continue;
      }
      this.options.onLeaseChange?.(true);
      const held = new AbortController();
      const working = this.reconcileLoop(AbortSignal.any([signal, held.signal]));
      do await sleep(renewEvery, signal);
      while (!signal.aborted && (await this.leases.tryAcquire(this.db, lease.name, lease.holder, lease.ttlMs)));
      held.abort();
      await working;
      await this.stopLoops(() => true);
      this.options.onLeaseChange?.(false);
    }
    await this.leases.release(this.db, lease.name, lease.holder);
  }

  /** Keeps one loop per live generation, starts version rebuilds, switches caught-up builds, drops retired tables. */
  private async reconcileLoop(signal: AbortSignal): Promise<void> {
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
      const running = this.loops.has(key(generation));
      const stale = generation.status === 'active' && generation.version !== projection.version;
      if (generation.status === 'retired' || stale) {
        if (running) await this.stopLoops((k) => k === key(generation));
        if (generation.status === 'retired' && Date.parse(generation.updatedAt) < Date.now() - 10_000) {
          await this.db.transaction((tx) => Generations.drop(tx, projection, generation.generation));
        }
      } else if (!running) {
        starts.push(() => this.startLoop(projection, generation, signal));
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

  private startLoop(projection: AnyProjection, generation: Generation, parent: AbortSignal): void {
    const controller = new AbortController();
    const signal = AbortSignal.any([parent, controller.signal]);
    const done = (async () => {
      while (!signal.aborted) {
        try {
          this.loopStates.set(key(generation), { state: 'running' });
          await this.follow(projection, generation.generation, signal);
        } catch (error) {
          this.options.onError?.(projection.name, error);
          this.loopStates.set(key(generation), { state: 'retrying', lastError: String(error) });
          const delay = error instanceof RetryLater ? error.delayMs : (this.options.retryDelayMs ?? 1000);
          await sleep(delay, signal);
        }
      }
      this.loopStates.set(key(generation), { state: 'stopped' });
    })();
    this.loops.set(key(generation), { controller, done });
  }

  private async stopLoops(which: (key: string) => boolean): Promise<void> {
    const stopping = [...this.loops.entries()].filter(([k]) => which(k));
    for (const [, loop] of stopping) loop.controller.abort();
    await Promise.all(stopping.map(([, loop]) => loop.done));
    for (const [k] of stopping) this.loops.delete(k);
  }

  private async follow(projection: AnyProjection, generation: number, signal: AbortSignal): Promise<void> {
    const batchSize = this.options.batchSize ?? DEFAULT_BATCH_SIZE;
    const fromPosition = await this.catchUp(projection, generation, batchSize, signal);
    if (signal.aborted) return;
    // Our own abort ends the subscription even while it waits for live events, so a failed batch can resubscribe.
    const local = new AbortController();
    const subscription = this.store.subscribeToAll({ fromPosition, signal: AbortSignal.any([signal, local.signal]) });
    const iterator = subscription[Symbol.asyncIterator]();
    let batch: AnyEvent[] = [];
    let pending = iterator.next();
    const loop = key({ name: projection.name, generation });
    const acts = projection.eventTypes && new Set<string>(projection.eventTypes);
    // The last event of batches passed without a transaction, and when a checkpoint was last written.
    let passed: AnyEvent | undefined;
    let written = Date.now();
    // Raced against the next event: the end of this turn of the event loop while a batch fills, and the
    // moment a passed checkpoint is due. Made once each and reused, not once per event.
    let turn: Promise<typeof IDLE> | undefined;
    let due: Promise<typeof IDLE> | undefined;
    try {
      for (;;) {
        const next =
          batch.length > 0
            ? await Promise.race([pending, (turn ??= idle(this.options.liveBatchMs))])
            : passed
              ? await Promise.race([pending, (due ??= idle(written + PASS_FOR_MS - Date.now()))])
              : await pending;
        if (next === IDLE || next.done || batch.length >= batchSize) {
          turn = undefined;
          if (
            acts &&
            batch.length > 0 &&
            !batch.some((event) => acts.has(event.type)) &&
            Date.now() - written < PASS_FOR_MS
          ) {
            passed = batch[batch.length - 1];
            this.passedTo.set(loop, passed.position);
            wakeAll(this.waiters);
          } else {
            // A batch emptied by a due checkpoint carries the last passed event: folding it changes no row.
            await this.commit(projection, generation, batch.length > 0 ? batch : passed ? [passed] : []);
            if (batch.length > 0 || passed) written = Date.now();
            passed = undefined;
            due = undefined;
          }
          batch = [];
        }
        if (next === IDLE) continue;
        if (next.done) return;
        batch.push(projected(next.value));
        pending = iterator.next();
      }
    } finally {
      // Uncommitted events are simply delivered again from the checkpoint by the next subscription.
      this.passedTo.delete(loop);
      local.abort();
      await pending.catch(() => undefined);
      await iterator.return?.();
    }
  }

  /**
   * Catch-up in pages read straight from `$all`, one transaction per page: a rebuild from
   * position 0 is dominated by this, and pages avoid the per-event hand-off of a live
   * subscription. Returns the position the live subscription continues after.
   */
  private async catchUp(projection: AnyProjection, generation: number, batchSize: number, signal: AbortSignal) {
    const loop = key({ name: projection.name, generation });
    // Set before the first await: loops started together hold every kept page until each has asked for its first.
    this.needs.set(loop, STARTING);
    try {
      const position = (await Generations.get(this.db, projection.name, generation))?.position;
      return await this.catchUpPages(projection, generation, loop, position, batchSize, signal);
    } finally {
      this.needs.delete(loop);
      wakeAll(this.progress);
    }
  }

  private async catchUpPages(
    projection: AnyProjection,
    generation: number,
    loop: string,
    position: Position | undefined,
    batchSize: number,
    signal: AbortSignal,
  ) {
    while (!signal.aborted) {
      // Forward reads from a position include it, so one more than a batch is asked for.
      const { events, read } = await this.readPage(loop, position, batchSize + 1, signal);
      const after = position;
      const page = after ? events.filter((event) => comparePositions(event.position, after) > 0) : events;
      if (page.length > 0) {
        await this.commit(projection, generation, page);
        position = page[page.length - 1].position;
      }
      if (read < batchSize + 1) {
        // Caught up: the query-only indexes are built now, once, rather than row by row.
        await this.buildIndexes(projection, generation);
        return position;
      }
      // SQLite pages resolve without I/O: yield so HTTP, health checks and timers run during a long catch-up.
      await new Promise((resolve) => setImmediate(resolve));
    }
    return position;
  }

  /**
   * One page of `$all` from `from`, read and upcast once for every loop that asks for it:
   * generations catching up from the same checkpoint (all of them, in a full rebuild) share
   * the reads and the JSON parsing instead of each doing them again.
   */
  private async readPage(
    loop: string,
    from: Position | undefined,
    maxCount: number,
    signal: AbortSignal,
  ): Promise<Page> {
    const key = `${from ? formatPosition(from) : 'start'}/${maxCount}`;
    this.needs.set(loop, key);
    wakeAll(this.progress);
    let page = this.pages.get(key);
    // Ahead of a loop that still needs the oldest kept page: wait for it instead of evicting that page.
    while (!page && this.pages.size >= SHARED_PAGES && !signal.aborted) {
      const oldest = this.pages.keys().next().value!;
      const needed = new Set(this.needs.values());
      if (!needed.has(STARTING) && !needed.has(oldest)) {
        this.pages.delete(oldest);
        break;
      }
      await sleep(100, signal, this.progress);
      page = this.pages.get(key);
    }
    if (!page) {
      page = (async () => {
        const events: AnyEvent[] = [];
        for await (const event of this.store.readAll({ fromPosition: from ?? 'start', maxCount })) {
          events.push(projected(event));
        }
        return { events, read: events.length };
      })();
      this.pages.set(key, page);
      // A page that reached the head of the log grows as appends arrive: only full pages are kept.
      page.then(
        ({ read }) => read < maxCount && this.pages.delete(key),
        () => this.pages.delete(key),
      );
    }
    return page;
  }

  /**
   * Builds a generation's query-only indexes one at a time, and one loop's at a time, with the
   * event loop turning between builds: on SQLite a build blocks the thread (~1 s for 1M rows),
   * and loops catching up together would otherwise run theirs in the same turn. Never inside a
   * transaction, where a turn would let the log's writer wait on our lock.
   */
  private buildIndexes(projection: AnyProjection, generation: number): Promise<void> {
    const build = () =>
      Generations.index(this.db, projection, generation, () => new Promise((resolve) => setTimeout(resolve, 0)));
    const built = this.indexing.then(build, build);
    this.indexing = built.catch(() => undefined);
    return built;
  }

  /**
   * Folds `batch` and moves the checkpoint in one transaction. A batch that fails while folding
   * is folded again one event at a time (`foldEach`): a poison event is retried in order with
   * backoff, then parked, and never blanks the events it shared a batch with.
   */
  private async commit(projection: AnyProjection, generation: number, batch: readonly AnyEvent[]): Promise<void> {
    if (batch.length === 0) return;
    try {
      await this.transact(projection, generation, batch, async (tx, fresh, t) => {
        await foldBatch(tx, projection, fresh, t).catch((error: unknown) =>
          Promise.reject(isStoreFailure(error) ? error : new FoldFailed(error)),
        );
        return fresh[fresh.length - 1].position;
      });
    } catch (error) {
      if (!(error instanceof FoldFailed)) throw error;
      const loop = key({ name: projection.name, generation });
      let failures = this.failures.get(loop);
      if (!failures) this.failures.set(loop, (failures = new Map()));
      let retry: RetryLater | undefined;
      await this.transact(projection, generation, batch, async (tx, fresh, t) => {
        const outcome = await foldEach(tx, projection, generation, fresh, t, failures, this.quarantine);
        retry = outcome.retry;
        return outcome.through;
      });
      if (retry) throw retry;
    }
    wakeAll(this.waiters);
  }

  /** Runs `fold` on the events of `batch` past the checkpoint, in one transaction with the checkpoint it returns. */
  private async transact(
    projection: AnyProjection,
    generation: number,
    batch: readonly AnyEvent[],
    fold: (tx: SqlSession, fresh: readonly AnyEvent[], t: Tables) => Promise<Position | undefined>,
  ): Promise<void> {
    const { lease } = this.options;
    const t = tablesOf(projection, generation);
    await this.db.transaction(async (tx) => {
      if (lease && !(await this.leases.isHeld(tx, lease.name, lease.holder))) throw new LeaseLostError(lease.name);
      const stored = await Generations.lock(tx, projection.name, generation);
      if (!stored || stored.status === 'retired')
        throw new Error(`${projection.name} generation ${generation} is retired`);
      const checkpoint = stored.position;
      const fresh = checkpoint ? batch.filter((event) => comparePositions(event.position, checkpoint) > 0) : batch;
      if (fresh.length === 0) return;
      // Events arrive upcast: older schema versions are brought to the current shape on read; the log is never rewritten.
      const through = await fold(tx, fresh, t);
      if (through) await Generations.checkpoint(tx, projection.name, generation, through);
    });
  }
}

const key = (g: Pick<Generation, 'name' | 'generation'>) => `${g.name}#${g.generation}`;

/** How long a live loop may pass batches its projection ignores before it writes the checkpoint. */
const PASS_FOR_MS = 1000;

/** Resolves on the next turn of the event loop, or after `ms`. */
function idle(ms = 0): Promise<typeof IDLE> {
  if (ms > 0) return new Promise((resolve) => setTimeout(() => resolve(IDLE), ms));
  return new Promise((resolve) => setImmediate(() => resolve(IDLE)));
}
