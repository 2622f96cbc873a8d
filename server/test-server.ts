import { randomBytes } from 'node:crypto';
import { externalCouchFromEnv, startOnExternalCouch } from './external-couch';
import type { TestServer, TestServerOptions } from './external-couch';
import { addUser, provision } from './provision';
import { startSyncServer } from './sync-server';

export type { TestServer, TestServerOptions, TestUser } from './external-couch';

/**
 * A throw-away sync server for integration tests (Vitest) and end-to-end tests
 * (Playwright imports this from Node): in memory, on a free loopback port, with the
 * organisation provisioned and the given users added. Node-only code.
 *
 * With OUTPOST_TEST_COUCH_URL and OUTPOST_TEST_COUCH_ADMIN set, the same tests run against
 * that CouchDB instead (server/external-couch.ts): then the organisation code and the user
 * names get a per-run suffix, so tests use `server.org` and `server.user('alice')`.
 */
export async function startTestServer(opts: TestServerOptions): Promise<TestServer> {
  const external = externalCouchFromEnv();
  if (external) return startOnExternalCouch(external, opts);
  return startBundledTestServer(opts);
}

export async function startBundledTestServer(opts: TestServerOptions): Promise<TestServer> {
  const admin = { username: 'admin', password: `test-${randomBytes(9).toString('base64url')}` };
  const server = await startSyncServer({ port: 0, host: '127.0.0.1', inMemory: true, admin });
  try {
    await provision({
      url: server.url,
      admin,
      org: opts.org,
      branches: opts.branches,
      modules: opts.modules,
    });
    for (const u of opts.users ?? []) {
      await addUser({
        url: server.url,
        admin,
        name: u.name,
        password: u.password,
        roles: u.roles,
        branches: u.branches ?? [],
      });
    }
  } catch (e) {
    await server.close();
    throw e;
  }
  return {
    url: server.url,
    admin,
    org: opts.org,
    user: (name) => name,
    external: false,
    close: () => server.close(),
  };
}
