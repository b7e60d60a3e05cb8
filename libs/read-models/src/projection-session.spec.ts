import { ProjectionSession } from './projection-session';
import { SqliteReadModelStore } from './store/sqlite-read-model-store';
import { currentDoc, putVersion } from './versioned-rows';

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
});
