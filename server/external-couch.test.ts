import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { externalCouchFromEnv, startOnExternalCouch } from './external-couch';
import { startSyncServer } from './sync-server';
import type { SyncServer } from './sync-server';
import { startTestServer } from './test-server';

/**
 * The suite's "external CouchDB" mode. No Apache CouchDB runs here, so a separately started
 * bundled server plays the shared external server: two test runs on it must not see each
 * other, and each must leave nothing behind.
 */

const admin = { username: 'couchadmin', password: 'couch-admin-pass-1' };
let couch: SyncServer;

beforeAll(async () => {
  couch = await startSyncServer({ port: 0, inMemory: true, admin });
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await couch?.close();
});

const basic = (u: string, p: string) => 'Basic ' + Buffer.from(`${u}:${p}`).toString('base64');
async function get(path: string, user = admin.username, password = admin.password) {
  const res = await fetch(couch.url + path, { headers: { authorization: basic(user, password) } });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}
const allDbs = async () => (await get('/_all_dbs')).body as unknown as string[];

describe('OUTPOST_TEST_COUCH_URL / OUTPOST_TEST_COUCH_ADMIN', () => {
  it('are read as the server address and user:password, or explained when incomplete', () => {
    expect(externalCouchFromEnv({})).toBeNull();
    expect(
      externalCouchFromEnv({
        OUTPOST_TEST_COUCH_URL: 'http://127.0.0.1:5984/',
        OUTPOST_TEST_COUCH_ADMIN: 'admin:pa:ss',
      }),
    ).toEqual({ url: 'http://127.0.0.1:5984', admin: { username: 'admin', password: 'pa:ss' } });
    expect(() => externalCouchFromEnv({ OUTPOST_TEST_COUCH_URL: 'http://127.0.0.1:5984' })).toThrow(
      /OUTPOST_TEST_COUCH_ADMIN must give the server admin as user:password/,
    );
    expect(() =>
      externalCouchFromEnv({
        OUTPOST_TEST_COUCH_URL: '127.0.0.1:5984',
        OUTPOST_TEST_COUCH_ADMIN: 'a:b',
      }),
    ).toThrow(/e\.g\. http:\/\/127\.0\.0\.1:5984/);
  });

  it('make startTestServer use that server instead of starting one', async () => {
    vi.stubEnv('OUTPOST_TEST_COUCH_URL', couch.url);
    vi.stubEnv('OUTPOST_TEST_COUCH_ADMIN', `${admin.username}:${admin.password}`);
    const server = await startTestServer({ org: 'acme', branches: ['NYC'] });
    vi.unstubAllEnvs();
    expect(server).toMatchObject({ url: couch.url, admin, external: true });
    expect(await allDbs()).toContain(`${server.org}-master`);
    await server.close();
  });
});

describe('two runs on one external server', () => {
  it('get their own organisation and users, and each removes only its own', async () => {
    const alice = {
      name: 'alice',
      password: 'alice-pass-1',
      roles: ['admin', 'hq'],
      branches: ['NYC'],
    };
    const one = await startOnExternalCouch(
      { url: couch.url, admin },
      { org: 'acme', branches: ['NYC'], users: [alice] },
    );
    const two = await startOnExternalCouch(
      { url: couch.url, admin },
      { org: 'acme', branches: ['NYC'], users: [alice] },
    );

    expect(one.org).toMatch(/^acme-t[a-z0-9]+$/);
    expect(two.org).not.toBe(one.org);
    expect(one.user('alice')).not.toBe(two.user('alice'));
    expect(one.user('alice')).toMatch(/^alice-t/);

    // Each alice signs in under her run's name and reaches her run's company.
    const session = await get('/_session', one.user('alice'), alice.password);
    expect(session.body.userCtx).toEqual({
      name: one.user('alice'),
      roles: ['admin', 'hq', 'branch:NYC'],
    });
    expect((await get(`/${one.org}-branch-nyc`, one.user('alice'), alice.password)).status).toBe(
      200,
    );

    // A database a test adds later (a new branch) is removed as well.
    await fetch(`${couch.url}/${one.org}-branch-bos`, {
      method: 'PUT',
      headers: { authorization: basic(admin.username, admin.password) },
    });
    await one.close();
    expect((await allDbs()).filter((db) => db.startsWith(one.org))).toEqual([]);
    expect((await get(`/_users/org.couchdb.user:${one.user('alice')}`)).status).toBe(404);

    expect(await allDbs()).toEqual(
      expect.arrayContaining([`${two.org}-master`, `${two.org}-branch-nyc`]),
    );
    expect((await get('/_session', two.user('alice'), alice.password)).body.userCtx).toMatchObject({
      name: two.user('alice'),
    });
    await two.close();
    expect((await allDbs()).filter((db) => db.startsWith('acme-'))).toEqual([]);
  });
});
