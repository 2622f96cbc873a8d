import { createRequire } from 'node:module';
import { branchFields, deviceFields } from './test-docs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESIGN_DOC_ID, addUser, disableUser, provision, resetPassword } from './provision';
import { startSyncServer } from './sync-server';
import type { SyncServer } from './sync-server';

const admin = { username: 'root', password: 'root-pass-1' };
let server: SyncServer;

beforeAll(async () => {
  server = await startSyncServer({ port: 0, inMemory: true, admin });
});
afterAll(async () => {
  await server?.close();
});

const basic = (u: string, p: string) => 'Basic ' + Buffer.from(`${u}:${p}`).toString('base64');
async function get(path: string, user = admin.username, password = admin.password) {
  const res = await fetch(server.url + path, {
    headers: { authorization: basic(user, password), accept: 'application/json' },
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe('provision', () => {
  it('creates the databases, security and validation once, and changes nothing the second time', async () => {
    const first = await provision({
      url: server.url,
      admin,
      org: 'beta',
      branches: ['NYC', 'bos'],
    });
    expect(first.databases.map((d) => d.name).sort()).toEqual(
      [
        'beta-branch-bos',
        'beta-branch-nyc',
        'beta-files-bos',
        'beta-files-nyc',
        'beta-master',
        'beta-payroll',
        'beta-transfers',
      ].sort(),
    );
    expect(first.databases.every((d) => d.created && d.designUpdated)).toBe(true);
    expect(first.cors).toMatchObject({ configured: true, nodes: ['node1@127.0.0.1'], failed: [] });
    // The web build `npm start` serves (port 4173) is allowed, not only the dev server.
    expect(first.cors.origins).toEqual(
      expect.arrayContaining(['http://127.0.0.1:4173', 'app://outpost']),
    );

    const ddoc = await get(`/beta-branch-nyc/${DESIGN_DOC_ID}`);
    const rev = ddoc.body._rev;

    const second = await provision({
      url: server.url,
      admin,
      org: 'beta',
      branches: ['NYC', 'BOS'],
    });
    expect(second.databases.every((d) => !d.created && !d.designUpdated)).toBe(true);
    expect((await get(`/beta-branch-nyc/${DESIGN_DOC_ID}`)).body._rev).toBe(rev);

    expect((await get('/beta-master/_security')).body).toEqual({
      admins: { names: [], roles: ['admin'] },
      members: { names: [], roles: ['admin', 'hq', 'manager', 'bookkeeper', 'clerk', 'payroll'] },
    });
    expect((await get('/beta-files-bos/_security')).body).toMatchObject({
      members: { roles: ['branch:BOS', 'hq', 'admin'] },
    });
    expect((await get('/beta-payroll/_security')).body).toMatchObject({
      members: { roles: ['payroll', 'admin'] },
    });
    // Inter-branch transfers: every member reads; validate_doc_update decides each branch's part.
    expect((await get('/beta-transfers/_security')).body).toMatchObject({
      members: { roles: ['admin', 'hq', 'manager', 'bookkeeper', 'clerk', 'payroll'] },
    });
    expect((await get(`/beta-transfers/${DESIGN_DOC_ID}`)).body.validate_doc_update).toContain(
      'var DOC_BRANCH = "member"',
    );
  });

  it('repairs a validation function that was changed by hand', async () => {
    await provision({ url: server.url, admin, org: 'gamma', branches: ['NYC'] });
    const ddoc = (await get(`/gamma-master/${DESIGN_DOC_ID}`)).body;
    await fetch(`${server.url}/gamma-master/${DESIGN_DOC_ID}`, {
      method: 'PUT',
      headers: {
        authorization: basic(admin.username, admin.password),
        'content-type': 'application/json',
      },
      body: JSON.stringify({ ...ddoc, validate_doc_update: 'function () {}' }),
    });
    const again = await provision({ url: server.url, admin, org: 'gamma', branches: ['NYC'] });
    expect(again.databases.find((d) => d.name === 'gamma-master')?.designUpdated).toBe(true);
  });

  it('explains bad input and bad credentials', async () => {
    await expect(
      provision({ url: server.url, admin, org: 'Bad Org', branches: ['NYC'] }),
    ).rejects.toThrow(/organisation code/);
    await expect(
      provision({ url: server.url, admin, org: 'acme', branches: ['new york'] }),
    ).rejects.toThrow(/branch code/);
    await expect(
      provision({
        url: server.url,
        admin: { ...admin, password: 'nope' },
        org: 'acme',
        branches: ['NYC'],
      }),
    ).rejects.toThrow(/admin user name or password is wrong/);
  });
});

describe('users', () => {
  it('adds, updates, resets and disables users', async () => {
    await provision({ url: server.url, admin, org: 'delta', branches: ['NYC'] });
    expect(
      await addUser({
        url: server.url,
        admin,
        name: 'dora',
        password: 'dora-pass-1',
        roles: ['clerk'],
        branches: ['nyc'],
      }),
    ).toEqual({
      created: true,
    });
    const session = await get('/_session', 'dora', 'dora-pass-1');
    expect(session.body.userCtx).toEqual({ name: 'dora', roles: ['clerk', 'branch:NYC'] });

    expect(
      await addUser({
        url: server.url,
        admin,
        name: 'dora',
        password: 'dora-pass-1',
        roles: ['hq'],
      }),
    ).toEqual({ created: false });
    expect((await get('/_session', 'dora', 'dora-pass-1')).body.userCtx).toEqual({
      name: 'dora',
      roles: ['hq'],
    });

    await resetPassword({ url: server.url, admin, name: 'dora', password: 'dora-pass-2' });
    expect((await get('/delta-master', 'dora', 'dora-pass-1')).status).toBe(401);
    expect((await get('/delta-master', 'dora', 'dora-pass-2')).status).toBe(200);

    await disableUser({ url: server.url, admin, name: 'dora' });
    // The guard caches sign-ins for a few seconds; /_session itself answers at once.
    expect((await get('/_session', 'dora', 'dora-pass-2')).status).toBe(401);
    await expect(
      resetPassword({ url: server.url, admin, name: 'nobody', password: 'whatever-1' }),
    ).rejects.toThrow(/no user called/);
  });
});

describe('replication from a PouchDB client', () => {
  it('pushes accepted documents and reports refused ones as "denied"', async () => {
    await provision({ url: server.url, admin, org: 'eps', branches: ['NYC'] });
    await addUser({
      url: server.url,
      admin,
      name: 'eve',
      password: 'eve-pass-12',
      roles: ['clerk'],
      branches: ['NYC'],
    });

    // The app's own PouchDB 9 (memory + http), as the Node side of the app uses it.
    const require = createRequire(import.meta.url);
    const PouchDB = (require('pouchdb-core') as PouchDB.Static)
      .plugin(require('pouchdb-adapter-memory'))
      .plugin(require('pouchdb-adapter-http'))
      .plugin(require('pouchdb-replication'));
    const local = new PouchDB(`client-${Date.now()}`, { adapter: 'memory' });
    const remote = new PouchDB(`${server.url}/eps-master`, {
      skip_setup: true,
      auth: { username: 'eve', password: 'eve-pass-12' },
    } as PouchDB.Configuration.RemoteDatabaseConfiguration);

    await local.bulkDocs([
      { _id: 'device:NYC:B', type: 'device', v: 1, branch: '*', ...deviceFields() },
      { _id: 'branch:LON', type: 'branch', v: 1, branch: '*', ...branchFields('LON') },
    ]);

    const denied: { id?: string; reason?: string }[] = [];
    const rep = local.replicate.to(remote);
    rep.on('denied', (err) => denied.push(err as { id?: string; reason?: string }));
    const result = await rep;

    expect(result.docs_written).toBe(1);
    expect(result.doc_write_failures).toBe(1);
    expect(denied).toHaveLength(1);
    expect(denied[0]?.id).toBe('branch:LON');
    expect(denied[0]?.reason).toMatch(/administrator or head office/);
    expect((await get('/eps-master/device:NYC:B')).status).toBe(200);
    expect((await get('/eps-master/branch:LON')).status).toBe(404);
    await local.destroy();
  });
});

describe('CORS for browsers', () => {
  const preflight = (origin: string) =>
    fetch(`${server.url}/zeta-master`, {
      method: 'OPTIONS',
      headers: {
        origin,
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'authorization',
      },
    });

  it('allows the shared-service origin given, keeps it when provisioning again, and says on which node', async () => {
    const report = await provision({
      url: server.url,
      admin,
      org: 'zeta',
      branches: ['NYC'],
      corsOrigins: ['https://Books.Example.com/'],
    });
    expect(report.cors.origins).toContain('https://books.example.com');
    expect(report.cors.nodes).toEqual(['node1@127.0.0.1']);
    const ok = await preflight('https://books.example.com');
    expect(ok.status).toBe(204);
    expect(ok.headers.get('access-control-allow-origin')).toBe('https://books.example.com');
    expect(ok.headers.get('access-control-allow-credentials')).toBe('true');
    expect((await preflight('https://elsewhere.example.com')).status).toBe(403);

    // Run again for a new branch without the option: the origin stays allowed.
    const again = await provision({
      url: server.url,
      admin,
      org: 'zeta',
      branches: ['NYC', 'BOS'],
    });
    expect(again.cors.origins).toContain('https://books.example.com');
    expect((await preflight('https://books.example.com')).status).toBe(204);
  });

  it('refuses an address that is not an origin before changing anything', async () => {
    await expect(
      provision({
        url: server.url,
        admin,
        org: 'theta',
        branches: ['NYC'],
        corsOrigins: ['https://books.example.com/outpost/'],
      }),
    ).rejects.toThrow(/scheme, host and port, e.g. https:\/\/books\.example\.com/);
    await expect(
      provision({ url: server.url, admin, org: 'theta', branches: ['NYC'], corsOrigins: ['*'] }),
    ).rejects.toThrow(/cannot be "\*"/);
    expect((await get('/theta-master')).status).toBe(404);
  });
});
