/**
 * Retry delay for a replication that failed: starts at one second, doubles, and is capped at
 * a minute (DESIGN §5) so a branch on a bad link reconnects within a minute of the link
 * returning, without hammering the server while it is down. A little jitter keeps many
 * offices from retrying in lock-step after a server restart.
 */
export const MAX_BACK_OFF_MS = 60_000;

export function nextBackOff(previousMs: number, random: () => number = Math.random): number {
  const base = previousMs <= 0 ? 1000 : Math.min(previousMs * 2, MAX_BACK_OFF_MS);
  const jitter = 1 + (random() - 0.5) * 0.2;
  return Math.min(MAX_BACK_OFF_MS, Math.max(500, Math.round(base * jitter)));
}
