import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../server/test-server';
import { addUser, disableUser } from '../../../server/provision';
import { ACME_INPUT, startTestDevice, type TestDevice } from '../testing/node-core';
import { poller } from '../testing/until';

/**
 * The sync engine against a real pouchdb-server on loopback: two devices of one company, a
 * head-office admin and a branch clerk, exchanging the company's own documents.
 */
const ALICE = {
  name: 'alice',
  password: 'alice-pass-1',
  roles: ['admin', 'hq'],
  branches: ['NYC'],
};
const BOB = { name: 'bob', password: 'bob-pass-1', roles: ['clerk'], branches: ['NYC'] };
// Wrong passwords are typed only for these two: CouchDB 3 locks a name out after a few failed
// sign-ins, which must never hit alice, who keeps syncing through every test.
const WALTER = {
  name: 'walter',
  password: 'walter-pass-1',
  roles: ['admin', 'hq'],
  branches: ['NYC'],
};
const WENDY = {
  name: 'wendy',
  password: 'wendy-pass-1',
  roles: ['admin', 'hq'],
  branches: ['NYC'],
};

let server: TestServer;
let a: TestDevice;
let b: TestDevice;

const until = poller({ timeoutMs: 20_000, everyMs: 100 });
// On an external CouchDB (OUTPOST_TEST_COUCH_URL) the org code and user names carry a run suffix.
const company = () => ({ ...ACME_INPUT, company: { ...ACME_INPUT.company, orgCode: server.org } });

beforeAll(async () => {
  // Every branch the tests add is provisioned: head office holds each branch's database.
  server = await startTestServer({
    org: 'acme',
    branches: ['NYC', 'BOS', 'PAR'],
    users: [ALICE, BOB, WALTER, WENDY],
  });
  a = await startTestDevice();
  b = await startTestDevice();
});

afterAll(async () => {
  await a?.close();
  await b?.close();
  await server?.close();
});

describe('two offices through the sync server', () => {
  it('head office pushes the company it created; pending falls to zero', async () => {
    await a.call('setup.createCompany', company());
    expect((await a.call('sync.getStatus', undefined)).state).toBe('not-configured');
    await a.call('sync.connect', {
      serverUrl: server.url,
      username: server.user('alice'),
      password: ALICE.password,
    });
    const status = await until(
      () => a.call('sync.getStatus', undefined),
      (s) => s.state === 'up-to-date' && s.pending === 0,
      'A up to date',
    );
    expect(status.lastSyncedAt).not.toBeNull();
    expect(status.databases.map((d) => d.remote)).toEqual([
      `${server.org}-master`,
      `${server.org}-branch-nyc`,
    ]);
  });

  it('a clerk joins: sees the company, picks the branch, pulls master and the branch', async () => {
    const preview = await b.call('setup.inspectServer', {
      serverUrl: server.url,
      orgCode: server.org,
      username: server.user('bob'),
      password: BOB.password,
    });
    expect(preview.company.name).toBe('Acme Trading Ltd');
    expect(preview.branches.map((x) => x.code)).toEqual(['NYC']);
    await expect(
      b.call('setup.joinCompany', {
        serverUrl: server.url,
        orgCode: server.org,
        username: server.user('bob'),
        password: BOB.password,
        branchCode: 'NYC',
        device: { letter: 'A', label: 'Counter PC' },
        userName: 'Bob Clerk',
      }),
    ).rejects.toMatchObject({ code: 'validation', message: expect.stringMatching(/already used/) });

    const state = await b.call('setup.joinCompany', {
      serverUrl: server.url,
      orgCode: server.org,
      username: server.user('bob'),
      password: BOB.password,
      branchCode: 'NYC',
      device: { letter: 'B', label: 'Counter PC' },
      userName: 'Bob Clerk',
    });
    expect(state).toMatchObject({
      phase: 'ready',
      branch: { code: 'NYC' },
      device: { letter: 'B' },
    });
    expect(b.events.some((e) => e.kind === 'progress' && e.task === 'join' && e.finished)).toBe(
      true,
    );
    // Bob's device document is allowed into master and reaches the head office.
    await until(
      () => a.call('org.listDevices', undefined),
      (d) => d.length === 2,
      'device B at head office',
    );
  });

  it('a branch added offline stays pending, then reaches the other office', async () => {
    a.core.setOnline(false);
    await a.call('org.addBranch', { code: 'BOS', name: 'Boston', currency: 'USD' });
    const offline = await until(
      () => a.call('sync.getStatus', undefined),
      (s) => s.state === 'offline',
      'A offline',
    );
    expect(offline.pending).toBe(1);
    a.core.setOnline(true);
    await until(
      () => a.call('sync.getStatus', undefined),
      (s) => s.state === 'up-to-date' && s.pending === 0,
      'A pushed',
    );
    const branches = await until(
      () => b.call('org.listBranches', undefined),
      (l) => l.some((x) => x.code === 'BOS'),
      'BOS at B',
    );
    expect(branches.find((x) => x.code === 'BOS')).toMatchObject({
      name: 'Boston',
      createdBy: 'Alice Admin',
    });
    const hits = await until(
      () => b.call('index.search', { text: 'boston' }),
      (h) => h.length === 1,
      'BOS indexed at B',
    );
    expect(hits[0]!.db).toBe('master');
  });

  it('master data a clerk may not write is refused by the server and listed with the reason', async () => {
    await b.call('org.addBranch', { code: 'LON', name: 'London', currency: 'GBP' });
    const status = await until(
      () => b.call('sync.getStatus', undefined),
      (s) => s.refused === 1,
      'refusal at B',
    );
    expect(status.pending).toBe(0);
    const [refused] = await b.call('sync.listRefused', undefined);
    expect(refused).toMatchObject({ db: 'master', docType: 'branch', status: 'forbidden' });
    expect(refused!.reason).toMatch(/administrator|head office/i);
    // Nothing refused reaches the head office.
    expect((await a.call('org.listBranches', undefined)).map((x) => x.code)).not.toContain('LON');
  });
});

