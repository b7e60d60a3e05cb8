import type Database from 'better-sqlite3';

/**
 * Time-limited leases in the read-model database. A projector holds the lease of its
 * projection group and renews it well within the TTL; if it dies, another takes over
 * once the TTL has run out. Every batch commit re-checks the lease inside its own
 * transaction (fencing), so a holder that stalled past its TTL cannot commit after a
 * successor has taken over.
 */
export class LeaseStore {
  constructor(
    private readonly db: Database.Database,
    private readonly now: () => number = Date.now,
  ) {
    db.exec(`CREATE TABLE IF NOT EXISTS projection_leases (
      name TEXT PRIMARY KEY, holder TEXT NOT NULL, expires_at INTEGER NOT NULL)`);
  }

  /** Takes or renews the lease; true when `holder` holds it for the next `ttlMs`. */
  tryAcquire(name: string, holder: string, ttlMs: number): boolean {
    const now = this.now();
    const result = this.db
      .prepare(
        `INSERT INTO projection_leases (name, holder, expires_at) VALUES (@name, @holder, @expires)
         ON CONFLICT(name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
         WHERE projection_leases.holder = excluded.holder OR projection_leases.expires_at <= @now`,
      )
      .run({ name, holder, expires: now + ttlMs, now });
    return result.changes === 1;
  }

  /** True while `holder` holds an unexpired lease. */
  isHeld(name: string, holder: string): boolean {
    const row = this.db
      .prepare<[string], { holder: string; expires_at: number }>(
        'SELECT holder, expires_at FROM projection_leases WHERE name = ?',
      )
      .get(name);
    return row !== undefined && row.holder === holder && row.expires_at > this.now();
  }

  /** Gives the lease up at once, so a standby need not wait for the TTL. */
  release(name: string, holder: string): void {
    this.db.prepare('DELETE FROM projection_leases WHERE name = ? AND holder = ?').run(name, holder);
  }

  /** Current holder, if the lease is unexpired. */
  holder(name: string): string | undefined {
    const row = this.db
      .prepare<[string], { holder: string; expires_at: number }>(
        'SELECT holder, expires_at FROM projection_leases WHERE name = ?',
      )
      .get(name);
    return row && row.expires_at > this.now() ? row.holder : undefined;
  }
}
