import type { SqlSession } from './read-model-store';

/**
 * Time-limited leases in the read-model store. A projector holds the lease of its
 * projection group and renews it well within the TTL; if it dies, another takes over
 * once the TTL has run out. Every batch commit re-checks the lease inside its own
 * transaction (fencing), so a holder that stalled past its TTL cannot commit after a
 * successor has taken over.
 */
export class LeaseStore {
  constructor(private readonly now: () => number = Date.now) {}

  /** Creates the lease table; idempotent. */
  static schema = `CREATE TABLE IF NOT EXISTS projection_leases (
    name TEXT PRIMARY KEY, holder TEXT NOT NULL, expires_at BIGINT NOT NULL)`;

  /** Takes or renews the lease; true when `holder` holds it for the next `ttlMs`. */
  async tryAcquire(db: SqlSession, name: string, holder: string, ttlMs: number): Promise<boolean> {
    const now = this.now();
    const changed = await db.run(
      `INSERT INTO projection_leases (name, holder, expires_at) VALUES (@name, @holder, @expires)
       ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
       WHERE projection_leases.holder = excluded.holder OR projection_leases.expires_at <= @now`,
      { name, holder, expires: now + ttlMs, now },
    );
    return changed === 1;
  }

  /** True while `holder` holds an unexpired lease. */
  async isHeld(db: SqlSession, name: string, holder: string): Promise<boolean> {
    return (await this.holder(db, name)) === holder;
  }

  /** Gives the lease up at once, so a standby need not wait for the TTL. */
  async release(db: SqlSession, name: string, holder: string): Promise<void> {
    await db.run('DELETE FROM projection_leases WHERE name = @name AND holder = @holder', { name, holder });
  }

  /** Current holder, if the lease is unexpired. */
  async holder(db: SqlSession, name: string): Promise<string | undefined> {
    const row = await db.get<{ holder: string; expires_at: number }>(
      'SELECT holder, expires_at FROM projection_leases WHERE name = @name',
      { name },
    );
    return row && Number(row.expires_at) > this.now() ? row.holder : undefined;
  }
}
