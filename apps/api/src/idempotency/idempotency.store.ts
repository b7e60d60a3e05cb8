import { StorageFullError } from '@tracker/event-store/event-store.errors';
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

/** A full disk as SQLite (`SQLITE_FULL`) and PostgreSQL (`53100 disk_full`) report it. */
const isStorageFull = (error: unknown) => ['SQLITE_FULL', '53100'].includes((error as { code?: string })?.code ?? '');

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
    await this.purgeExpired().catch(ignoreStorageFull);
    const now = this.now();
    // No room for the claim means no room for the write either (the keys live beside the log): a 507, not a 500.
    const taken = await this.db
      .run(
        `INSERT INTO idempotency_keys (principal, idem_key, fingerprint, state, response, created_at)
       VALUES (@principal, @key, @fingerprint, 'pending', NULL, @now)
       ON CONFLICT (principal, idem_key) DO UPDATE SET fingerprint = excluded.fingerprint, created_at = excluded.created_at
       WHERE idempotency_keys.state = 'pending' AND idempotency_keys.created_at < @abandoned`,
        { principal, key, fingerprint, now, abandoned: now - ABANDONED_AFTER_MS },
      )
      .catch((error: unknown) => {
        throw isStorageFull(error) ? new StorageFullError(error) : error;
      });
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

  /**
   * Stores the first (successful) response for replays. With no room to store it, the write
   * has still landed and is answered as such; its key stays pending, so a retry is a 409
   * until the claim counts as abandoned, and then gets the first result from the stream.
   */
  async complete(principal: string, key: string, response: StoredResponse): Promise<void> {
    await this.db
      .run(
        `UPDATE idempotency_keys SET state = 'done', response = @response WHERE principal = @principal AND idem_key = @key`,
        { principal, key, response: JSON.stringify(response) },
      )
      .catch(ignoreStorageFull);
  }

  /** Frees a key whose request failed, so the client may retry it (once abandoned, if there is no room to free it). */
  async release(principal: string, key: string): Promise<void> {
    await this.db
      .run(`DELETE FROM idempotency_keys WHERE principal = @principal AND idem_key = @key AND state = 'pending'`, {
        principal,
        key,
      })
      .catch(ignoreStorageFull);
  }

  private async purgeExpired(): Promise<void> {
    const now = this.now();
    if (now - this.lastPurge < 60_000) return;
    this.lastPurge = now;
    await this.db.run('DELETE FROM idempotency_keys WHERE created_at < @cutoff', { cutoff: now - this.ttlMs });
  }
}

function ignoreStorageFull(error: unknown): void {
  if (!isStorageFull(error)) throw error;
}
