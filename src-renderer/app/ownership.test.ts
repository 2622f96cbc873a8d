import { describe, expect, it } from 'vitest';
import { acquireOwnership, OWNER_LOCK } from './ownership';

/** A minimal LockManager: one holder per name, `ifAvailable` gets null when taken. */
function fakeLocks(): LockManager {
  const held = new Set<string>();
  return {
    async request(name: string, options: LockOptions, callback: (lock: Lock | null) => unknown) {
      if (options.ifAvailable && held.has(name)) return callback(null);
      held.add(name);
      const result = callback({ name, mode: 'exclusive' } as Lock);
      void Promise.resolve(result).finally(() => held.delete(name));
      return result;
    },
    query: async () => ({ held: [], pending: [] }),
  } as unknown as LockManager;
}

describe('one owner of the local databases', () => {
  it('lets the first tab own the data and tells the second one it does not', async () => {
    const locks = fakeLocks();
    expect(await acquireOwnership(locks)).toBe(true);
    expect(await acquireOwnership(locks)).toBe(false);
    expect(OWNER_LOCK).toBe('outpost-owner');
  });
});
