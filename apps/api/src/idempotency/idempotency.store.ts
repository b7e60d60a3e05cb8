import type { ReadModelStore } from '@tracker/read-models/store/read-model-store';

/** A stored first response, replayed for a retry with the same key and body. */
export interface StoredResponse {
  status: number;
  /** The body as sent. */
  payload?: string;
  /** The body as an object, in responses stored before `payload`. */
  body?: unknown;
  etag?: string;
  contentType?: string;
}

/** Outcome of claiming a key. */
export type Claim =
  { kind: 'claimed' } | { kind: 'replay'; response: StoredResponse } | { kind: 'mismatch' } | { kind: 'in-progress' };

/**
 * A claim older than this is taken to be abandoned (its process died mid-request) and may be
 * re-claimed. If the command had landed, its events carry ids derived from the key, so the
 * retry is answered with that result and appends nothing (`handleCommand`).
 */
const ABANDONED_AFTER_MS = 30_000;

/**
 * Idempotency keys in `KEY_STORE` (the embedded log file, or PostgreSQL), so they survive
 * restarts and are shared by API replicas. A key is claimed before the command runs, so
 * two concurrent requests with one key cannot both append.
 */
export class IdempotencyStore {
  private lastPurge = 0;

  constructor(
    private readonly db: ReadModelStore,
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Creates the table; idempotent. */
  async init(): Promise<void> {
    await this.db.exec(`CREATE TABLE IF NOT EXISTS idempotency_keys (
      principal TEXT NOT NULL, idem_key TEXT NOT NULL, fingerprint TEXT NOT NULL, state TEXT NOT NULL,
      response TEXT, created_at BIGINT NOT NULL, PRIMARY KEY (principal, idem_key))`);
  }

  /** Claims `key` for this request, or says why not: a replay of the first response, a different body, or still running. */
  async claim(principal: string, key: string, fingerprint: string): Promise<Claim> {
    await this.purgeExpired();
    const now = this.now();
    const taken = await this.db.run(
      `INSERT INTO idempotency_keys (principal, idem_key, fingerprint, state, response, created_at)
       VALUES (@principal, @key, @fingerprint, 'pending', NULL, @now)
       ON CONFLICT (principal, idem_key) DO UPDATE SET fingerprint = excluded.fingerprint, created_at = excluded.created_at
       WHERE idempotency_keys.state = 'pending' AND idempotency_keys.created_at < @abandoned`,
      { principal, key, fingerprint, now, abandoned: now - ABANDONED_AFTER_MS },
    );
    if (taken === 1) return { kind: 'claimed' };
    const row = await this.db.get<{ fingerprint: string; state: string; response: string | null }>(
      'SELECT fingerprint, state, response FROM idempotency_keys WHERE principal = @principal AND idem_key = @key',
      { principal, key },
    );
    if (!row) return this.claim(principal, key, fingerprint);
    if (row.fingerprint !== fingerprint) return { kind: 'mismatch' };
    if (row.state !== 'done' || !row.response) return { kind: 'in-progress' };
    return { kind: 'replay', response: JSON.parse(row.response) as StoredResponse };
  }

  /** Stores the first (successful) response for replays. */
  async complete(principal: string, key: string, response: StoredResponse): Promise<void> {
    await this.db.run(
      `UPDATE idempotency_keys SET state = 'done', response = @response WHERE principal = @principal AND idem_key = @key`,
      { principal, key, response: JSON.stringify(response) },
    );
  }

  /** Frees a key whose request failed, so the client may retry it. */
  async release(principal: string, key: string): Promise<void> {
    await this.db.run(
      `DELETE FROM idempotency_keys WHERE principal = @principal AND idem_key = @key AND state = 'pending'`,
      { principal, key },
    );
  }

  private async purgeExpired(): Promise<void> {
    const now = this.now();
    if (now - this.lastPurge < 60_000) return;
    this.lastPurge = now;
    await this.db.run('DELETE FROM idempotency_keys WHERE created_at < @cutoff', { cutoff: now - this.ttlMs });
  }
}
