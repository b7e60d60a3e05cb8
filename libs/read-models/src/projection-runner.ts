import type Database from 'better-sqlite3';
import type { EventStorePort, Position, RecordedEvent } from '@tracker/event-store/event-store.port';
import { comparePositions } from '@tracker/event-store/position';
import type { ProjectedEvent, SqliteProjection } from './projection';
import { CheckpointStore } from './sqlite/checkpoint-store';
import { LeaseStore } from './sqlite/lease-store';

/** Runner options. */
export interface ProjectionRunnerOptions {
  /** Most events folded in one transaction. */
  readonly batchSize?: number;
  /** Wait before resubscribing after a failure. */
  readonly retryDelayMs?: number;
  /** Where failures are reported. */
  readonly onError?: (projection: string, error: unknown) => void;
  /** Run only while holding this lease, so that at most one process projects at a time. */
  readonly lease?: { readonly name: string; readonly holder: string; readonly ttlMs: number };
  /** Told when the lease is won or lost. */
  readonly onLeaseChange?: (held: boolean) => void;
}

/** A commit found the lease gone: another process may be projecting now. */
export class LeaseLostError extends Error {
  override readonly name = 'LeaseLostError';
}

/** Live state of one projection, for status pages and tests. */
export interface ProjectionStatus {
  readonly name: string;
  readonly version: number;
  readonly position: Position | undefined;
  readonly state: 'standby' | 'running' | 'retrying' | 'stopped';
  readonly lastError?: string;
}

const IDLE = Symbol('idle');

/**
 * Feeds projections from the durable `$all` subscription. Each batch's rows and its
 * checkpoint commit in one transaction, and events at or before the stored checkpoint
 * are skipped, so a crash or a replay neither loses nor double-counts an event.
 */
export class ProjectionRunner {
  private readonly checkpoints: CheckpointStore;
  private readonly leases: LeaseStore;
  private readonly statuses = new Map<string, ProjectionStatus>();
  private readonly waiters = new Set<() => void>();
  private controller = new AbortController();
  private loops: Promise<void>[] = [];

  constructor(
    private readonly store: EventStorePort,
    private readonly db: Database.Database,
    private readonly projections: readonly SqliteProjection[],
    private readonly options: ProjectionRunnerOptions = {},
  ) {
    this.checkpoints = new CheckpointStore(db);
    this.leases = new LeaseStore(db);
    for (const projection of projections) this.prepare(projection);
  }

  /** Creates tables; drops and rebuilds from 0 those whose stored version differs from the code's. */
  private prepare(projection: SqliteProjection): void {
    this.db.transaction(() => {
      const stored = this.checkpoints.get(projection.name);
      if (stored && stored.version !== projection.version) {
        for (const table of projection.tables) this.db.exec(`DROP TABLE IF EXISTS ${table}`);
        this.checkpoints.set(projection.name, projection.version, undefined);
      }
      this.db.exec(projection.schema);
      if (!stored) this.checkpoints.set(projection.name, projection.version, undefined);
    })();
    this.statuses.set(projection.name, {
      name: projection.name,
      version: projection.version,
      position: this.checkpoints.get(projection.name)?.position,
      state: 'stopped',
    });
  }

  /** Starts one subscription per projection (once the lease is held, when one is configured). */
  start(): void {
    this.controller = new AbortController();
    const { signal } = this.controller;
    this.loops = this.options.lease ? [this.leaseLoop(this.options.lease, signal)] : this.runAll(signal);
  }

  private runAll(signal: AbortSignal): Promise<void>[] {
    return this.projections.map((p) => this.run(p, signal));
  }

  /** Projects while the lease is held, renewing it every third of its TTL; stands by otherwise. */
  private async leaseLoop(lease: NonNullable<ProjectionRunnerOptions['lease']>, signal: AbortSignal): Promise<void> {
    const renewEvery = Math.max(10, Math.floor(lease.ttlMs / 3));
    for (const p of this.projections) this.setStatus(p, { state: 'standby' });
    while (!signal.aborted) {
      if (!this.leases.tryAcquire(lease.name, lease.holder, lease.ttlMs)) {
        await sleep(renewEvery, signal);
        continue;
      }
      this.options.onLeaseChange?.(true);
      const held = new AbortController();
      const loops = this.runAll(AbortSignal.any([signal, held.signal]));
      do await sleep(renewEvery, signal);
      while (!signal.aborted && this.leases.tryAcquire(lease.name, lease.holder, lease.ttlMs));
      held.abort();
      await Promise.all(loops);
      this.options.onLeaseChange?.(false);
      for (const p of this.projections) this.setStatus(p, { state: signal.aborted ? 'stopped' : 'standby' });
    }
    this.leases.release(lease.name, lease.holder);
  }

