import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { addUser, provision } from './provision';
import { startSyncServer } from './sync-server';

// The on-disk server (LevelDB): data, users and config survive a restart, and cookie
// sessions (POST /_session) are checked by the guard like Basic auth.

const dir = mkdtempSync(join(tmpdir(), 'outpost-persist-'));
const admin = { username: 'admin', password: 'admin-pass-1' };
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('sync server on disk', () => {
  it('keeps databases, users and documents across a restart', async () => {
    const first = await startSyncServer({ port: 0, dataDir: dir, admin });
    await provision({ url: first.url, admin, org: 'acme', branches: ['NYC'] });
    await addUser({
      url: first.url,
      admin,
      name: 'bob',
      password: 'bob-pass-12',
      roles: ['clerk'],
      branches: ['NYC'],
    });

    // Sign in with a cookie, as a browser would.
    const login = await fetch(`${first.url}/_session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'bob', password: 'bob-pass-12' }),
    });
    expect(login.status).toBe(200);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
    expect(cookie).toMatch(/^AuthSession=/);
    const put = await fetch(`${first.url}/acme-branch-nyc/sale:1`, {
      method: 'PUT',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'sale', v: 1, branch: 'NYC' }),
    });
    expect(put.status).toBe(201);
    const refused = await fetch(`${first.url}/acme-master/branch:LON`, {
      method: 'PUT',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'branch', v: 1, branch: '*' }),
    });
    expect(refused.status).toBe(403);
    await first.close();

    const second = await startSyncServer({ port: 0, dataDir: dir, admin });
    try {
      const auth = 'Basic ' + Buffer.from('bob:bob-pass-12').toString('base64');
      const res = await fetch(`${second.url}/acme-branch-nyc/sale:1`, {
        headers: { authorization: auth },
      });
      expect(res.status).toBe(200);
      // Validation is still installed after the restart.
      const bad = await fetch(`${second.url}/acme-branch-nyc/sale:2`, {
        method: 'PUT',
        headers: { authorization: auth, 'content-type': 'application/json' },
        body: JSON.stringify({ type: 'sale', v: 1, branch: 'BOS' }),
      });
      expect(bad.status).toBe(403);
      // Attachments are document writes too: validated against the stored document.
      const rev = ((await res.json()) as { _rev: string })._rev;
      const att = await fetch(`${second.url}/acme-branch-nyc/sale:1/receipt.txt?rev=${rev}`, {
        method: 'PUT',
        headers: { authorization: auth, 'content-type': 'text/plain' },
        body: 'paid',
      });
      expect(att.status).toBe(201);
    } finally {
      await second.close();
    }
  });
});

describe('several servers in one process', () => {
  it('keeps the databases of two in-memory servers apart', async () => {
    // The bundled server itself, also when the suite runs against an external CouchDB.
    const { startBundledTestServer } = await import('./test-server');
    const a = await startBundledTestServer({ org: 'acme', branches: ['NYC'] });
    const b = await startBundledTestServer({ org: 'acme', branches: ['NYC'] });
    try {
      const put = await fetch(`${a.url}/acme-master/company`, {
        method: 'PUT',
        headers: {
          authorization: 'Basic ' + Buffer.from(`admin:${a.admin.password}`).toString('base64'),
          'content-type': 'application/json',
        },
        body: JSON.stringify({ type: 'company', v: 1, branch: '*' }),
      });
      expect(put.status).toBe(201);
      const read = await fetch(`${b.url}/acme-master/company`, {
        headers: {
          authorization: 'Basic ' + Buffer.from(`admin:${b.admin.password}`).toString('base64'),
        },
      });
      expect(read.status).toBe(404);
      // Unrelated credentials do not cross over either.
      const cross = await fetch(`${b.url}/acme-master`, {
        headers: {
          authorization: 'Basic ' + Buffer.from(`admin:${a.admin.password}`).toString('base64'),
        },
      });
      expect(cross.status).toBe(401);
    } finally {
      await a.close();
      await b.close();
    }
  });
});
