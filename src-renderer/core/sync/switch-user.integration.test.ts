import { indexedDB, IDBKeyRange } from 'fake-indexeddb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../server/test-server';
import { accountsModule } from '../../modules/accounts';
import { createCore } from '../create-core';
import { nodePouchEnv } from '../db/pouch-node';
import type { AppState, DbSyncStatus, SyncOverview } from '../rpc/contract';
import type { TestDeviceMethods as RpcMethods } from '../testing/node-core';
import { ACME_INPUT } from '../testing/node-core';
import { poller } from '../testing/until';

/**
 * Switch user on a shared desktop (issue 4): one head-office computer of branch NYC, used in
 * turn by an administrator, a clerk of Boston and a clerk of New York. The new credentials are
 * checked before anything changes; the new user's rights decide what syncs; what the previous
 * user typed stays and waits where the new user may not send it; signing out forgets everything.
 */
const ALICE = {
  name: 'alice',
  password: 'alice-pass-1',
  roles: ['admin', 'hq'],
  branches: ['NYC'],
};
const JANE = { name: 'jane', password: 'jane-pass-1', roles: ['clerk'], branches: ['NYC'] };
const MARK = { name: 'mark', password: 'mark-pass-1', roles: ['clerk'], branches: ['BOS'] };
// Jane types a wrong password twice in all: well under CouchDB 3's lockout (five), so her right one still works.

const until = poller({ timeoutMs: 25_000, everyMs: 100 });
const PREFIX = `switch-${Date.now()}-`;

let server: TestServer;
let core: Awaited<ReturnType<typeof createCore>>;

function open() {
  return createCore({
    env: nodePouchEnv(PREFIX),
    dexie: { indexedDB, IDBKeyRange },
    emit: () => undefined,
    modules: [accountsModule],
  });
}
function call<M extends keyof RpcMethods>(
  method: M,
  ...params: RpcMethods[M]['params'] extends void ? [] : [RpcMethods[M]['params']]
): Promise<RpcMethods[M]['result']> {
  return (core.handlers[method] as (p: unknown) => Promise<never>)(params[0]);
}
const status = () => call('sync.getStatus');
const state = async () => (await call('app.getState')) as Extract<AppState, { phase: 'ready' }>;
// On an external CouchDB (OUTPOST_TEST_COUCH_URL) the org code and user names carry a run suffix.
const company = () => ({ ...ACME_INPUT, company: { ...ACME_INPUT.company, orgCode: server.org } });
const user = (name: string) => server.user(name);
const db = (s: SyncOverview, name: string): DbSyncStatus => s.databases.find((d) => d.db === name)!;
const syncing = (s: SyncOverview) => s.databases.filter((d) => d.heldBackFor === null);
const settled = (s: SyncOverview) => syncing(s).every((d) => d.state === 'up-to-date');

async function onServer(dbName: string, id: string): Promise<boolean> {
  const auth =
    'Basic ' + Buffer.from(`${server.admin.username}:${server.admin.password}`).toString('base64');
  const res = await fetch(`${server.url}/${server.org}-${dbName}/${encodeURIComponent(id)}`, {
    headers: { authorization: auth },
  });
  return res.ok;
}

const rent = {
  date: '2026-05-01',
  memo: 'Rent',
  currency: 'USD',
  lines: [
    { account: '6100', debit: 50_000, credit: 0 },
    { account: '1200', debit: 0, credit: 50_000 },
  ],
};

beforeAll(async () => {
  server = await startTestServer({
    org: 'acme',
    branches: ['NYC', 'BOS'],
    users: [ALICE, JANE, MARK],
  });
  core = await open();
  await call('setup.createCompany', company());
  await call('org.addBranch', { code: 'BOS', name: 'Boston', currency: 'USD' });
  await call('accounts.setupStarterChart');
  await call('sync.connect', {
    serverUrl: server.url,
    username: user('alice'),
    password: ALICE.password,
  });
  const s = await until(
    status,
    (x) => x.databases.length === 3 && x.state === 'up-to-date' && x.pending === 0,
    'Alice synced every branch',
  );
  expect(s.databases.map((d) => d.db).sort()).toEqual(['branch-bos', 'branch-nyc', 'master']);
});

afterAll(async () => {
  await core?.close();
  await server?.close();
});

