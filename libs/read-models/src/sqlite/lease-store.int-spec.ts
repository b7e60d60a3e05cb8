import Database from 'better-sqlite3';
import { LeaseStore } from './lease-store';

describe('LeaseStore', () => {
  let now = 1_000;
  const db = new Database(':memory:');
  const leases = new LeaseStore(db, () => now);
  afterAll(() => db.close());

  it('grants a free lease to one holder, renews it for that holder only, and hands it over after the TTL', () => {
    expect(leases.tryAcquire('projector', 'a', 100)).toBe(true);
    expect(leases.tryAcquire('projector', 'b', 100)).toBe(false);
    now += 60;
    expect(leases.tryAcquire('projector', 'a', 100)).toBe(true);
    now += 99;
    expect(leases.tryAcquire('projector', 'b', 100)).toBe(false);
    expect(leases.isHeld('projector', 'a')).toBe(true);
    now += 1;
    expect(leases.isHeld('projector', 'a')).toBe(false);
    expect(leases.tryAcquire('projector', 'b', 100)).toBe(true);
    expect(leases.holder('projector')).toBe('b');
    expect(leases.tryAcquire('projector', 'a', 100)).toBe(false);
  });

  it('a released lease is free at once, and only its holder can release it', () => {
    leases.release('projector', 'a');
    expect(leases.holder('projector')).toBe('b');
    leases.release('projector', 'b');
    expect(leases.holder('projector')).toBeUndefined();
    expect(leases.tryAcquire('projector', 'a', 100)).toBe(true);
  });
});
