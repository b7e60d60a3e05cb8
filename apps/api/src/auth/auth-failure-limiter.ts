/** Settings of an `AuthFailureLimiter`. */
export interface AuthFailureLimiterOptions {
  /** Failed authentications an address may make within `windowMs`; the next request is refused. */
  readonly limit: number;
  readonly windowMs?: number;
  /**
   * Addresses remembered at once. Past it the one whose last failure is oldest is forgotten, so
   * a flood from many addresses costs bounded memory (at most `maxAddresses × limit` times).
   */
  readonly maxAddresses?: number;
  readonly now?: () => number;
}

/**
 * Counts failed authentications per client address over a sliding window, so guessing API
 * keys costs time: `limit` wrong keys a minute from one address, then nothing until the
 * oldest of them is a minute old. Rate limits per key cannot do this, because a wrong key
 * identifies no one. IPv6 addresses count per /64, the block one host is usually given.
 */
export class AuthFailureLimiter {
  private readonly limit: number;
  private readonly windowMs: number;
  private readonly maxAddresses: number;
  private readonly now: () => number;
  /** Failure times per address key, oldest first, at most `limit` each; the Map's order is last failure's. */
  private readonly failures = new Map<string, number[]>();

  constructor(options: AuthFailureLimiterOptions) {
    this.limit = options.limit;
    this.windowMs = options.windowMs ?? 60_000;
    this.maxAddresses = options.maxAddresses ?? 10_000;
    this.now = options.now ?? Date.now;
  }

  /** Milliseconds until `address` may authenticate again; 0 when it may now. */
  retryAfterMs(address: string): number {
    const times = this.recent(addressKey(address));
    return times && times.length >= this.limit ? times[0] + this.windowMs - this.now() : 0;
  }

  /** Counts one failed authentication from `address`. */
  recordFailure(address: string): void {
    const key = addressKey(address);
    const times = this.recent(key) ?? [];
    times.push(this.now());
    if (times.length > this.limit) times.shift();
    this.failures.delete(key);
    this.failures.set(key, times);
    if (this.failures.size > this.maxAddresses) this.failures.delete(this.failures.keys().next().value!);
  }

  /** The failures of `key` still inside the window (expired ones dropped), or undefined. */
  private recent(key: string): number[] | undefined {
    const times = this.failures.get(key);
    if (!times) return undefined;
    const since = this.now() - this.windowMs;
    while (times.length > 0 && times[0] <= since) times.shift();
    if (times.length === 0) this.failures.delete(key);
    return times.length > 0 ? times : undefined;
  }
}

/** An IPv4 address as it is (also when IPv4-mapped), an IPv6 address as its /64 prefix. */
export function addressKey(address: string): string {
  const plain = address.replace(/%.*$/, '').toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(plain);
  if (mapped) return mapped[1];
  if (!plain.includes(':')) return plain;
  const [head, tail] = plain.split('::');
  const left = head ? head.split(':') : [];
  const right = tail === undefined ? [] : tail ? tail.split(':') : [];
  const groups =
    tail === undefined ? left : [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right];
  return `${groups
    .slice(0, 4)
    .map((g) => (parseInt(g, 16) || 0).toString(16))
    .join(':')}::/64`;
}
