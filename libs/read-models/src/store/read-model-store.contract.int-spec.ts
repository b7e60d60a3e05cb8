import { POSTGRES_EN_US, READ_MODEL_STORE_FACTORIES } from '@tracker/testing/read-model-stores';
import type { ReadModelStore } from './read-model-store';

/** The read-model store contract: the SQL dialect subset projections rely on, the same on every store. */
/** Every store, and PostgreSQL once more on a database whose locale would sort text differently from SQLite. */
const STORES = READ_MODEL_STORE_FACTORIES.some((f) => f.label === 'PostgreSQL')
  ? [...READ_MODEL_STORE_FACTORIES, POSTGRES_EN_US]
  : READ_MODEL_STORE_FACTORIES;

describe.each(STORES)('ReadModelStore contract: $label', ({ create }) => {
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

  it('inserts many rows at once, in chunks past the parameter limit, skipping or replacing conflicts', async () => {
    await db.exec('CREATE TABLE bulk (id TEXT PRIMARY KEY, n INTEGER, note TEXT)');
    const rows = Array.from({ length: 12_345 }, (_, i) => [`r${i}`, i, i % 2 === 0 ? null : `odd ${i}`]);
    await db.transaction((tx) => tx.insertMany('bulk', ['id', 'n', 'note'], rows));
    expect(await db.get('SELECT CAST(count(*) AS INTEGER) AS c, CAST(sum(n) AS INTEGER) AS s FROM bulk')).toEqual({
      c: 12_345,
      s: (12_344 * 12_345) / 2,
    });
    expect(await db.get('SELECT note FROM bulk WHERE id = @id', { id: 'r7' })).toEqual({ note: 'odd 7' });
    await db.insertMany(
      'bulk',
      ['id', 'n', 'note'],
      [
        ['r1', -1, 'kept?'],
        ['new', 1, undefined],
      ],
      {
        onConflict: 'ignore',
      },
    );
    expect(
      await db.all('SELECT id, n, note FROM bulk WHERE id IN (@a, @b) ORDER BY id', { a: 'r1', b: 'new' }),
    ).toEqual([
      { id: 'new', n: 1, note: null },
      { id: 'r1', n: 1, note: 'odd 1' },
    ]);
    await db.insertMany(
      'bulk',
      ['id', 'n', 'note'],
      [
        ['r1', -1, 'replaced'],
        ['r2', -2, 'replaced'],
      ],
      {
        onConflict: { update: ['id'] },
      },
    );
    expect(await db.all('SELECT id, n, note FROM bulk WHERE n < 0 ORDER BY id')).toEqual([
      { id: 'r1', n: -1, note: 'replaced' },
      { id: 'r2', n: -2, note: 'replaced' },
    ]);
    // Compared as text: better-sqlite3's native module keeps the error class of the first test file that loaded it,
    // so under Jest its errors can come from another realm, which `rejects.toThrow` does not recognise as errors.
    const failure = await db
      .insertMany(
        'bulk',
        ['id', 'n'],
        [
          ['dup', 1],
          ['r3', 3],
        ],
      )
      .then(
        () => 'inserted',
        (error: unknown) => String(error),
      );
    expect(failure).toMatch(/unique|duplicate/i);
    expect(await db.get('SELECT id FROM bulk WHERE id = @id', { id: 'dup' })).toBeUndefined();
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

  it('orders text by its bytes on every store: case, accents, CJK, punctuation and ties, in ORDER BY and keyset comparisons', async () => {
    await db.exec('CREATE TABLE named (name TEXT NOT NULL, id TEXT NOT NULL, PRIMARY KEY (name, id))');
    const names = [
      'b',
      'B',
      'a',
      'Z',
      'é',
      'e',
      'É',
      '_x',
      'x_',
      'ä',
      '中国',
      '台湾',
      'a b',
      'ab',
      'a-b',
      '𝔸',
      '\uFFFD',
    ];
    const rows = names.flatMap((name) => ['2', '1'].map((id) => [name, id]));
    await db.insertMany('named', ['name', 'id'], rows);
    // SQLite compares UTF-8 bytes; so must PostgreSQL, whatever the database's locale.
    const byBytes = (a: string[], b: string[]) =>
      Buffer.compare(Buffer.from(a[0]), Buffer.from(b[0])) || Buffer.compare(Buffer.from(a[1]), Buffer.from(b[1]));
    const expected = [...rows].sort(byBytes).map(([name, id]) => ({ name, id }));
    expect(await db.all('SELECT name, id FROM named ORDER BY name, id')).toEqual(expected);
    expect(await db.all('SELECT name, id FROM named ORDER BY name DESC, id DESC')).toEqual([...expected].reverse());
    const [name, id] = ['é', '1'];
    const after = expected.filter((row) => byBytes([row.name, row.id], [name, id]) > 0);
    expect(
      await db.all('SELECT name, id FROM named WHERE (name, id) > (@name, @id) ORDER BY name, id', { name, id }),
    ).toEqual(after);
  });

  it('rolls back to a savepoint after a failed statement, keeping the rest of the transaction', async () => {
    await db.transaction(async (tx) => {
      await tx.run('INSERT INTO kv (k, n) VALUES (@k, 1)', { k: 'kept' });
      await tx.exec('SAVEPOINT attempt');
      const failed = await tx.run('INSERT INTO kv (k, n) VALUES (@k, 1)', { k: 'kept' }).then(
        () => false,
        () => true,
      );
      expect(failed).toBe(true);
      await tx.exec('ROLLBACK TO SAVEPOINT attempt; RELEASE SAVEPOINT attempt');
      await tx.run('INSERT INTO kv (k, n) VALUES (@k, 2)', { k: 'after' });
    });
    expect(await db.all('SELECT k, n FROM kv WHERE k IN (@a, @b) ORDER BY k', { a: 'kept', b: 'after' })).toEqual([
      { k: 'after', n: 2 },
      { k: 'kept', n: 1 },
    ]);
  });
});
