import Database from 'better-sqlite3';
import { mkdirSync, realpathSync, statfsSync } from 'node:fs';
import { dirname } from 'node:path';
import { BroadcastChannel } from 'node:worker_threads';
import { sleep, wakeAll, type Wakers } from '../abortable-sleep';
import { ConcurrencyError, StorageFullError, StreamNotFoundError } from '../event-store.errors';
import type {
  AppendOptions,
  AppendResult,
  EventData,
  EventStorePort,
  Position,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeToAllOptions,
} from '../event-store.port';

/** Options for the embedded store. */
export interface SqliteEventStoreOptions {
  /** Database file; `':memory:'` only for throwaway tests (no other process can see it). */
  readonly filename: string;
  /**
   * `FULL` (default): an acknowledged append survives power loss, because WAL is fsynced
   * on every commit. `NORMAL` survives a process crash (kill -9) but may lose the last
   * commits on power loss. Records are evidence, so the product ships `FULL`.
   */
  readonly synchronous?: 'FULL' | 'NORMAL';
  /** How often a live subscription looks for appends made by other processes. */
  readonly pollIntervalMs?: number;
  /** Rows fetched per query while catching up. */
  readonly pageSize?: number;
}

interface EventRow {
  position: number | bigint;
  event_id: string;
  stream_id: string;
  revision: number | bigint;
  type: string;
  data: string;
  metadata: string;
  recorded_at: number;
}

/** An append waiting for its group's commit. */
interface PendingAppend {
  streamId: string;
  events: readonly EventData[];
  options: AppendOptions;
  resolve: (result: AppendResult) => void;
  reject: (error: unknown) => void;
  result?: AppendResult;
  error?: unknown;
}

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS events (
    position    INTEGER PRIMARY KEY AUTOINCREMENT,
    event_id    TEXT    NOT NULL,
    stream_id   TEXT    NOT NULL,
    revision    INTEGER NOT NULL,
    type        TEXT    NOT NULL,
    data        TEXT    NOT NULL,
    metadata    TEXT    NOT NULL,
    recorded_at INTEGER NOT NULL,
    UNIQUE (stream_id, revision)
  );
  DROP INDEX IF EXISTS events_stream_event_id; -- replay lookups use the stream's own rows; one index less per append
