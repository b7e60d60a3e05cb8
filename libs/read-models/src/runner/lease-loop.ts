import { sleep } from '@tracker/event-store/abortable-sleep';
import { LeaseStore } from '../store/lease-store';
import type { ReadModelStore, SqlSession } from '../store/read-model-store';

/** A commit found the lease gone: another process may be projecting now. */
export class LeaseLostError extends Error {
  override readonly name = 'LeaseLostError';
}

/** The lease a runner projects under: at most one holder projects at a time. */
export interface Lease {
  readonly name: string;
  readonly holder: string;
  readonly ttlMs: number;
}

/**
 * Projects only while this process holds the lease: waits for it, renews it a third of the
 * TTL apart, and stops the work when a renewal fails. Each commit checks it again inside its
 * own transaction (`fence`), so a holder that stalled past its TTL never commits after a
 * successor has taken over.
 */
export class LeaseLoop {
  private readonly leases = new LeaseStore();

  constructor(
    private readonly db: ReadModelStore,
    private readonly lease: Lease,
    private readonly options: { readonly onLeaseChange?: (held: boolean) => void },
  ) {}

  /** Runs `work` each time the lease is won, until `signal` aborts; `stopLoops` ends what it started once the lease is lost. */
  async run(
    signal: AbortSignal,
    work: (signal: AbortSignal) => Promise<void>,
    stopLoops: () => Promise<void>,
  ): Promise<void> {
    const { name, holder, ttlMs } = this.lease;
    const renewEvery = Math.max(10, Math.floor(ttlMs / 3));
    while (!signal.aborted) {
      if (!(await this.leases.tryAcquire(this.db, name, holder, ttlMs))) {
        await sleep(renewEvery, signal);
        continue;
      }
      this.options.onLeaseChange?.(true);
      const held = new AbortController();
      const working = work(AbortSignal.any([signal, held.signal]));
      do await sleep(renewEvery, signal);
      while (!signal.aborted && (await this.leases.tryAcquire(this.db, name, holder, ttlMs)));
      held.abort();
      await working;
      await stopLoops();
      this.options.onLeaseChange?.(false);
    }
    await this.leases.release(this.db, name, holder);
  }

  /** Throws `LeaseLostError` unless the lease is still ours; call inside the commit's transaction. */
  async fence(tx: SqlSession): Promise<void> {
    if (!(await this.leases.isHeld(tx, this.lease.name, this.lease.holder))) throw new LeaseLostError(this.lease.name);
  }
}
