/**
 * CouchDB 3.4+ locks a user out after five failed sign-ins from one address (chttpd_auth_lockout,
 * five minutes by default) and then answers 403 with this reason even to the right password.
 * Retrying while locked would only prolong it, so the engine waits out LOCKOUT_WAIT_MS.
 */
export const LOCKOUT_REASON =
  'Account is temporarily locked due to multiple authentication failures';

/** Five minutes of CouchDB's default plus a margin, so the first try after it is not refused again. */
export const LOCKOUT_WAIT_MS = 5 * 60_000 + 15_000;

export const LOCKED_MESSAGE =
  'Too many wrong passwords: the server has locked your user for a few minutes. Wait about 5 minutes, then try again with the right password (or ask your administrator).';

/** A lockout of the user (CouchDB's 403), or of this computer's address after many failures (429, the bundled server). */
export function isLockout(err: unknown): boolean {
  if (typeof err !== 'object' || err === null) return false;
  const e = err as { status?: number; reason?: unknown; message?: unknown };
  if (e.status === 429) return true;
  if (e.status !== undefined && e.status !== 403) return false;
  const text = [e.reason, e.message].filter((x): x is string => typeof x === 'string').join(' ');
  return /temporarily locked/i.test(text);
}

/** How long the server says to wait (`Retry-After`, seconds), plus a margin; else CouchDB's default. */
export function lockoutWaitMs(retryAfter: string | null): number {
  const seconds = Number(retryAfter);
  return retryAfter !== null && Number.isFinite(seconds) && seconds >= 0
    ? seconds * 1000 + 5_000
    : LOCKOUT_WAIT_MS;
}
