import { Generations } from './generations';
import type { Projection } from './projection';
import { ReadModels } from './read-models';
import { SqliteReadModelStore } from './store/sqlite-read-model-store';

const counter: Projection = {
  name: 'counter',
  version: 1,
  tables: ['rm_counter'],
  schema: (t) => `CREATE TABLE IF NOT EXISTS ${t.rm_counter} (n INTEGER NOT NULL)`,
  apply: async () => undefined,
};

describe('ReadModels.cached', () => {
  let db: SqliteReadModelStore;
  let readModels: ReadModels;
  let reads: number;
  const read = () =>
    readModels.cached(['counter'], 'total', async (t) => {
      reads++;
      return (await db.get<{ n: number }>(`SELECT CAST(coalesce(sum(n), 0) AS INTEGER) AS n FROM ${t.rm_counter}`))!.n;
    });

  beforeEach(async () => {
    db = new SqliteReadModelStore(':memory:');
    await db.exec(Generations.schema);
    const generation = await db.transaction((tx) => Generations.create(tx, counter, 'active'));
    await db.exec(counter.schema({ rm_counter: `rm_counter_g${generation.generation}` }));
    readModels = new ReadModels(db, [counter]);
    reads = 0;
  });
  afterEach(() => db.close());

  it('answers from memory while the checkpoint stays, and reads again once it moves', async () => {
    expect([await read(), await read(), reads]).toEqual([0, 0, 1]);
    await db.transaction(async (tx) => {
      await tx.run('INSERT INTO rm_counter_g1 (n) VALUES (5)');
      await Generations.checkpoint(tx, 'counter', 1, { commit: 7n, prepare: 7n });
    });
    expect([await read(), await read(), reads]).toEqual([5, 5, 2]);
  });

  it('keeps answers apart by key, and does not keep a failed read', async () => {
    await expect(readModels.cached(['counter'], 'broken', () => Promise.reject(new Error('boom')))).rejects.toThrow(
      'boom',
    );
    expect(await readModels.cached(['counter'], 'broken', async () => 'fixed')).toBe('fixed');
    expect(await read()).toBe(0);
    await expect(readModels.cached(['nope'], 'x', async () => 1)).rejects.toThrow('Unknown projection nope');
  });
});
