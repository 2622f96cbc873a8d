import { createHash, createHmac, pbkdf2, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Password hashes as Apache CouchDB 3.4+ stores them: PBKDF2 with HMAC-SHA256
 * (`pbkdf2_prf: "sha256"`) and 600,000 iterations (CouchDB's `[chttpd_auth] iterations`
 * default, OWASP's current advice). pouchdb-server 4.2 wrote PBKDF2-SHA1 × 10, which a
 * stolen `_users` file gives up in no time; those hashes still verify, and are replaced on the
 * user's next successful sign-in (as CouchDB 3.4 upgrades them).
 */

export const DEFAULT_PASSWORD_ITERATIONS = 600_000;

/** The password fields of a `_users` document. */
export interface StoredPassword {
  password_scheme?: string;
  pbkdf2_prf?: string;
  salt?: string;
  iterations?: number;
  derived_key?: string;
  password_sha?: string;
}

export interface Sha256Password {
  password_scheme: 'pbkdf2';
  pbkdf2_prf: 'sha256';
  salt: string;
  iterations: number;
  derived_key: string;
}

const PRF_KEY_LENGTH: Record<string, number> = {
  sha1: 20,
  sha224: 28,
  sha256: 32,
  sha384: 48,
  sha512: 64,
};

function derive(password: string, salt: string, iterations: number, prf: string): Promise<Buffer> {
  return new Promise((ok, fail) =>
    // Async: 600,000 rounds take ~0.2 s, which must not block the event loop.
    pbkdf2(password, salt, iterations, PRF_KEY_LENGTH[prf] ?? 32, prf, (err, key) =>
      err ? fail(err) : ok(key),
    ),
  );
}

export async function hashPassword(password: string, iterations: number): Promise<Sha256Password> {
  // CouchDB uses the salt's hex text (not its bytes) as the PBKDF2 salt; so do we.
  const salt = randomBytes(16).toString('hex');
  const key = await derive(password, salt, iterations, 'sha256');
  return {
    password_scheme: 'pbkdf2',
    pbkdf2_prf: 'sha256',
    salt,
    iterations,
    derived_key: key.toString('hex'),
  };
}

export async function verifyPassword(password: string, stored: StoredPassword): Promise<boolean> {
  const scheme = stored.password_scheme ?? 'simple';
  if (scheme === 'simple') {
    if (!stored.password_sha || stored.salt === undefined) return false;
    const sha = createHash('sha1')
      .update(password + stored.salt)
      .digest('hex');
    return sameHex(sha, stored.password_sha);
  }
  if (scheme !== 'pbkdf2') return false;
  const prf = stored.pbkdf2_prf ?? 'sha1';
  const iterations = Number(stored.iterations);
  if (!(prf in PRF_KEY_LENGTH) || !Number.isInteger(iterations) || iterations < 1) return false;
  if (!stored.derived_key || stored.salt === undefined) return false;
  const key = await derive(password, stored.salt, iterations, prf);
  return sameHex(key.toString('hex'), stored.derived_key);
}

function sameHex(a: string, b: string): boolean {
  const x = new TextEncoder().encode(a.toLowerCase());
  const y = new TextEncoder().encode(b.toLowerCase());
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Older or weaker than what we write now: re-hash on the next successful sign-in. */
export function isOutdated(stored: StoredPassword, iterations: number): boolean {
  return (
    stored.password_scheme !== 'pbkdf2' ||
    stored.pbkdf2_prf !== 'sha256' ||
    Number(stored.iterations) < iterations
  );
}

/** The `[admins]` config value: CouchDB 3.4's `-pbkdf2:sha256-<key>,<salt>,<iterations>`. */
export function formatAdminHash(h: Sha256Password): string {
  return `-pbkdf2:${h.pbkdf2_prf}-${h.derived_key},${h.salt},${h.iterations}`;
}

const ADMIN_HASH = /^-pbkdf2(?::(sha1|sha224|sha256|sha384|sha512))?-([\da-f]+),([\da-f]+),(\d+)$/;

export function isAdminHash(value: string): boolean {
  return /^-(?:pbkdf2(?::[a-z0-9]+)?|hashed)-/.test(value);
}

/** Reads both CouchDB 3.4's and pouchdb-server's (`-pbkdf2-…`, SHA-1) admin hashes. */
export function parseAdminHash(value: string): StoredPassword | null {
  const m = ADMIN_HASH.exec(value);
  if (!m) return null;
  return {
    password_scheme: 'pbkdf2',
    pbkdf2_prf: m[1] ?? 'sha1',
    derived_key: m[2]!,
    salt: m[3]!,
    iterations: Number(m[4]),
  };
}

/**
 * Remembers passwords that verified, so a replication's hundreds of Basic-auth requests cost
 * one PBKDF2 run, not one each (CouchDB 3.4 has the same cache). Entries are keyed by an HMAC
 * under a per-process key of name, salt, stored hash and password — a password change (new
 * salt and hash) misses — and expire after `ttlMs`.
 */
export class VerifiedPasswords {
  private readonly key = randomBytes(32).toString('hex');
  private readonly entries = new Map<string, number>();

  constructor(
    private readonly ttlMs = 10 * 60_000,
    private readonly max = 1_000,
  ) {}

  private id(name: string, stored: StoredPassword, password: string): string {
    return createHmac('sha256', this.key)
      .update([name, stored.salt, stored.derived_key ?? stored.password_sha, password].join('\0'))
      .digest('base64');
  }

  has(name: string, stored: StoredPassword, password: string): boolean {
    const id = this.id(name, stored, password);
    const until = this.entries.get(id);
    if (until === undefined) return false;
    if (until < Date.now()) {
      this.entries.delete(id);
      return false;
    }
    return true;
  }

  add(name: string, stored: StoredPassword, password: string): void {
    if (this.entries.size >= this.max) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(this.id(name, stored, password), Date.now() + this.ttlMs);
  }
}

export const verifiedPasswords = new VerifiedPasswords();

/** Verifies through the cache: at most one PBKDF2 run per user and password per ttl. */
export async function checkPassword(
  name: string,
  password: string,
  stored: StoredPassword,
): Promise<boolean> {
  if (verifiedPasswords.has(name, stored, password)) return true;
  const ok = await verifyPassword(password, stored);
  if (ok) verifiedPasswords.add(name, stored, password);
  return ok;
}
