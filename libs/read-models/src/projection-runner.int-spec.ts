import type { DomainEvent } from '@tracker/domain/shared/decider';
import { SqliteEventStore } from '@tracker/event-store/sqlite/sqlite-event-store';
import { READ_MODEL_STORE_FACTORIES } from '@tracker/testing/read-model-stores';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatPosition } from '@tracker/event-store/position';
import { Generations } from './generations';
import { ParkedEvents } from './parked-events';
import type { Projection } from './projection';
import { LeaseLostError, ProjectionRunner } from './projection-runner';
import type { ReadModelStore } from './store/read-model-store';

/** Records every event id it sees; a double-applied event shows up as a repeated id. */
const counting = (version = 1, failOn?: { eventId?: string; remaining: number }): Projection<DomainEvent> => ({
  name: 'counting',
  version,
  tables: ['rm_counting'],
  schema: (t) => `CREATE TABLE IF NOT EXISTS ${t.rm_counting} (event_id TEXT NOT NULL, stream_id TEXT NOT NULL)`,
  async apply(tx, event, t) {
    await tx.run(`INSERT INTO ${t.rm_counting} (event_id, stream_id) VALUES (@id, @stream)`, {
      id: event.eventId,
      stream: event.streamId,
    });
    if (failOn && event.eventId === failOn.eventId && failOn.remaining-- > 0) throw new Error('projection bug');
  },
});

