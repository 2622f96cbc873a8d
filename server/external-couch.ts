import type { CoreModule } from '../src-renderer/core/module';
import { randomBytes } from 'node:crypto';
import { CouchClient, dbPath, docPath } from './couch-client';
import type { AdminCredentials } from './couch-client';
import { addUser, provision } from './provision';

/**
 * The integration suite against a CouchDB someone else runs (Apache CouchDB 3.x, one node or
 * a cluster): `OUTPOST_TEST_COUCH_URL` plus `OUTPOST_TEST_COUCH_ADMIN=user:password`.
 * That server is shared — other runs, other test files in parallel, perhaps real data — so
 * every test server gets its own organisation code (`acme-t3k9x2a`) and user names
 * (`alice-t3k9x2a`), and close() deletes exactly the databases and users it made.
 */

export interface ExternalCouch {
  url: string;
  admin: AdminCredentials;
}

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
  /** Modules to provision (their database kinds and document types): the app's list when absent. */
  modules?: readonly CoreModule[];
}

export interface TestServer {
  url: string;
  admin: AdminCredentials;
  /** The organisation code on the server: give it to the app (orgCode) and use it in db names. */
  org: string;
  /** The name a test user has on the server ('alice' → 'alice-t3k9x2a' on a shared CouchDB). */
  user(name: string): string;
  /** True when the tests run against OUTPOST_TEST_COUCH_URL rather than the bundled server. */
  external: boolean;
  close(): Promise<void>;
}

/** Reads the environment; null when the bundled server is to be used. */
export function externalCouchFromEnv(env: NodeJS.ProcessEnv = process.env): ExternalCouch | null {
  const url = env.OUTPOST_TEST_COUCH_URL?.trim();
  if (!url) return null;
  if (!/^https?:\/\/[^/]+/.test(url)) {
    throw new Error(
      `OUTPOST_TEST_COUCH_URL must be the server's address, e.g. http://127.0.0.1:5984 — not "${url}".`,
    );
  }
  const creds = env.OUTPOST_TEST_COUCH_ADMIN ?? '';
  const colon = creds.indexOf(':');
  if (colon < 1 || colon === creds.length - 1) {
    throw new Error(
      'OUTPOST_TEST_COUCH_URL is set, so OUTPOST_TEST_COUCH_ADMIN must give the server admin as user:password.',
    );
  }
  return {
    url: url.replace(/\/+$/, ''),
    admin: { username: creds.slice(0, colon), password: creds.slice(colon + 1) },
  };
}

/** Provisions a fresh, uniquely named organisation and its users on an existing server. */
export async function startOnExternalCouch(
  couch: ExternalCouch,
  opts: TestServerOptions,
): Promise<TestServer> {
  // Lowercase letters and digits only: valid in org codes, user names and database names.
  const run =
    't' +
    BigInt('0x' + randomBytes(5).toString('hex'))
      .toString(36)
      .slice(0, 6);
  const org = `${opts.org.slice(0, 30 - run.length - 1)}-${run}`;
  const users = new Set<string>();
  const user = (name: string) => {
    const real = `${name}-${run}`;
    users.add(real);
    return real;
  };
  const client = new CouchClient(couch.url, couch.admin);

  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await removeRun(client, org, [...users]);
  };

  try {
    await provision({
      url: couch.url,
      admin: couch.admin,
      org,
      branches: opts.branches,
      modules: opts.modules,
    });
    for (const u of opts.users ?? []) {
      await addUser({
        url: couch.url,
        admin: couch.admin,
        name: user(u.name),
        password: u.password,
        roles: u.roles,
        branches: u.branches ?? [],
      });
    }
  } catch (e) {
    await close().catch(() => undefined);
    throw e;
  }
  return { url: couch.url, admin: couch.admin, org, user, external: true, close };
}

/** Deletes the run's databases (`<org>-…`, also ones a test added) and its users. */
async function removeRun(client: CouchClient, org: string, users: string[]): Promise<void> {
  const all = await client.expect<string[]>(
    'List the databases',
    'GET',
    '/_all_dbs',
    undefined,
    [200],
  );
  for (const db of all.body.filter((name) => name.startsWith(`${org}-`))) {
    await client.expect(`Delete database ${db}`, 'DELETE', dbPath(db), undefined, [200, 202, 404]);
  }
  for (const name of users) {
    const path = docPath('_users', `org.couchdb.user:${name}`);
    const doc = await client.request<{ _rev?: string }>('GET', path);
    if (doc.status !== 200 || !doc.body._rev) continue;
    await client.expect(
      `Delete user ${name}`,
      'DELETE',
      `${path}?rev=${encodeURIComponent(doc.body._rev)}`,
      undefined,
      [200, 202, 404],
    );
  }
}
