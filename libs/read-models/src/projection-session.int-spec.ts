import { ProjectionSession } from './projection-session';
import { SqliteReadModelStore } from './store/sqlite-read-model-store';
import { IN_LIST_CHUNK, inList } from './store/read-model-store';
import { currentDoc, preloadCurrent, putVersion } from './versioned-rows';

describe('ProjectionSession', () => {
  let db: SqliteReadModelStore;
  beforeEach(async () => {
    db = new SqliteReadModelStore(':memory:');
    await db.exec(`
      CREATE TABLE items (id TEXT PRIMARY KEY, n INTEGER);
      CREATE TABLE other (id TEXT);
      CREATE TABLE versions (id TEXT NOT NULL, recorded_from TEXT NOT NULL, recorded_to TEXT, doc TEXT NOT NULL)`);
  });
  afterEach(() => db.close());

  it('queues inserts until a statement names their table, then writes them first', async () => {
    await db.transaction(async (tx) => {
      const session = new ProjectionSession(tx);
      session.insert('items', { id: 'a', n: 1 });
      session.insert('other', { id: 'x' });
      expect(await session.direct.all('SELECT * FROM items')).toEqual([]);
      expect(await session.all('SELECT id, n FROM items')).toEqual([{ id: 'a', n: 1 }]);
      expect(await session.direct.all('SELECT * FROM other')).toEqual([]);
      await session.flush();
      expect(await session.direct.all('SELECT * FROM other')).toEqual([{ id: 'x' }]);
    });
  });

  it('keeps the last upsert of a key, as running them one by one would', async () => {
    await db.run('INSERT INTO items (id, n) VALUES (@id, 0)', { id: 'a' });
    await db.transaction(async (tx) => {
      const session = new ProjectionSession(tx);
      for (const n of [1, 2, 3]) session.insert('items', { id: 'a', n }, { onConflict: { update: ['id'] } });
      session.insert('items', { id: 'b', n: 9 }, { onConflict: { update: ['id'] } });
      await session.flush();
    });
    expect(await db.all('SELECT id, n FROM items ORDER BY id')).toEqual([
      { id: 'a', n: 3 },
      { id: 'b', n: 9 },
    ]);
  });

  it('versions rows: a record changed twice in one batch is closed in memory, an older one in the table', async () => {
    const put = (session: ProjectionSession, id: string, at: string, first = false) =>
      putVersion(session, 'versions', 'id', { id, recorded_from: at, doc: { id, at } }, first);
    await db.transaction(async (tx) => {
      const session = new ProjectionSession(tx);
      await put(session, 'old', 't1', true);
      await session.flush();
    });
    await db.transaction(async (tx) => {
      const session = new ProjectionSession(tx);
      expect(await currentDoc(session, 'versions', 'id', 'old')).toEqual({ id: 'old', at: 't1' });
      await put(session, 'old', 't2');
      await put(session, 'new', 't2', true);
      await put(session, 'new', 't3');
      expect(await currentDoc(session, 'versions', 'id', 'new')).toEqual({ id: 'new', at: 't3' });
      expect(await currentDoc(session, 'versions', 'id', 'missing')).toBeUndefined();
      await session.flush();
    });
    expect(await db.all('SELECT id, recorded_from, recorded_to FROM versions ORDER BY id, recorded_from')).toEqual([
      { id: 'new', recorded_from: 't2', recorded_to: 't3' },
      { id: 'new', recorded_from: 't3', recorded_to: null },
      { id: 'old', recorded_from: 't1', recorded_to: 't2' },
      { id: 'old', recorded_from: 't2', recorded_to: null },
    ]);
  });

  it('runs queued updates before queued inserts, so they change only rows from before the batch', async () => {
    await db.run(`INSERT INTO versions (id, recorded_from, doc) VALUES ('a', 't1', '{}'), ('b', 't1', '{}')`);
    await db.transaction(async (tx) => {
      const session = new ProjectionSession(tx);
      session.insert('versions', { id: 'a', recorded_from: 't2', recorded_to: null, doc: '{}' });
      session.update('versions', 'id', 'recorded_to', 'a', 't2', 'recorded_to IS NULL');
      session.update('versions', 'id', 'recorded_to', 'b', 't3', 'recorded_to IS NULL');
      expect(() => session.update('versions', 'id', 'recorded_to', 'b', 't4', 'recorded_to IS NULL')).toThrow(
        RangeError,
      );
      expect(await session.direct.all('SELECT * FROM versions WHERE recorded_to IS NOT NULL')).toEqual([]);
      await session.flush();
    });
    expect(await db.all('SELECT id, recorded_from, recorded_to FROM versions ORDER BY id, recorded_from')).toEqual([
      { id: 'a', recorded_from: 't1', recorded_to: 't2' },
      { id: 'a', recorded_from: 't2', recorded_to: null },
      { id: 'b', recorded_from: 't1', recorded_to: 't3' },
    ]);
  });

  it('updates and preloads more keys than one IN list holds, in chunks', async () => {
    const ids = Array.from({ length: IN_LIST_CHUNK * 2 + 3 }, (_, i) => `k${i}`);
    await db.transaction(async (tx) => {
      const session = new ProjectionSession(tx);
      for (const id of ids) await putVersion(session, 'versions', 'id', { id, recorded_from: 't1', doc: { id } }, true);
      await session.flush();
    });
    await db.transaction(async (tx) => {
      const session = new ProjectionSession(tx);
      await preloadCurrent(session, 'versions', 'id', [...ids, 'missing']);
      const reads = jest.spyOn(session.direct, 'get');
      expect(await currentDoc(session, 'versions', 'id', ids[ids.length - 1])).toEqual({ id: ids[ids.length - 1] });
      expect(await currentDoc(session, 'versions', 'id', 'missing')).toBeUndefined();
      expect(reads).not.toHaveBeenCalled();
      for (const id of ids) await putVersion(session, 'versions', 'id', { id, recorded_from: 't2', doc: { id, v: 2 } });
      await session.flush();
    });
    expect(await db.get('SELECT count(*) AS n FROM versions WHERE recorded_to = @at', { at: 't2' })).toEqual({
      n: ids.length,
    });
    expect(await db.get('SELECT count(*) AS n FROM versions WHERE recorded_to IS NULL')).toEqual({ n: ids.length });
  });
});

describe('inList', () => {
  it('pads to a power of two with the last value and refuses an empty or oversized list', () => {
    expect(inList(['a', 'b', 'c'], 'k')).toEqual({
      sql: 'IN (@k0, @k1, @k2, @k3)',
      params: { k0: 'a', k1: 'b', k2: 'c', k3: 'c' },
    });
    expect(inList(['a'])).toEqual({ sql: 'IN (@in0)', params: { in0: 'a' } });
    expect(() => inList([])).toThrow(RangeError);
    expect(() => inList(Array.from({ length: IN_LIST_CHUNK + 1 }, () => 'x'))).toThrow(RangeError);
  });
});