describe.each(READ_MODEL_STORE_FACTORIES)('ProjectionRunner with read models on $label', ({ create }) => {
  let dir: string;
  let store: SqliteEventStore;
  let db: ReadModelStore & { dispose(): Promise<void> };
  const append = (n: number, stream = `s-${randomUUID()}`) =>
    store.appendToStream(
      stream,
      Array.from({ length: n }, () => ({ eventId: randomUUID(), type: 'Happened', data: {}, metadata: {} })),
      { expectedRevision: 'any' },
    );
  const rows = async (generation?: number) => {
    const active =
      generation ?? (await Generations.list(db, 'counting')).find((g) => g.status === 'active')!.generation;
    return db.all<{ event_id: string }>(`SELECT event_id FROM rm_counting_g${active}`);
  };
  const runner = (
    projection: Projection<DomainEvent>,
    options: ConstructorParameters<typeof ProjectionRunner>[3] = {},
  ) => new ProjectionRunner(store, db, [projection], { reconcileMs: 20, retryDelayMs: 10, ...options });

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tracker-runner-'));
    store = new SqliteEventStore({ filename: join(dir, 'events.db'), pollIntervalMs: 20 });
    db = await create();
  });
  afterEach(async () => {
    await store.close();
    await db.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('catches up, follows live appends, and a restart resumes from the checkpoint without re-applying', async () => {
    await append(1500);
    const first = runner(counting(), { batchSize: 400 });
    await first.init();
    first.start();
    const live = await append(10);
    await first.waitFor(live.position);
    await first.stop();
    expect(await rows()).toHaveLength(1510);

    const more = await append(5);
    const again = runner(counting());
    await again.init();
    again.start();
    await again.waitFor(more.position);
    await again.stop();
    const ids = (await rows()).map((r) => r.event_id);
    expect(ids).toHaveLength(1515);
    expect(new Set(ids).size).toBe(1515);
  });

  it('live batches of events a projection ignores pass without a transaction; the checkpoint follows within a second', async () => {
    const only: Projection<DomainEvent> = { ...counting(), eventTypes: ['Counted'] };
    const counted = () =>
      store.appendToStream(`c-${randomUUID()}`, [{ eventId: randomUUID(), type: 'Counted', data: {}, metadata: {} }], {
        expectedRevision: 'no_stream',
      });
    const checkpoint = async () => (await Generations.get(db, 'counting', 1))?.position?.commit;
    const r = runner({
      ...only,
      apply: (tx, event, t) => (event.type === 'Counted' ? only.apply(tx, event, t) : Promise.resolve()),
    });
    await r.init();
    r.start();
    const first = await counted();
    await r.waitFor(first.position);
    const transactions = jest.spyOn(db, 'transaction');
    let last = first;
    for (let i = 0; i < 5; i++) last = await append(3);
    await r.waitFor(last.position);
    expect(await checkpoint()).toBe(first.position.commit);
    await waitUntil(async () => (await checkpoint()) === last.position.commit, 3_000);
    // Five ignored batches, one transaction: the checkpoint, written once a second had passed.
    expect(transactions).toHaveBeenCalledTimes(1);
    const next = await counted();
    await r.waitFor(next.position);
    await r.stop();
    expect(await checkpoint()).toBe(next.position.commit);
    expect(await rows()).toHaveLength(2);
  });

  it('an event that fails a few times is retried in order, then applied once; nothing is parked', async () => {
    await append(20);
    const flaky = randomUUID();
    await store.appendToStream('flaky-1', [{ eventId: flaky, type: 'Happened', data: {}, metadata: {} }], {
      expectedRevision: 'no_stream',
    });
    const last = await append(20);
    const errors: unknown[] = [];
    // It fails for 120 ms from its first fold: attempts 50, 100 and 200 ms apart see it fail two or three times.
    const base = counting();
    let until: number | undefined;
    const flakyFor: Projection<DomainEvent> = {
      ...base,
      async apply(tx, event, t) {
        await base.apply(tx, event, t);
        if (event.eventId === flaky && Date.now() < (until ??= Date.now() + 120)) throw new Error('projection bug');
      },
    };
    const r = runner(flakyFor, { onError: (_, e) => errors.push(e) });
    await r.init();
    r.start();
    await r.waitFor(last.position);
    await r.stop();
    expect(errors.length).toBeGreaterThanOrEqual(1);
    expect(errors.length).toBeLessThan(5);
    errors.forEach((error, i) => expect(String(error)).toContain(`(attempt ${i + 1} of 5)`));
    const ids = (await rows()).map((r) => r.event_id);
    expect(ids).toHaveLength(41);
    expect(new Set(ids).size).toBe(41);
    expect(await ParkedEvents.list(db, counting())).toEqual([]);
  });

  it('a failure of the store while folding (a full disk) is retried as an outage and never parks an event', async () => {
    const first = await append(3);
    let failures = 6;
    const base = counting();
    const full: Projection<DomainEvent> = {
      ...base,
      async apply(tx, event, t) {
        await base.apply(tx, event, t);
        if (failures-- > 0) throw Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
      },
    };
    const r = runner(full, { quarantine: { maxAttempts: 2, backoffMs: 5 } });
    await r.init();
    r.start();
    await r.waitFor(first.position);
    await r.stop();
    expect(await rows()).toHaveLength(3);
    expect(await ParkedEvents.list(db, full)).toEqual([]);
  });

  it('a poison event among 1,000 is parked after its attempts; the others are applied at once; retry and skip', async () => {
    await append(500);
    const poison = randomUUID();
    const { position } = await store.appendToStream(
      'poison-1',
      [{ eventId: poison, type: 'Happened', data: {}, metadata: {} }],
      { expectedRevision: 'no_stream' },
    );
    const last = await append(500);
    const failOn = { eventId: poison, remaining: Infinity };
    const projection = counting(1, failOn);
    const r = runner(projection, { quarantine: { maxAttempts: 3, backoffMs: 10 } });
    await r.init();
    const started = Date.now();
    r.start();
    await r.waitFor(last.position);
    expect(Date.now() - started).toBeLessThan(2000);
    await r.stop();
    expect(await rows()).toHaveLength(1000);
    const [parked, ...others] = await ParkedEvents.list(db, projection);
    expect(others).toEqual([]);
    expect(parked).toMatchObject({
      projection: 'counting',
      position: formatPosition(position),
      eventId: poison,
      streamId: 'poison-1',
      revision: '0',
      type: 'Happened',
      error: 'Error: projection bug',
      attempts: 3,
      status: 'parked',
      resolvedBy: null,
    });
    expect((await ParkedEvents.counts(db)).get('counting')).toBe(1);

    // Still broken: refused, and counted as one more attempt.
    await expect(ParkedEvents.retry(db, store, projection, position, 'ops')).rejects.toMatchObject({ status: 422 });
    expect((await ParkedEvents.list(db, projection))[0]).toMatchObject({ attempts: 4, status: 'parked' });
    failOn.remaining = 0;
    expect(await ParkedEvents.retry(db, store, projection, position, 'ops')).toMatchObject({
      status: 'retried',
      resolvedBy: 'ops',
    });
    await expect(ParkedEvents.retry(db, store, projection, position, 'ops')).rejects.toMatchObject({ status: 409 });
    expect((await rows()).filter((row) => row.event_id === poison)).toHaveLength(1);
    expect(await ParkedEvents.counts(db)).toEqual(new Map());
    await expect(ParkedEvents.skip(db, projection, position, 'ops', 'done')).rejects.toMatchObject({ status: 409 });
    const nowhere = { commit: last.position.commit + 10n, prepare: last.position.commit + 10n };
    await expect(ParkedEvents.skip(db, projection, nowhere, 'ops', 'x')).rejects.toMatchObject({ status: 404 });
  });

  it('a skipped event stays listed with who skipped it and why; a rebuild tries parked events again', async () => {
    const poison = randomUUID();
    const { position } = await store.appendToStream(
      'poison-2',
      [{ eventId: poison, type: 'Happened', data: {}, metadata: {} }],
      { expectedRevision: 'no_stream' },
    );
    const last = await append(5);
    const failOn = { eventId: poison, remaining: Infinity };
    const projection = counting(1, failOn);
    const r = runner(projection, { quarantine: { maxAttempts: 2, backoffMs: 5 } });
    await r.init();
    r.start();
    await r.waitFor(last.position);
    expect(await ParkedEvents.skip(db, projection, position, 'alice', 'entered in error')).toMatchObject({
      status: 'skipped',
      resolvedBy: 'alice',
      reason: 'entered in error',
    });
    expect(await ParkedEvents.list(db, projection)).toEqual([expect.objectContaining({ status: 'skipped' })]);
    failOn.remaining = 0;
    const rebuilt = await r.rebuild('counting');
    for (let i = 0; i < 100 && (await Generations.serving(db, projection)).generation !== rebuilt.generation; i++)
      await new Promise((resolve) => setTimeout(resolve, 20));
    await r.stop();
    expect((await rows(rebuilt.generation)).map((row) => row.event_id)).toContain(poison);
    expect(await ParkedEvents.list(db, projection)).toEqual([]);
  });

  it('a rebuild fills a new generation beside the serving one and switches once caught up', async () => {
    const first = await append(50);
    const r = runner(counting());
    await r.init();
    r.start();
    await r.waitFor(first.position);
    const building = await r.rebuild('counting');
    expect(building).toMatchObject({ generation: 2, status: 'building' });
    await waitUntil(async () => (await Generations.get(db, 'counting', 2))?.status === 'active');
    const more = await append(5);
    await r.waitFor(more.position);
    await r.stop();
    expect(await Generations.get(db, 'counting', 1)).toMatchObject({ status: 'retired' });
    const ids = (await rows(2)).map((row) => row.event_id);
    expect(ids).toHaveLength(55);
    expect(new Set(ids).size).toBe(55);
  });

  it('builds query-only indexes once caught up, not during catch-up; a rebuilt generation is active only with them', async () => {
    const indexName = (generation: number) => `rm_counting_g${generation}_by_stream`;
    const indexExists = async (generation: number) =>
      (await db.get(
        db.dialect === 'sqlite'
          ? `SELECT name FROM sqlite_master WHERE type = 'index' AND name = @name`
          : `SELECT indexname FROM pg_indexes WHERE indexname = @name`,
        { name: indexName(generation) },
      )) !== undefined;
    const seenDuringCatchUp: boolean[] = [];
    const base = counting();
    const indexed: Projection<DomainEvent> = {
      ...base,
      indexes: (t) => [`CREATE INDEX IF NOT EXISTS ${t.rm_counting}_by_stream ON ${t.rm_counting} (stream_id)`],
      async apply(tx, event, t) {
        if (event.position.commit === 1n) seenDuringCatchUp.push(await indexExists(Number(t.rm_counting.slice(-1))));
        await base.apply(tx, event, t);
      },
    };
    const first = await append(900);
    const r = runner(indexed, { batchSize: 400 });
    await r.init();
    expect(await indexExists(1)).toBe(false);
    r.start();
    await r.waitFor(first.position);
    await waitUntil(() => indexExists(1));
    await r.rebuild('counting');
    await waitUntil(async () => (await Generations.get(db, 'counting', 2))?.status === 'active');
    expect(await indexExists(2)).toBe(true);
    await r.stop();
    expect(seenDuringCatchUp).toEqual([false, false]);
    expect(await rows(2)).toHaveLength(900);
  });

  it('catching-up loops of different speeds read each page of the log once', async () => {
    const pages = 30;
    const batchSize = 10;
    const last = await append(pages * batchSize);
    let reads = 0;
    const counted = new Proxy(store, {
      get(target, property) {
        if (property === 'readAll') {
          return (options: Parameters<SqliteEventStore['readAll']>[0]) => {
            if (options?.direction !== 'backwards') reads++;
            return target.readAll(options);
          };
        }
        const value = Reflect.get(target, property, target) as unknown;
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const fast = counting();
    const slow: Projection<DomainEvent> = {
      name: 'slow',
      version: 1,
      tables: ['rm_slow'],
      schema: (t) => `CREATE TABLE IF NOT EXISTS ${t.rm_slow} (event_id TEXT NOT NULL)`,
      async apply(tx, event, t) {
        if (event.position.commit % 5n === 0n) await new Promise((resolve) => setTimeout(resolve, 2));
        await tx.run(`INSERT INTO ${t.rm_slow} (event_id) VALUES (@id)`, { id: event.eventId });
      },
    };
    // Each generation listing takes a while, as on a busy database: a loop started a listing ahead of the other
    // would otherwise read on alone, and evict the pages the other then has to read again.
    const slowListings = new Proxy(db, {
      get(target, property) {
        const value = Reflect.get(target, property, target) as unknown;
        if (property !== 'all' || typeof value !== 'function') {
          return typeof value === 'function' ? value.bind(target) : value;
        }
        return async (...args: unknown[]) => {
          await new Promise((resolve) => setTimeout(resolve, 30));
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    });
    const r = new ProjectionRunner(counted, slowListings, [fast, slow], { reconcileMs: 20, batchSize });
    await r.init();
    r.start();
    await r.waitFor(last.position, 30_000);
    await r.stop();
    // One read per full page, plus the short last page, which each loop reads for itself.
    expect(reads).toBeLessThanOrEqual(pages + 3);
    expect(await rows()).toHaveLength(pages * batchSize);
    expect(await db.all(`SELECT event_id FROM rm_slow_g1`)).toHaveLength(pages * batchSize);
  });

  it('a new projection version in code is rebuilt blue/green on start; the old version serves until the switch', async () => {
    const first = await append(7);
    const v1 = runner(counting(1));
    await v1.init();
    v1.start();
    await v1.waitFor(first.position);
    await v1.stop();

    const v2 = runner(counting(2));
    await v2.init();
    expect((await Generations.list(db, 'counting')).map((g) => [g.generation, g.version, g.status])).toEqual([
      [1, 1, 'active'],
    ]);
    v2.start();
    await waitUntil(async () => (await Generations.get(db, 'counting', 2))?.status === 'active');
    await v2.stop();
    expect(await Generations.get(db, 'counting', 2)).toMatchObject({ version: 2 });
    expect(await rows(2)).toHaveLength(7);
  });

  it('with a lease, one of two runners projects; when it stops, the standby takes over with nothing applied twice', async () => {
    const first = await append(30);
    const lease = (holder: string) => ({ lease: { name: 'projector', holder, ttlMs: 300 } });
    const a = runner(counting(), lease('a'));
    const b = runner(counting(), lease('b'));
    await a.init();
    a.start();
    await a.waitFor(first.position);
    b.start();
    await new Promise((r) => setTimeout(r, 400));
    expect((await a.status()).map((s) => s.state)).toEqual(['running']);
    expect((await b.status()).map((s) => s.state)).toEqual(['stopped']);

    await a.stop();
    const second = await append(30);
    await b.waitFor(second.position);
    expect((await b.status()).map((s) => s.state)).toEqual(['running']);
    await b.stop();
    const ids = (await rows()).map((r) => r.event_id);
    expect(ids).toHaveLength(60);
    expect(new Set(ids).size).toBe(60);
  });

  it('a runner whose lease was taken over cannot commit (fencing)', async () => {
    const first = await append(5);
    const errors: unknown[] = [];
    // A TTL long enough that renewal does not notice the takeover during the test: only the commit check can.
    const r = runner(counting(), {
      lease: { name: 'projector', holder: 'slow', ttlMs: 60_000 },
      onError: (_, e) => errors.push(e),
    });
    await r.init();
    r.start();
    await r.waitFor(first.position);
    await db.run("UPDATE projection_leases SET holder = 'successor' WHERE name = 'projector'");
    await append(5);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await r.stop();
    expect(await rows()).toHaveLength(5);
    expect(errors.some((e) => e instanceof LeaseLostError)).toBe(true);
  });
});

async function waitUntil(condition: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}
