import { randomBytes } from 'node:crypto';
import { addUser, provision } from './provision';
import { startSyncServer } from './sync-server';

/**
 * A throw-away sync server for integration tests (Vitest) and end-to-end tests
 * (Playwright imports this from Node): in memory, on a free loopback port, with the
 * organisation provisioned and the given users added. Node-only code.
 */

export interface TestUser {
  name: string;
  password: string;
  roles: string[];
  branches?: string[];
}

export interface TestServerOptions {
  org: string;
  branches: string[];
  users?: TestUser[];
}

export interface TestServer {
  url: string;
  admin: { username: string; password: string };
  org: string;
  close(): Promise<void>;
}

export async function startTestServer(opts: TestServerOptions): Promise<TestServer> {
  const admin = { username: 'admin', password: `test-${randomBytes(9).toString('base64url')}` };
  const server = await startSyncServer({ port: 0, host: '127.0.0.1', inMemory: true, admin });
  try {
    await provision({ url: server.url, admin, org: opts.org, branches: opts.branches });
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
  return { url: server.url, admin, org: opts.org, close: () => server.close() };
}
