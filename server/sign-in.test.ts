import { pbkdf2Sync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { basicAuthHeader } from './http-util';
import { DEFAULT_PASSWORD_ITERATIONS } from './password-hash';
import { addUser, provision } from './provision';
import { LOCKOUT } from './sign-in';
import { startSyncServer } from './sync-server';
import type { SyncServer } from './sync-server';

// Sign-in protection of the bundled server: CouchDB's lockout, a cap per address, PBKDF2-SHA256
// hashes (old SHA-1 ones upgraded on sign-in) and an owner-only data folder.

const admin = { username: 'admin', password: 'admin-pass-signin' };
const ITERATIONS = 2_000;
let server: SyncServer;

beforeAll(async () => {
  server = await startSyncServer({
    port: 0,
    inMemory: true,
    admin,
    passwordIterations: ITERATIONS,
    throttle: { lockoutMs: 60_000, addressThreshold: 40 },
  });
  await provision({ url: server.url, admin, org: 'acme', branches: ['NYC'] });
  for (const name of ['bob', 'dana', 'erin'])
    await addUser({
      url: server.url,
      admin,
      name,
      password: `${name}-pass-12`,
      roles: ['clerk'],
      branches: ['NYC'],
    });
});
afterAll(async () => {
  await server?.close();
});

const asAdmin = basicAuthHeader(admin.username, admin.password);

async function basic(name: string, password: string, path = '/_session') {
  const res = await fetch(server.url + path, {
    headers: { authorization: basicAuthHeader(name, password) },
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

async function form(name: string, password: string) {
  const res = await fetch(`${server.url}/_session`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ name, password }).toString(),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

async function userDoc(name: string) {
  const res = await fetch(`${server.url}/_users/org.couchdb.user:${name}`, {
    headers: { authorization: asAdmin },
  });
  return (await res.json()) as Record<string, unknown>;
}

describe('sign-in lockout', () => {
  it("locks a name out after five wrong passwords, even with the right one, with CouchDB's answer", async () => {
    expect((await basic('bob', 'bob-pass-12', '/acme-branch-nyc')).status).toBe(200);
    for (let i = 0; i < 5; i++) expect((await basic('bob', `guess-${i}`)).status).toBe(401);

    const right = await basic('bob', 'bob-pass-12');
    expect(right.status).toBe(403);
    expect(right.body).toEqual({ error: LOCKOUT.error, reason: LOCKOUT.reason });
    expect(right.body).toEqual({
      error: 'forbidden',
      reason: 'Account is temporarily locked due to multiple authentication failures',
    });
    // The session cached by the first request does not get round the lockout either,
    expect((await basic('bob', 'bob-pass-12', '/acme-branch-nyc')).status).toBe(403);
    // nor does the sign-in form,
    expect((await form('bob', 'bob-pass-12')).status).toBe(403);
    // and another clerk at the same address is not affected.
    expect((await form('dana', 'dana-pass-12')).status).toBe(200);
  });

  it('counts sign-in form failures the same way', async () => {
    for (let i = 0; i < 5; i++) expect((await form('erin', `guess-${i}`)).status).toBe(401);
    expect((await form('erin', 'erin-pass-12')).status).toBe(403);
  });

  it('lifts the lockout by itself after the lockout time', async () => {
    const quick = await startSyncServer({
      port: 0,
      inMemory: true,
      admin,
      throttle: { lockoutMs: 300 },
    });
    try {
      for (let i = 0; i < 5; i++)
        expect((await basic2(quick, admin.username, `guess-${i}`)).status).toBe(401);
      expect((await basic2(quick, admin.username, admin.password)).status).toBe(403);
      await expect
        .poll(async () => (await basic2(quick, admin.username, admin.password)).status, {
          timeout: 5_000,
          interval: 100,
        })
        .toBe(200);
    } finally {
      await quick.close();
    }
  });

  it('refuses an address guessing across many names, so 300 guesses cannot all be tried', async () => {
    const quick = await startSyncServer({ port: 0, inMemory: true, admin });
    try {
      const login = await fetch(`${quick.url}/_session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: admin.username, password: admin.password }),
      });
      const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
      const statuses: number[] = [];
      for (let i = 0; i < 300; i++)
        statuses.push((await basic2(quick, `user${i % 60}`, `guess-${i}`)).status);
      expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(20);
      expect(statuses.at(-1)).toBe(429);
      expect((await basic2(quick, admin.username, admin.password)).status).toBe(429);

      // Someone already signed in keeps working, and so do the server's own look-ups (its
      // access checks run as admin over loopback, but are not counted against the address).
      const headers = { cookie, 'content-type': 'application/json' };
      expect((await fetch(`${quick.url}/ledger`, { method: 'PUT', headers })).status).toBe(201);
      const write = await fetch(`${quick.url}/ledger/note:1`, {
        method: 'PUT',
        headers,
        body: JSON.stringify({ text: 'still open' }),
      });
      expect(write.status).toBe(201);
    } finally {
      await quick.close();
    }
  });
});

async function basic2(s: SyncServer, name: string, password: string) {
  const res = await fetch(`${s.url}/_session`, {
    headers: { authorization: basicAuthHeader(name, password) },
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe('password hashes', () => {
  it('stores new passwords as PBKDF2-SHA256, never in plain', async () => {
    const doc = await userDoc('dana');
    expect(doc).toMatchObject({
      password_scheme: 'pbkdf2',
      pbkdf2_prf: 'sha256',
      iterations: ITERATIONS,
    });
    expect(doc.password).toBeUndefined();
    expect(String(doc.derived_key)).toMatch(/^[0-9a-f]{64}$/);
    expect((await basic('dana', 'dana-pass-12')).status).toBe(200);
    expect((await basic('dana', 'dana-pass-13')).status).toBe(401);
  });

  it('still signs in a user hashed the old pouchdb-server way, and re-hashes them', async () => {
    const salt = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
    const legacy = {
      _id: 'org.couchdb.user:olga',
      type: 'user',
      name: 'olga',
      roles: ['clerk'],
      password_scheme: 'pbkdf2',
      iterations: 10,
      salt,
      derived_key: pbkdf2Sync('olga-pass-12', salt, 10, 20, 'sha1').toString('hex'),
    };
    const put = await fetch(`${server.url}/_users/org.couchdb.user:olga`, {
      method: 'PUT',
      headers: { authorization: asAdmin, 'content-type': 'application/json' },
      body: JSON.stringify(legacy),
    });
    expect(put.status).toBe(201);
    expect((await form('olga', 'olga-pass-12')).status).toBe(200);
    await expect.poll(async () => (await userDoc('olga')).pbkdf2_prf).toBe('sha256');
    expect(await userDoc('olga')).toMatchObject({
      iterations: ITERATIONS,
      password_scheme: 'pbkdf2',
    });
    expect((await form('olga', 'olga-pass-12')).status).toBe(200);
    expect((await basic('olga', 'olga-pass-13')).status).toBe(401);
  });
});

describe('data folder on disk', () => {
  const dir = mkdtempSync(join(tmpdir(), 'outpost-modes-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const mode = (p: string) => statSync(p).mode & 0o777;

  it('is readable by its owner only, config.json included after a config change', async () => {
    const disk = await startSyncServer({ port: 0, dataDir: dir, admin });
    try {
      expect(mode(dir)).toBe(0o700);
      expect(mode(join(dir, 'db'))).toBe(0o700);
      expect(mode(join(dir, 'config.json'))).toBe(0o600);
      expect(mode(join(dir, 'log.txt'))).toBe(0o600);
      const config = JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8')) as {
        admins: Record<string, string>;
      };
      expect(config.admins.admin).toMatch(
        new RegExp(`^-pbkdf2:sha256-[0-9a-f]{64},[0-9a-f]+,${DEFAULT_PASSWORD_ITERATIONS}$`),
      );

      const change = await fetch(`${disk.url}/_config/log/level`, {
        method: 'PUT',
        headers: { authorization: asAdmin, 'content-type': 'application/json' },
        body: JSON.stringify('warning'),
      });
      expect(change.status).toBe(200);
      expect(readFileSync(join(dir, 'config.json'), 'utf8')).toContain('"warning"');
      expect(mode(join(dir, 'config.json'))).toBe(0o600);
    } finally {
      await disk.close();
    }
  });
});
