import { SqliteEventStore } from '@tracker/event-store/sqlite/sqlite-event-store';
import type Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SqliteProjection } from './projection';
import { LeaseLostError, ProjectionRunner } from './projection-runner';
import { openReadModelDb } from './sqlite/sqlite-read-model-db';

/** Counts every event per stream; a double-applied event shows up as a count above 1 per event id. */
const counting = (version = 1, failOn?: { eventId?: string; remaining: number }): SqliteProjection => ({
  name: 'counting',
  version,
  tables: ['rm_counting'],
  schema: 'CREATE TABLE IF NOT EXISTS rm_counting (event_id TEXT NOT NULL, stream_id TEXT NOT NULL)',
  apply(db, event) {
    db.prepare('INSERT INTO rm_counting (event_id, stream_id) VALUES (?, ?)').run(event.eventId, event.streamId);
    if (failOn && event.eventId === failOn.eventId && failOn.remaining-- > 0) throw new Error('projection bug');
  },
});

describe('ProjectionRunner (SQLite log and read model)', () => {
  let dir: string;
  let store: SqliteEventStore;
  let db: Database.Database;
  const append = (n: number, stream = `s-${randomUUID()}`) =>
    store.appendToStream(
      stream,
      Array.from({ length: n }, () => ({ eventId: randomUUID(), type: 'Happened', data: {}, metadata: {} })),
      { expectedRevision: 'any' },
    );
  const rows = () => db.prepare('SELECT event_id FROM rm_counting').all() as { event_id: string }[];

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'tracker-runner-'));
    store = new SqliteEventStore({ filename: join(dir, 'tracker.db'), pollIntervalMs: 20 });
    db = openReadModelDb(join(dir, 'tracker.db'));
  });
  afterEach(async () => {
    await store.close();
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('catches up, follows live appends, and a restart resumes from the checkpoint without re-applying', async () => {
    await append(1500);
    const runner = new ProjectionRunner(store, db, [counting()], { batchSize: 400 });
    runner.start();
    const live = await append(10);
    await runner.waitFor(live.position);
    await runner.stop();
    expect(rows()).toHaveLength(1510);

    const more = await append(5);
    const again = new ProjectionRunner(store, db, [counting()]);
    again.start();
    await again.waitFor(more.position);
    await again.stop();
    const ids = rows().map((r) => r.event_id);
    expect(ids).toHaveLength(1515);
    expect(new Set(ids).size).toBe(1515);
  });

  it('a failing batch commits neither rows nor checkpoint; the retry applies every event exactly once', async () => {
    await append(20);
    const poison = randomUUID();
    await store.appendToStream('poison-1', [{ eventId: poison, type: 'Happened', data: {}, metadata: {} }], {
      expectedRevision: 'no_stream',
    });
    const last = await append(20);
    const errors: unknown[] = [];
    const runner = new ProjectionRunner(store, db, [counting(1, { eventId: poison, remaining: 2 })], {
      retryDelayMs: 10,
      onError: (_, e) => errors.push(e),
    });
    runner.start();
    await runner.waitFor(last.position);
    await runner.stop();
    expect(errors).toHaveLength(2);
    const ids = rows().map((r) => r.event_id);
    expect(ids).toHaveLength(41);
    expect(new Set(ids).size).toBe(41);
  });

  it('a new projection version drops its tables and rebuilds from position 0', async () => {
    const first = await append(7);
    const v1 = new ProjectionRunner(store, db, [counting(1)]);
    v1.start();
    await v1.waitFor(first.position);
    await v1.stop();
    db.prepare("INSERT INTO rm_counting (event_id, stream_id) VALUES ('stale', 'stale')").run();

    const v2 = new ProjectionRunner(store, db, [counting(2)]);
    expect(v2.status()[0]).toMatchObject({ version: 2, position: undefined });
    v2.start();
    await v2.waitFor(first.position);
    await v2.stop();
    expect(rows().map((r) => r.event_id)).not.toContain('stale');
    expect(rows()).toHaveLength(7);
  });

  it('with a lease, one of two runners projects; when it stops, the standby takes over with nothing applied twice', async () => {
    const first = await append(30);
    const lease = (holder: string) => ({ lease: { name: 'projector', holder, ttlMs: 300 } });
    const a = new ProjectionRunner(store, db, [counting()], lease('a'));
    const b = new ProjectionRunner(store, db, [counting()], lease('b'));
    a.start();
    await a.waitFor(first.position);
    b.start();
    await new Promise((r) => setTimeout(r, 400));
    expect(a.status()[0].state).toBe('running');
    expect(b.status()[0].state).toBe('standby');

    await a.stop();
    const second = await append(30);
    await b.waitFor(second.position);
    expect(b.status()[0].state).toBe('running');
    await b.stop();
    const ids = rows().map((r) => r.event_id);
    expect(ids).toHaveLength(60);
    expect(new Set(ids).size).toBe(60);
  });

  it('a runner whose lease was taken over cannot commit (fencing)', async () => {
    const first = await append(5);
    const errors: unknown[] = [];
    // A TTL long enough that renewal does not notice the takeover during the test: only the commit check can.
    const runner = new ProjectionRunner(store, db, [counting()], {
      lease: { name: 'projector', holder: 'slow', ttlMs: 60_000 },
      retryDelayMs: 10,
      onError: (_, e) => errors.push(e),
    });
    runner.start();
    await runner.waitFor(first.position);
    db.prepare("UPDATE projection_leases SET holder = 'successor' WHERE name = 'projector'").run();
    await append(5);
    await new Promise((r) => setTimeout(r, 300));
    await runner.stop();
    expect(rows()).toHaveLength(5);
    expect(errors[0]).toBeInstanceOf(LeaseLostError);
  });
});
