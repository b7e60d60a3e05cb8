import { READ_MODEL_STORE_FACTORIES } from '@tracker/testing/read-model-stores';
import type { ReadModelStore } from './read-model-store';

/** The read-model store contract: the SQL dialect subset projections rely on, the same on every store. */
describe.each(READ_MODEL_STORE_FACTORIES)('ReadModelStore contract: $label', ({ create }) => {
  let db: ReadModelStore & { dispose(): Promise<void> };
  beforeAll(async () => {
    db = await create();
    await db.exec(`
      CREATE TABLE kv (k TEXT PRIMARY KEY, v TEXT, n INTEGER NOT NULL DEFAULT 0, big BIGINT);
      CREATE INDEX kv_n ON kv (n)`);
  });
  afterAll(() => db.dispose());

  it('binds named parameters, repeated names and NULLs, and reports changed rows', async () => {
    expect(
      await db.run('INSERT INTO kv (k, v, n, big) VALUES (@k, @v, @n, @big)', { k: 'a', v: null, n: 1, big: 2 ** 40 }),
    ).toBe(1);
    expect(await db.run('INSERT INTO kv (k, v, n) VALUES (@k, @k, @n)', { k: 'b', n: 2 })).toBe(1);
    expect(await db.get('SELECT k, v, n, big FROM kv WHERE k = @k', { k: 'a' })).toEqual({
      k: 'a',
      v: null,
      n: 1,
      big: 2 ** 40,
    });
    expect(await db.get('SELECT v FROM kv WHERE k = @k', { k: 'b' })).toEqual({ v: 'b' });
    expect(await db.get('SELECT k FROM kv WHERE k = @k', { k: 'missing' })).toBeUndefined();
  });

  it('treats an optional filter parameter that is NULL as "no filter"', async () => {
    const sql = 'SELECT k FROM kv WHERE (CAST(@k AS TEXT) IS NULL OR k = @k) ORDER BY k';
    expect(await db.all(sql, { k: null })).toEqual([{ k: 'a' }, { k: 'b' }]);
    expect(await db.all(sql, { k: 'b' })).toEqual([{ k: 'b' }]);
  });

  it('upserts with ON CONFLICT … WHERE, changing a row only when the condition holds', async () => {
    const upsert = `INSERT INTO kv (k, n) VALUES (@k, @n) ON CONFLICT (k) DO UPDATE SET n = excluded.n WHERE kv.n < excluded.n`;
    expect(await db.run(upsert, { k: 'a', n: 5 })).toBe(1);
    expect(await db.run(upsert, { k: 'a', n: 3 })).toBe(0);
    expect(await db.get('SELECT n FROM kv WHERE k = @k', { k: 'a' })).toEqual({ n: 5 });
  });

  it('returns integer aggregates as numbers and compares row values', async () => {
    expect(
      await db.get('SELECT CAST(coalesce(sum(n), 0) AS INTEGER) AS total, CAST(count(*) AS INTEGER) AS c FROM kv'),
    ).toEqual({ total: 7, c: 2 });
    expect(await db.all('SELECT k FROM kv WHERE (n, k) < (@n, @k) ORDER BY k', { n: 5, k: 'a' })).toEqual([{ k: 'b' }]);
  });

  it('matches LIKE patterns with escaped wildcards', async () => {
    await db.run('INSERT INTO kv (k, v) VALUES (@k, @v)', { k: 'c', v: '\n100%\n' });
    const like = (pattern: string) => db.all("SELECT k FROM kv WHERE v LIKE @p ESCAPE '\\'", { p: pattern });
    expect(await like('%\n100\\%\n%')).toEqual([{ k: 'c' }]);
    expect(await like('%\n10\\_%')).toEqual([]);
  });

  it('rolls a failed transaction back completely', async () => {
    const failing = db.transaction(async (tx) => {
      await tx.run('INSERT INTO kv (k, n) VALUES (@k, 1)', { k: 'rolled-back' });
      throw new Error('boom');
    });
    await expect(failing).rejects.toThrow('boom');
    expect(await db.get('SELECT k FROM kv WHERE k = @k', { k: 'rolled-back' })).toBeUndefined();
  });

  it('runs concurrent read-modify-write transactions without losing an update', async () => {
    await db.run('INSERT INTO kv (k, n) VALUES (@k, 0)', { k: 'counter' });
    await Promise.all(
      Array.from({ length: 20 }, () =>
        db.transaction(async (tx) => {
          const row = await tx.get<{ n: number }>(
            db.dialect === 'postgres' ? 'SELECT n FROM kv WHERE k = @k FOR UPDATE' : 'SELECT n FROM kv WHERE k = @k',
            { k: 'counter' },
          );
          await tx.run('UPDATE kv SET n = @n WHERE k = @k', { k: 'counter', n: row!.n + 1 });
        }),
      ),
    );
    expect(await db.get('SELECT n FROM kv WHERE k = @k', { k: 'counter' })).toEqual({ n: 20 });
  });
});
