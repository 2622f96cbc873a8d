/**
 * Elects this tab as the owner of the local databases with a Web Lock that is held for the
 * life of the page. Two tabs writing the same IndexedDB-backed PouchDB corrupt it, so a
 * second tab gets `false` and says so instead of starting a second core.
 */
export const OWNER_LOCK = 'outpost-owner';

export function acquireOwnership(
  locks: LockManager | undefined = navigator.locks,
): Promise<boolean> {
  if (!locks) return Promise.resolve(true);
  return new Promise((resolve) => {
    void locks.request(OWNER_LOCK, { ifAvailable: true }, (lock) => {
      resolve(lock !== null);
      // Holding the returned promise open keeps the lock until the tab closes.
      return lock ? new Promise<void>(() => undefined) : undefined;
    });
  });
}
