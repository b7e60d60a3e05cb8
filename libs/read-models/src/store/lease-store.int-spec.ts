import { READ_MODEL_STORE_FACTORIES } from '@tracker/testing/read-model-stores';
import { LeaseStore } from './lease-store';
import type { ReadModelStore } from './read-model-store';

describe.each(READ_MODEL_STORE_FACTORIES)('LeaseStore on $label', ({ create }) => {
  let now = 1_000;
  let db: ReadModelStore & { dispose(): Promise<void> };
  const leases = new LeaseStore(() => now);
  beforeAll(async () => {
    db = await create();
    await db.exec(LeaseStore.schema);
  });
  afterAll(() => db.dispose());

  it('grants a free lease to one holder, renews it for that holder only, and hands it over after the TTL', async () => {
    expect(await leases.tryAcquire(db, 'projector', 'a', 100)).toBe(true);
    expect(await leases.tryAcquire(db, 'projector', 'b', 100)).toBe(false);
    now += 60;
    expect(await leases.tryAcquire(db, 'projector', 'a', 100)).toBe(true);
    now += 99;
    expect(await leases.tryAcquire(db, 'projector', 'b', 100)).toBe(false);
    expect(await leases.isHeld(db, 'projector', 'a')).toBe(true);
    now += 1;
    expect(await leases.isHeld(db, 'projector', 'a')).toBe(false);
    expect(await leases.tryAcquire(db, 'projector', 'b', 100)).toBe(true);
    expect(await leases.holder(db, 'projector')).toBe('b');
    expect(await leases.tryAcquire(db, 'projector', 'a', 100)).toBe(false);
  });

  it('a released lease is free at once, and only its holder can release it', async () => {
    await leases.release(db, 'projector', 'a');
    expect(await leases.holder(db, 'projector')).toBe('b');
    await leases.release(db, 'projector', 'b');
    expect(await leases.holder(db, 'projector')).toBeUndefined();
    expect(await leases.tryAcquire(db, 'projector', 'a', 100)).toBe(true);
  });
});