describe('refused records: withdraw or send again', () => {
  it('a withdrawn record leaves this device, stays on record, and is not refused again', async () => {
    await b.call('sync.withdrawRefused', {
      db: 'master',
      docId: (await b.call('sync.listRefused', undefined))[0]!.docId,
    });
    const status = await b.call('sync.getStatus', undefined);
    expect(status.refused).toBe(0);
    expect((await b.call('org.listBranches', undefined)).map((x) => x.code)).not.toContain('LON');
    const [w] = await b.call('sync.listWithdrawn', undefined);
    expect(w).toMatchObject({ docType: 'branch', withdrawnBy: 'Bob Clerk' });
    // The local removal reaches the server's checks too and is refused; that must not reappear.
    await new Promise((r) => setTimeout(r, 1500));
    expect((await b.call('sync.getStatus', undefined)).refused).toBe(0);
  });

  it('sent again after the user was given the right, it is accepted and reaches head office', async () => {
    await b.call('org.addBranch', { code: 'PAR', name: 'Paris', currency: 'EUR' });
    const [refused] = await until(
      () => b.call('sync.listRefused', undefined),
      (l) => l.length === 1,
      'PAR refused',
    );
    await addUser({
      url: server.url,
      admin: server.admin,
      name: server.user('bob'),
      password: BOB.password,
      roles: ['clerk', 'hq'],
      branches: ['NYC'],
    });
    // The server caches sessions for a few seconds.
    await new Promise((r) => setTimeout(r, 5_500));
    await b.call('sync.resendRefused', { db: 'master', docId: refused!.docId });
    await until(
      () => b.call('sync.getStatus', undefined),
      (s) => s.refused === 0 && s.pending === 0 && s.state === 'up-to-date',
      'PAR accepted',
    );
    await until(
      () => a.call('org.listBranches', undefined),
      (l) => l.some((x) => x.code === 'PAR'),
      'PAR at head office',
    );
  });
});

describe('Test connection', () => {
  it('says which check failed, in words', async () => {
    const wrong = await a.call('sync.testConnection', {
      serverUrl: server.url,
      orgCode: server.org,
      username: server.user('walter'),
      password: 'nope',
    });
    expect(wrong.ok).toBe(false);
    expect(wrong.checks.map((c) => c.ok)).toEqual([true, false]);
    expect(wrong.message).toMatch(/username or password/);

    const right = await a.call('sync.testConnection', {
      serverUrl: server.url,
      orgCode: server.org,
      username: server.user('alice'),
      password: ALICE.password,
    });
    expect(right).toMatchObject({ ok: true });
    expect(right.checks).toHaveLength(3);

    const missing = await a.call('sync.testConnection', {
      serverUrl: server.url,
      orgCode: 'nosuchorg',
      username: server.user('alice'),
      password: ALICE.password,
    });
    expect(missing.ok).toBe(false);
    expect(missing.message).toMatch(/no database|not allowed/);

    const down = await a.call('sync.testConnection', {
      serverUrl: 'http://127.0.0.1:9',
      orgCode: server.org,
      username: server.user('alice'),
      password: 'x',
    });
    expect(down.ok).toBe(false);
    expect(down.message).toMatch(/Cannot reach the sync server/);
  });

  it('a wrong password stops sync with a clear error instead of retrying forever', async () => {
    await a.call('sync.connect', {
      serverUrl: server.url,
      username: server.user('wendy'),
      password: 'wrong',
    });
    const s = await until(
      () => a.call('sync.getStatus', undefined),
      (x) => x.state === 'error',
      'auth error',
    );
    expect(s.databases[0]!.error?.kind).toBe('auth');
    // The device tried a few times at most, not in a loop: wendy is not locked out.
    const session = await fetch(`${server.url}/_session`, {
      headers: {
        authorization:
          'Basic ' + Buffer.from(`${server.user('wendy')}:${WENDY.password}`).toString('base64'),
      },
    });
    expect(session.status).toBe(200);
    await a.call('sync.connect', {
      serverUrl: server.url,
      username: server.user('alice'),
      password: ALICE.password,
    });
    await until(
      () => a.call('sync.getStatus', undefined),
      (x) => x.state === 'up-to-date',
      'recovered',
    );
  });
});

describe('a disabled user', () => {
  it('is told in words and the device stops retrying until new credentials are saved', async () => {
    await disableUser({ url: server.url, admin: server.admin, name: server.user('bob') });
    // Something to push makes the next request certain; the server's session cache lasts 5 s.
    await new Promise((r) => setTimeout(r, 5_500));
    await b.call('sync.pause', undefined);
    await b.call('sync.resume', undefined);
    const s = await until(
      () => b.call('sync.getStatus', undefined),
      (x) => x.state === 'error',
      'auth error at B',
      30_000,
    );
    const problem = s.databases.find((d) => d.error)?.error;
    expect(problem).toMatchObject({
      kind: 'auth',
      message: expect.stringMatching(/username or password.*administrator/),
    });
    // Stopped, not retrying: it stays in error without new credentials.
    await new Promise((r) => setTimeout(r, 2_000));
    expect((await b.call('sync.getStatus', undefined)).state).toBe('error');
  });
});
