/**
 * Counts failed sign-ins, as CouchDB 3.4's `[chttpd_auth_lockout]` does, plus a cap per
 * client address:
 *
 *  - a user name from one address is locked after `threshold` wrong passwords (CouchDB: 5) for
 *    `lockoutMs` (CouchDB's `max_lifetime`, 5 minutes), and is refused during that time even
 *    with the right password. Like CouchDB we key on name *and* address, so nobody elsewhere
 *    on the network can lock a clerk — or the server admin — out by typing wrong passwords;
 *  - an address that fails `addressThreshold` times, whatever the names, is refused for
 *    `lockoutMs`, so guessing across many names is just as slow.
 *
 * Both tables are bounded (`maxEntries`, CouchDB's `max_objects` is 10,000): expired entries
 * go first, then the least recently failed.
 */

export interface ThrottleSettings {
  threshold: number;
  lockoutMs: number;
  addressThreshold: number;
  maxEntries: number;
}

export const DEFAULT_THROTTLE: ThrottleSettings = {
  threshold: 5,
  lockoutMs: 5 * 60_000,
  addressThreshold: 20,
  maxEntries: 10_000,
};

interface Entry {
  failures: number;
  /** The count is forgotten after this (lockoutMs after the last failure). */
  expires: number;
  lockedUntil: number;
}

export type ThrottleState =
  { refused: false } | { refused: 'user' | 'address'; retryAfterMs: number };

export class AuthThrottle {
  private readonly users = new Map<string, Entry>();
  private readonly addresses = new Map<string, Entry>();

  constructor(
    private readonly settings: () => ThrottleSettings = () => DEFAULT_THROTTLE,
    private readonly now: () => number = Date.now,
  ) {}

  /** Whether an attempt by `name` from `address` is refused before its password is checked. */
  check(name: string, address: string): ThrottleState {
    const t = this.now();
    const user = this.live(this.users, userKey(name, address), t);
    if (user && user.lockedUntil > t)
      return { refused: 'user', retryAfterMs: user.lockedUntil - t };
    const addr = this.live(this.addresses, address, t);
    if (addr && addr.lockedUntil > t)
      return { refused: 'address', retryAfterMs: addr.lockedUntil - t };
    return { refused: false };
  }

  fail(name: string, address: string): void {
    const s = this.settings();
    this.bump(this.users, userKey(name, address), s.threshold, s);
    this.bump(this.addresses, address, s.addressThreshold, s);
  }

  /** The right password clears that name's count (not the address's: that is the wider net). */
  succeed(name: string, address: string): void {
    this.users.delete(userKey(name, address));
  }

  private live(table: Map<string, Entry>, key: string, t: number): Entry | undefined {
    const e = table.get(key);
    if (e && e.expires <= t && e.lockedUntil <= t) {
      table.delete(key);
      return undefined;
    }
    return e;
  }

  private bump(
    table: Map<string, Entry>,
    key: string,
    threshold: number,
    s: ThrottleSettings,
  ): void {
    const t = this.now();
    const e = this.live(table, key, t) ?? { failures: 0, expires: 0, lockedUntil: 0 };
    e.failures += 1;
    e.expires = t + s.lockoutMs;
    if (e.failures >= threshold) e.lockedUntil = t + s.lockoutMs;
    table.delete(key); // re-insert: Map order is then least recently failed first
    this.makeRoom(table, s.maxEntries, t);
    table.set(key, e);
  }

  private makeRoom(table: Map<string, Entry>, max: number, t: number): void {
    if (table.size < max) return;
    for (const [k, e] of table) if (e.expires <= t && e.lockedUntil <= t) table.delete(k);
    while (table.size >= max) {
      const oldest = table.keys().next().value;
      if (oldest === undefined) break;
      table.delete(oldest);
    }
  }

  /** For tests and the docs: how many entries are held. */
  get size(): { users: number; addresses: number } {
    return { users: this.users.size, addresses: this.addresses.size };
  }
}

function userKey(name: string, address: string): string {
  return `${address}\n${name}`;
}