  /** Stops all subscriptions and waits for in-flight batches to commit. */
  async stop(): Promise<void> {
    this.controller.abort();
    await Promise.all(this.loops);
    this.loops = [];
  }

  /** Current status of every projection. */
  status(): ProjectionStatus[] {
    return [...this.statuses.values()];
  }

  /** Resolves once every projection has applied the event at `position` (read-your-writes for tests and callers). */
  async waitFor(position: Position, timeoutMs = 10_000): Promise<void> {
    const reached = () =>
      this.status().every((s) => s.position !== undefined && comparePositions(s.position, position) >= 0);
    const deadline = Date.now() + timeoutMs;
    while (!reached()) {
      if (Date.now() > deadline) throw new Error('projections did not catch up in time');
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, 100);
        function done() {
          clearTimeout(timer);
          resolve();
        }
        this.waiters.add(done);
      });
    }
  }

  private async run(projection: SqliteProjection, signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      try {
        this.setStatus(projection, { state: 'running', lastError: undefined });
        await this.follow(projection, signal);
      } catch (error) {
        this.options.onError?.(projection.name, error);
        this.setStatus(projection, { state: 'retrying', lastError: String(error) });
        await sleep(this.options.retryDelayMs ?? 1000, signal);
      }
    }
    this.setStatus(projection, { state: 'stopped' });
  }

  private async follow(projection: SqliteProjection, signal: AbortSignal): Promise<void> {
    const fromPosition = this.checkpoints.get(projection.name)?.position;
    // Our own abort ends the subscription even while it waits for live events, so a failed batch can resubscribe.
    const local = new AbortController();
    const subscription = this.store.subscribeToAll({ fromPosition, signal: AbortSignal.any([signal, local.signal]) });
    const iterator = subscription[Symbol.asyncIterator]();
    const batchSize = this.options.batchSize ?? 1000;
    let batch: RecordedEvent[] = [];
    let pending = iterator.next();
    try {
      for (;;) {
        const next = batch.length === 0 ? await pending : await Promise.race([pending, idle()]);
        if (next === IDLE || next.done || batch.length >= batchSize) {
          this.commit(projection, batch);
          batch = [];
        }
        if (next === IDLE) continue;
        if (next.done) return;
        batch.push(next.value);
        pending = iterator.next();
      }
    } finally {
      // Uncommitted events are simply delivered again from the checkpoint by the next subscription.
      local.abort();
      await pending.catch(() => undefined);
      await iterator.return?.();
    }
  }

  private commit(projection: SqliteProjection, batch: readonly RecordedEvent[]): void {
    if (batch.length === 0) return;
    const lease = this.options.lease;
    const position = this.db.transaction(() => {
      if (lease && !this.leases.isHeld(lease.name, lease.holder)) throw new LeaseLostError(lease.name);
      const stored = this.checkpoints.get(projection.name)?.position;
      let last = stored;
      for (const event of batch) {
        if (last && comparePositions(event.position, last) <= 0) continue;
        projection.apply(this.db, event as unknown as ProjectedEvent);
        last = event.position;
      }
      if (last !== stored) this.checkpoints.set(projection.name, projection.version, last);
      return last;
    })();
    this.setStatus(projection, { position });
  }

  private setStatus(projection: SqliteProjection, change: Partial<ProjectionStatus>): void {
    const current = this.statuses.get(projection.name)!;
    this.statuses.set(projection.name, { ...current, ...change });
    for (const wake of this.waiters) wake();
    this.waiters.clear();
  }
}

function idle(): Promise<typeof IDLE> {
  return new Promise((resolve) => setImmediate(() => resolve(IDLE)));
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
  });
}