describe('switch user on a shared desktop', () => {
  it('a wrong password is refused in words and the signed-in user keeps syncing, untouched', async () => {
    const err = await call('user.signIn', {
      serverUrl: server.url,
      username: user('jane'),
      password: 'not-her-password',
    }).catch((e: unknown) => e);
    expect(err).toMatchObject({
      code: 'auth',
      message: expect.stringMatching(/did not accept the username or password/),
    });
    expect((err as Error).message).toContain(
      `Nothing changed: ${user('alice')} is still signed in.`,
    );

    const after = await state();
    expect(after.user?.name).toBe(user('alice'));
    expect(after.userName).toBe('Alice Admin');
    const s = await status();
    expect(s.server?.username).toBe(user('alice'));
    expect(s.databases.every((d) => d.heldBackFor === null && d.state !== 'error')).toBe(true);

    // No server at that address: the same, in its own words.
    const down = await call('user.signIn', {
      serverUrl: 'http://127.0.0.1:1',
      username: user('jane'),
      password: JANE.password,
    }).catch((e: unknown) => e);
    expect(down).toMatchObject({
      code: 'network',
      message: expect.stringMatching(
        new RegExp(`Cannot reach the sync server.*${user('alice')} is still signed in`, 's'),
      ),
    });
    expect((await state()).user?.name).toBe(user('alice'));
  });

  it('switching to a clerk of another branch stops syncing the branches they may not use; their records wait', async () => {
    // Alice types an entry while sync is paused: it is pending in branch-nyc when she leaves.
    await call('sync.pause');
    const entry = await call('accounts.postJournal', rent);
    expect(entry.createdBy).toBe('Alice Admin');
    expect(db(await status(), 'branch-nyc').pending).toBe(1);

    const signedIn = await call('user.signIn', {
      serverUrl: server.url,
      username: user('mark'),
      password: MARK.password,
      displayName: 'Mark Clerk',
    });
    expect(signedIn).toMatchObject({
      phase: 'ready',
      user: { name: user('mark'), roles: expect.arrayContaining(['clerk', 'branch:BOS']) },
      userName: 'Mark Clerk',
      signedOut: false,
    });

    const s = await until(status, (x) => settled(x) && !x.paused, 'Mark synced');
    expect(s.server?.username).toBe(user('mark'));
    expect(db(s, 'branch-nyc')).toMatchObject({
      state: 'not-synced',
      heldBackFor: user('mark'),
      pending: 1,
    });
    expect(db(s, 'master').heldBackFor).toBeNull();
    expect(db(s, 'branch-bos')).toMatchObject({ heldBackFor: null, state: 'up-to-date' });
    expect(s.state).toBe('up-to-date');
    // Alice's entry is still here, and was not sent with Mark's credentials.
    expect((await call('accounts.getJournal', { id: entry._id })).entry).toMatchObject({
      memo: 'Rent',
      createdBy: 'Alice Admin',
    });
    expect(await onServer('branch-nyc', entry._id)).toBe(false);
  });

  it('switching to a clerk of the branch sends the waiting records; the other branch waits now', async () => {
    await call('user.signIn', {
      serverUrl: server.url,
      username: user('jane'),
      password: JANE.password,
    });
    const s = await until(
      status,
      (x) => settled(x) && db(x, 'branch-nyc').pending === 0,
      'Jane sent the waiting entry',
    );
    expect(db(s, 'branch-bos')).toMatchObject({ state: 'not-synced', heldBackFor: user('jane') });
    expect(db(s, 'branch-nyc').heldBackFor).toBeNull();
    const journals = await until(
      () =>
        fetch(`${server.url}/${server.org}-branch-nyc/_all_docs`, {
          headers: {
            authorization:
              'Basic ' +
              Buffer.from(`${server.admin.username}:${server.admin.password}`).toString('base64'),
          },
        }).then((r) => r.json() as Promise<{ rows: { id: string }[] }>),
      (r) => r.rows.some((x) => x.id.startsWith('journalEntry:')),
      'entry on the server',
    );
    expect(journals.rows.filter((x) => x.id.startsWith('journalEntry:'))).toHaveLength(1);
    // No name given: the username is put on Jane's records.
    expect((await state()).userName).toBe(user('jane'));
  });

  it('switching back to head office syncs every branch again and restores her name', async () => {
    const back = await call('user.signIn', {
      serverUrl: server.url,
      username: user('alice'),
      password: ALICE.password,
    });
    expect(back).toMatchObject({ user: { name: user('alice') }, userName: 'Alice Admin' });
    const s = await until(
      status,
      (x) => x.state === 'up-to-date' && x.databases.every((d) => d.heldBackFor === null),
      'Alice syncs everything',
    );
    expect(s.databases).toHaveLength(3);
  });

  it('signing out stops sync and forgets the credentials and the user, also after a restart', async () => {
    const out = await call('user.signOut');
    expect(out).toMatchObject({
      user: null,
      signedOut: true,
      serverUrl: server.url,
      userName: 'Not signed in (device NYC-A)',
    });
    const s = await status();
    expect(s).toMatchObject({ configured: false, server: null, state: 'not-configured' });
    // Nothing typed meanwhile carries the previous person's name.
    const entry = await call('accounts.postJournal', { ...rent, memo: 'Typed while signed out' });
    expect(entry.createdBy).toBe('Not signed in (device NYC-A)');

    await core.close();
    core = await open();
    expect(await state()).toMatchObject({ user: null, signedOut: true, serverUrl: server.url });
    expect((await status()).configured).toBe(false);
    // The records stay, waiting for the next person to sign in.
    expect((await status()).pending).toBeGreaterThan(0);
  });

  it('the next person signs in with their own credentials', async () => {
    const bad = await call('user.signIn', {
      serverUrl: server.url,
      username: user('jane'),
      password: 'wrong-pass-1',
    }).catch((e: unknown) => e);
    expect(bad).toMatchObject({
      code: 'auth',
      message: expect.stringMatching(/Nothing changed\.$/),
    });
    expect((await state()).signedOut).toBe(true);
    const s1 = await call('user.signIn', {
      serverUrl: server.url,
      username: user('jane'),
      password: JANE.password,
    });
    expect(s1).toMatchObject({
      user: { name: user('jane') },
      userName: user('jane'),
      signedOut: false,
    });
    await until(
      status,
      (x) => settled(x) && db(x, 'branch-nyc').pending === 0,
      'Jane sent what was typed while signed out',
    );
  });
});