`;

/** Free space below which a store that has run out of it still counts as full: room for a few groups of appends. */
const MIN_FREE_BYTES = 1_048_576;

/** SQLite reports a full disk (`ENOSPC` on the file or its WAL) and a file at `max_page_count` alike. */
const isStorageFull = (error: unknown) => (error as { code?: unknown } | null)?.code === 'SQLITE_FULL';

/** Embedded `EventStorePort` on one SQLite file (WAL). One writer at a time, so `$all` order is commit order. */
export class SqliteEventStore implements EventStorePort {
  private readonly db: Database.Database;
  /** Live subscriptions waiting for the next local append. */
  private readonly appended: Wakers = new Set();
  /** Tells stores on the same file in this process's other threads of each commit (see `waitForAppend`). */
  private readonly commits?: BroadcastChannel;
  private readonly pollIntervalMs: number;
  private readonly pageSize: number;
  private readonly stmt: ReturnType<SqliteEventStore['prepare']>;
  private readonly commitGroup: (group: readonly PendingAppend[], written: EventRow[]) => void;
  private pending: PendingAppend[] = [];
  /** Folder of the file, whose free space `checkWritable` reads; none in memory. */
  private readonly directory?: string;
  /** Set when a group failed for want of space, cleared by the next commit or a passing `checkWritable`. */
  private full = false;
  /**
   * Pages read by live subscriptions since the last commit and within this turn of the event
   * loop, by the position they follow: subscriptions woken by the same append (every
   * projection, inline) share one read and one parse instead of each doing both.
   */
  private readonly tail = new Map<bigint, readonly RecordedEvent[] | (() => readonly RecordedEvent[])>();

  constructor(options: SqliteEventStoreOptions) {
    if (options.filename !== ':memory:') {
      this.directory = dirname(options.filename);
      mkdirSync(this.directory, { recursive: true });
    }
    this.db = new Database(options.filename);
    if (options.filename !== ':memory:') {
      // The API's projection thread holds its own store on this file: its subscriptions wake on our commits, not on a poll.
      this.commits = new BroadcastChannel(`tracker-sqlite-commits:${realpathSync(options.filename)}`);
      this.commits.onmessage = () => wakeAll(this.appended);
      this.commits.unref();
    }
    this.db.pragma('journal_mode = WAL');
    this.db.pragma(`synchronous = ${options.synchronous ?? 'FULL'}`);
    this.db.pragma('busy_timeout = 5000');
    // Copy the WAL into the file every ~40 MB instead of every 4 MB: each checkpoint rewrites (and fsyncs) the
    // index pages appends keep touching; fewer, larger ones gave ~30% more durable appends at 64 writers here.
    // Every commit still fsyncs the WAL itself; the WAL file is cut back to 64 MB after a checkpoint.
    this.db.pragma('wal_autocheckpoint = 10000');
    this.db.pragma('journal_size_limit = 67108864');
    this.db.defaultSafeIntegers(true);
    this.db.exec(SCHEMA);
    this.pollIntervalMs = options.pollIntervalMs ?? 250;
    this.pageSize = options.pageSize ?? 500;
    this.stmt = this.prepare();
    // IMMEDIATE takes the write lock before any revision is read, so two processes cannot both pass a check.
    // An append that fails its check has written nothing (see `appendLocked`), so it is refused alone; an
    // error while inserting fails the whole group, which then rolls back with nothing acknowledged.
    this.commitGroup = this.db.transaction((group: readonly PendingAppend[], written: EventRow[]) => {
      for (const append of group) {
        const checked = this.appendLocked(append.streamId, append.events, append.options, written);
        if (checked instanceof Error) append.error = checked;
        else append.result = checked;
      }
    }).immediate;
  }

  private prepare() {
    return {
      lastRevision: this.db.prepare<[string], { revision: bigint | null }>(
        'SELECT max(revision) AS revision FROM events WHERE stream_id = ?',
      ),
      byEventId: this.db.prepare<[string, string], EventRow>(
        'SELECT * FROM events WHERE stream_id = ? AND event_id = ?',
      ),
      insert: this.db.prepare(
        `INSERT INTO events (event_id, stream_id, revision, type, data, metadata, recorded_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ),
      streamFwd: this.db.prepare<[string, bigint, number], EventRow>(
        'SELECT * FROM events WHERE stream_id = ? AND revision >= ? ORDER BY revision ASC LIMIT ?',
      ),
      streamBwd: this.db.prepare<[string, bigint, number], EventRow>(
        'SELECT * FROM events WHERE stream_id = ? AND revision <= ? ORDER BY revision DESC LIMIT ?',
      ),
      allFwd: this.db.prepare<[bigint, number], EventRow>(
        'SELECT * FROM events WHERE position > ? ORDER BY position ASC LIMIT ?',
      ),
      allFwdFrom: this.db.prepare<[bigint, number], EventRow>(
        'SELECT * FROM events WHERE position >= ? ORDER BY position ASC LIMIT ?',
      ),
      allBwd: this.db.prepare<[bigint, number], EventRow>(
        'SELECT * FROM events WHERE position <= ? ORDER BY position DESC LIMIT ?',
      ),
      ping: this.db.prepare('SELECT 1'),
    };
  }

  /**
   * Group commit: appends arriving in the same turn of the event loop share one durable
   * transaction (one fsync), each still checked against its own expected revision, in
   * arrival order, and each acknowledged only after the commit.
   */
  appendToStream(streamId: string, events: readonly EventData[], options: AppendOptions): Promise<AppendResult> {
    if (events.length === 0) return Promise.reject(new RangeError('appendToStream needs at least one event'));
    return new Promise((resolve, reject) => {
      if (this.pending.length === 0) setImmediate(() => this.flush());
      this.pending.push({ streamId, events, options, resolve, reject });
    });
  }

  private flush(): void {
    const group = this.pending;
    this.pending = [];
    const written: EventRow[] = [];
    try {
      this.commitGroup(group, written);
    } catch (error) {
      // The transaction rolled back: no append of the group was written, nor acknowledged.
      if (isStorageFull(error)) this.full = true;
      const refusal = isStorageFull(error) ? new StorageFullError(error) : error;
      for (const append of group) append.reject(refusal);
      return;
    }
    this.full = false;
    for (const append of group) {
      if (append.error === undefined) append.resolve(append.result!);
      else append.reject(append.error);
    }
    this.tail.clear();
    // The group's rows, contiguous in `$all`, are the page live subscriptions at the previous head read next:
    // parsed once, by the first of them, and not at all when no subscription asks.
    if (written.length > 0 && written.length <= this.pageSize) {
      this.keepTail(BigInt(written[0].position) - 1n, () => written.map(toRecorded));
    }
    wakeAll(this.appended);
    if (written.length > 0) this.commits?.postMessage(null);
  }

  /**
   * Checks and writes one append inside the group's transaction. Everything that can refuse it
   * (serialising, the revision check) happens before the first insert, so a refusal is returned
   * with nothing written and needs no savepoint to undo; inserts themselves then cannot conflict,
   * because the write lock is held and the revision was just read.
   */
  private appendLocked(
    streamId: string,
    events: readonly EventData[],
    { expectedRevision }: AppendOptions,
    written: EventRow[],
  ): AppendResult | Error {
    let rows: [string, string, string, string][];
    try {
      rows = events.map((event) => [
        event.eventId,
        event.type,
        JSON.stringify(event.data),
        JSON.stringify(event.metadata),
      ]);
    } catch (error) {
      return error instanceof Error ? error : new TypeError(String(error));
    }
    const current = this.stmt.lastRevision.get(streamId)?.revision ?? null;
    // An exact expected revision equal to the stream's is a new append: a retry would expect an earlier one.
    const replay =
      current === expectedRevision ? undefined : this.findReplay(streamId, events, expectedRevision, current);
    if (replay) return replay;
    const actual = current === null ? 'no_stream' : current;
    const ok =
      expectedRevision === 'any' ||
      (expectedRevision === 'no_stream' && current === null) ||
      (expectedRevision === 'stream_exists' && current !== null) ||
      (typeof expectedRevision === 'bigint' && current === expectedRevision);
    if (!ok) return new ConcurrencyError(streamId, expectedRevision, actual);
    const now = Date.now();
    let revision = current ?? -1n;
    let position = 0n;
    for (const [eventId, type, data, metadata] of rows) {
      revision += 1n;
      const info = this.stmt.insert.run(eventId, streamId, revision, type, data, metadata, now);
      position = BigInt(info.lastInsertRowid);
      // Parsed on demand from the text just stored, so live subscribers see exactly what a read would return.
      written.push({
        position,
        event_id: eventId,
        stream_id: streamId,
        revision,
        type,
        data,
        metadata,
        recorded_at: now,
      });
    }
    return { nextRevision: revision, position: { commit: position, prepare: position } };
  }

  /** A retry of an append that already landed: same ids, consecutively, right after the expected revision. */
  private findReplay(
    streamId: string,
    events: readonly EventData[],
    expected: AppendOptions['expectedRevision'],
    current: bigint | null,
  ): AppendResult | undefined {
    if (current === null) return undefined;
    const first = this.stmt.byEventId.get(streamId, events[0].eventId);
    if (!first) return undefined;
    const firstRevision = BigInt(first.revision);
    const expectedFirst = typeof expected === 'bigint' ? expected + 1n : expected === 'no_stream' ? 0n : firstRevision;
    if (firstRevision !== expectedFirst) return undefined;
    const rows = this.stmt.streamFwd.all(streamId, firstRevision, events.length);
    if (rows.length !== events.length || rows.some((row, i) => row.event_id !== events[i].eventId)) return undefined;
    const last = rows[rows.length - 1];
    const position = BigInt(last.position);
    return { nextRevision: BigInt(last.revision), position: { commit: position, prepare: position } };
  }

  async *readStream(streamId: string, options: ReadStreamOptions = {}): AsyncIterable<RecordedEvent> {
    const backwards = options.direction === 'backwards';
    let remaining = options.maxCount ?? Number.MAX_SAFE_INTEGER;
    const from = options.fromRevision ?? (backwards ? 'end' : 'start');
    let cursor = from === 'start' ? 0n : from === 'end' ? (backwards ? BigInt(Number.MAX_SAFE_INTEGER) : -1n) : from;
    if (from === 'end' && !backwards) {
      if (this.stmt.lastRevision.get(streamId)?.revision == null) throw new StreamNotFoundError(streamId);
      return;
    }
    let first = true;
    while (remaining > 0) {
      const limit = Math.min(remaining, this.pageSize);
      const rows = backwards
        ? this.stmt.streamBwd.all(streamId, cursor, limit)
        : this.stmt.streamFwd.all(streamId, cursor, limit);
      if (first && rows.length === 0 && this.stmt.lastRevision.get(streamId)?.revision == null) {
        throw new StreamNotFoundError(streamId);
      }
      first = false;
      for (const row of rows) yield toRecorded(row);
      remaining -= rows.length;
      if (rows.length < limit) return;
      const last = BigInt(rows[rows.length - 1].revision);
      cursor = backwards ? last - 1n : last + 1n;
      if (cursor < 0n) return;
    }
  }

  async *readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
    const backwards = options.direction === 'backwards';
    let remaining = options.maxCount ?? Number.MAX_SAFE_INTEGER;
    const from = options.fromPosition ?? (backwards ? 'end' : 'start');
    if (from === 'end' && !backwards) return;
    // Forward reads from an explicit position include it, as EventStoreDB's do.
    let cursor = from === 'start' ? 0n : from === 'end' ? BigInt(Number.MAX_SAFE_INTEGER) : from.commit;
    let inclusive = !backwards && from !== 'start';
    while (remaining > 0) {
      const limit = Math.min(remaining, this.pageSize);
      const rows = backwards
        ? this.stmt.allBwd.all(cursor, limit)
        : (inclusive ? this.stmt.allFwdFrom : this.stmt.allFwd).all(cursor, limit);
      for (const row of rows) yield toRecorded(row);
      remaining -= rows.length;
      if (rows.length < limit) return;
      const last = BigInt(rows[rows.length - 1].position);
      cursor = backwards ? last - 1n : last;
      inclusive = false;
    }
  }

  async *subscribeToAll(options: SubscribeToAllOptions = {}): AsyncIterable<RecordedEvent> {
    const { signal } = options;
    let after = options.fromPosition?.commit ?? 0n;
    while (!signal?.aborted) {
      const events = this.readTail(after);
      for (const event of events) {
        if (signal?.aborted) return;
        after = event.position.commit;
        yield event;
      }
      if (events.length < this.pageSize) await this.waitForAppend(signal);
    }
  }

  private readTail(after: bigint): readonly RecordedEvent[] {
    let events = this.tail.get(after);
    if (typeof events === 'function') this.tail.set(after, (events = events()));
    if (!events) this.keepTail(after, (events = this.stmt.allFwd.all(after, this.pageSize).map(toRecorded)));
    return events;
  }

  private keepTail(after: bigint, events: readonly RecordedEvent[] | (() => readonly RecordedEvent[])): void {
    // Appends by other processes are only seen by reading again: keep pages no longer than this turn.
    if (this.tail.size === 0) setImmediate(() => this.tail.clear());
    this.tail.set(after, events);
  }

  /** Resolves on the next append in this process (any thread), after a poll interval (other processes), or on abort. */
  private waitForAppend(signal: AbortSignal | undefined): Promise<void> {
    return sleep(this.pollIntervalMs, signal, this.appended);
  }

  async ping(): Promise<void> {
    this.stmt.ping.get();
  }

  /**
   * Until an append has failed for want of space there is nothing to probe. After one, the
   * store stays full until both: the filesystem has `MIN_FREE_BYTES` free, and a page-sized
   * row can be allocated in the file (which SQLite's `max_page_count` also limits); the row is
   * inserted and rolled back, so the probe leaves nothing behind.
   */
  async checkWritable(): Promise<void> {
    if (!this.full) return;
    if (this.directory && freeBytes(this.directory) < MIN_FREE_BYTES) throw new StorageFullError();
    const pageSize = Number(this.db.pragma('page_size', { simple: true }));
    this.db.exec('BEGIN IMMEDIATE');
    try {
      this.stmt.insert.run('write-probe', '$write-probe', 0n, '$write-probe', 'x'.repeat(pageSize), '{}', Date.now());
    } catch (error) {
      if (isStorageFull(error)) throw new StorageFullError(error);
      throw error;
    } finally {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
    }
    this.full = false;
  }

  async close(): Promise<void> {
    this.commits?.close();
    if (this.db.open) this.db.close();
  }
}

/** Bytes the process may still write on the filesystem holding `directory`; unknown counts as plenty. */
function freeBytes(directory: string): number {
  try {
    const { bavail, bsize } = statfsSync(directory);
    return bavail * bsize;
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}

function toRecorded(row: EventRow): RecordedEvent {
  const position: Position = { commit: BigInt(row.position), prepare: BigInt(row.position) };
  return {
    eventId: row.event_id,
    type: row.type,
    data: JSON.parse(row.data),
    metadata: JSON.parse(row.metadata),
    streamId: row.stream_id,
    revision: BigInt(row.revision),
    position,
    recordedAt: new Date(Number(row.recorded_at)),
  };
}
