import { it } from 'vitest';
import { externalCouchFromEnv } from './external-couch';

/**
 * For Vitest files that use startTestServer: some tests only make sense on the bundled server
 * (it runs in memory in this process, restarts on demand, has dev-only switches). On an
 * external CouchDB they are skipped, and the reason is in the skipped test's name.
 */
export const usingExternalCouch = externalCouchFromEnv() !== null;

export function itOnBundledServer(reason: string) {
  return (name: string, fn: () => Promise<void> | void, timeout?: number) =>
    usingExternalCouch
      ? it.skip(`${name} [bundled server only: ${reason}]`, fn)
      : it(name, fn, timeout);
}
