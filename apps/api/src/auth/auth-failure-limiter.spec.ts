import { addressKey, AuthFailureLimiter } from './auth-failure-limiter';

describe('AuthFailureLimiter', () => {
  let now = 0;
  const limiter = (limit: number, maxAddresses?: number) =>
    new AuthFailureLimiter({ limit, maxAddresses, now: () => now });
  beforeEach(() => (now = 1_000_000));

  it('refuses an address only once it has failed `limit` times within the minute', () => {
    const l = limiter(3);
    for (let i = 0; i < 3; i++) {
      expect(l.retryAfterMs('10.0.0.1')).toBe(0);
      l.recordFailure('10.0.0.1');
      now += 1_000;
    }
    expect(l.retryAfterMs('10.0.0.1')).toBe(57_000);
    expect(l.retryAfterMs('10.0.0.2')).toBe(0);
  });

  it('lets the address try again as its oldest failure leaves the window (sliding, not per calendar minute)', () => {
    const l = limiter(2);
    l.recordFailure('10.0.0.1');
    now += 30_000;
    l.recordFailure('10.0.0.1');
    now += 29_999;
    expect(l.retryAfterMs('10.0.0.1')).toBe(1);
    now += 1;
    expect(l.retryAfterMs('10.0.0.1')).toBe(0);
    l.recordFailure('10.0.0.1');
    expect(l.retryAfterMs('10.0.0.1')).toBe(30_000);
  });

  it('remembers at most `maxAddresses`, forgetting the one whose last failure is oldest', () => {
    const l = limiter(1, 2);
    l.recordFailure('10.0.0.1');
    l.recordFailure('10.0.0.2');
    l.recordFailure('10.0.0.1');
    l.recordFailure('10.0.0.3');
    expect(l.retryAfterMs('10.0.0.1')).toBeGreaterThan(0);
    expect(l.retryAfterMs('10.0.0.2')).toBe(0);
    expect(l.retryAfterMs('10.0.0.3')).toBeGreaterThan(0);
  });

  it('counts IPv6 per /64 and IPv4-mapped addresses as IPv4', () => {
    expect(addressKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:DB8:1:2:ffff:0:0:9')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
    expect(addressKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(addressKey('::ffff:192.0.2.7')).toBe('192.0.2.7');
    expect(addressKey('192.0.2.7')).toBe('192.0.2.7');
    const l = limiter(1);
    l.recordFailure('2001:db8:1:2::a');
    expect(l.retryAfterMs('2001:db8:1:2::b')).toBeGreaterThan(0);
    expect(l.retryAfterMs('2001:db8:1:3::a')).toBe(0);
  });
});
