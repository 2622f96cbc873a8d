import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { TestContext } from 'vitest';
import type { TestServer } from './test-server';
import { ALICE, BOB, CARL, device, journalEntry, kit, newId, startAcme } from './guard-test-kit';

// Issue 9, items 1–3: ways around the guard that a signed-in clerk (or nobody at all) found —
// `_users`, the security object's storage, and a document checked under one id but written
// under another. Each is tried through every address form express-pouchdb understands.

let server: TestServer;
const { call, asAdmin, current, create } = kit(() => server);

beforeAll(async () => {
  server = await startAcme();
});
afterAll(async () => {
  await server?.close();
});
beforeEach((ctx: TestContext) => {
  if (server.external) ctx.skip(); // the bundled server's own guard
});

const EVE = { name: 'eve', password: 'eve-pass-123' };
const eveDoc = {
  _id: 'org.couchdb.user:eve',
  name: 'eve',
  password: EVE.password,
  roles: [],
  type: 'user',
};

describe('_users is for the server admin only (item 1)', () => {
  it('refuses anonymous sign-up in every form, with CouchDB 3.5 codes, and creates nobody', async () => {
    const tries: [string, string, unknown][] = [
      ['PUT', '/_users/org.couchdb.user:eve', eveDoc],
      ['POST', '/_users', eveDoc],
      ['POST', '/_users/_bulk_docs', { docs: [eveDoc] }],
      ['PUT', '/_users/x?id=org.couchdb.user:eve', eveDoc],
    ];
    for (const [method, path, body] of tries) {
      const res = await call(null, method, path, body);
      expect(res.status, `${method} ${path}`).toBe(401);
      expect(res.type).toMatch(/json/);
      expect(res.body.error).toBe('unauthorized');
    }
    expect((await call(null, 'PUT', '/%5Fusers/org.couchdb.user:eve', eveDoc)).status).toBe(400);
    expect((await call(null, 'PUT', '/_users./org.couchdb.user:eve', eveDoc)).status).toBe(401);
    expect(await current('_users', 'org.couchdb.user:eve')).toBeNull();
  });

  it('never lets a user grant themselves roles, nor read user documents', async () => {
    const own = await current('_users', 'org.couchdb.user:bob');
    const escalated = { ...own, roles: ['admin', 'hq', 'payroll'] };
    const tries: [string, string, unknown?][] = [
      ['PUT', '/_users/org.couchdb.user:bob', escalated],
      ['POST', '/_users/_bulk_docs', { docs: [escalated] }],
      ['PUT', '/_users/_local/x', { roles: ['admin'] }],
      ['PUT', '/_users/_security', { admins: { names: ['bob'] } }],
      ['PUT', '/_users/_design/auth', { validate_doc_update: 'function(){}' }],
      ['GET', '/_users/org.couchdb.user:bob'],
      ['GET', '/_users/org.couchdb.user:alice'],
      ['POST', '/_users/_find', { selector: {} }],
      ['PUT', '/_users/org.couchdb.user:bob/photo.png'],
      ['GET', '/_users'],
    ];
    for (const [method, path, body] of tries) {
      const res = await call(BOB, method, path, body);
      expect(res.status, `${method} ${path}`).toBe(403);
      expect(res.body).toEqual({
        error: 'forbidden',
        reason: 'You are not allowed to access this db.',
      });
    }
    for (const path of ['/_users/_all_docs', '/_users/_changes']) {
      const res = await call(BOB, 'GET', path);
      expect(res.body).toEqual({ error: 'unauthorized', reason: 'You are not a server admin.' });
      expect(res.status).toBe(401);
    }
    expect((await current('_users', 'org.couchdb.user:bob'))?.roles).toEqual([
      'clerk',
      'branch:NYC',
    ]);
    expect((await call(BOB, 'GET', '/acme-payroll/_all_docs')).status).toBe(403);
  });

  it('lets the server admin create users and change roles', async () => {
    const res = await call(asAdmin(), 'PUT', '/_users/org.couchdb.user:eve', {
      ...eveDoc,
      roles: ['clerk'],
    });
    expect(res.status).toBe(201);
    expect((await call(EVE, 'GET', '/_session')).body.userCtx).toEqual({
      name: 'eve',
      roles: ['clerk'],
    });
    expect((await call(EVE, 'GET', '/acme-master/_all_docs')).status).toBe(200);
    expect((await call(asAdmin(), 'GET', '/_users/_all_docs')).status).toBe(200);
  });
});

describe('the security object is for the server admin only (item 2)', () => {
  const hijack = {
    _rev: '0-1',
    security: { admins: { roles: ['clerk'] }, members: { roles: ['clerk'] } },
  };
  const asSecurity = { members: { roles: ['clerk'] }, admins: { roles: ['clerk'] } };

  it('refuses a member writing _local/_security by any path, and keeps security and validation', async () => {
    const before = await call(asAdmin(), 'GET', '/acme-master/_security');
    const design = await current('acme-master', '_design/outpost');
    for (const who of [BOB, ALICE]) {
      const forbidden: [string, string, unknown?][] = [
        ['PUT', '/acme-master/_local/_security', hijack],
        ['DELETE', '/acme-master/_local/_security?rev=0-1'],
        ['POST', '/acme-master', { _id: '_local/_security', ...hijack }],
        ['COPY', '/acme-master/_local/_security'],
        // The name after `_local/` is read decoded, as express reads it.
        ['PUT', '/acme-master/_local/%5Fsecurity', hijack],
        ['PUT', '/acme-master/_local/%5F%73ecurity', hijack],
      ];
      for (const [method, path, body] of forbidden) {
        const res = await call(who, method, path, body, {
          headers: { destination: '_local/_security' },
        });
        expect(res.status, `${who.name} ${method} ${path}`).toBe(403);
        expect(res.body.error).toBe('forbidden');
      }
      for (const path of [
        '/acme-master/_local%2F_security',
        '/acme-master/%5Flocal/_security',
        '/acme-master//_local/_security',
        '/acme-master/_local/_security/',
      ]) {
        expect((await call(who, 'PUT', path, hijack)).status, path).toBe(400);
      }
      expect(
        (await call(who, 'PUT', '/acme-master/device:x?id=_local/_security', hijack)).status,
      ).toBe(400);
      const bulk = await call(who, 'POST', '/acme-master/_bulk_docs', {
        docs: [{ _id: '_local/_security', ...hijack }],
      });
      expect(bulk.body).toEqual([
        expect.objectContaining({ id: '_local/_security', error: 'forbidden' }),
      ]);
      const replicated = await call(who, 'POST', '/acme-master/_bulk_docs', {
        new_edits: false,
        docs: [{ _id: '_local/_security', ...hijack }],
      });
      expect(replicated.body[0]).toMatchObject({ error: 'forbidden' });
    }
    expect((await call(BOB, 'PUT', '/acme-master/_LOCAL/_security', hijack)).status).toBe(403);
    expect((await call(BOB, 'PUT', '/acme-master/_security', asSecurity)).status).toBe(403);
    expect(
      (
        await call(BOB, 'PUT', '/acme-master/_design/outpost', {
          ...design,
          validate_doc_update: 'function(){}',
        })
      ).status,
    ).toBe(403);
    expect((await call(asAdmin(), 'GET', '/acme-master/_security')).body).toEqual(before.body);
    expect((await current('acme-master', '_design/outpost'))?._rev).toBe(design?._rev);
  });

  it('lets members read /_security and only database admins read _local/_security', async () => {
    expect((await call(BOB, 'GET', '/acme-master/_security')).status).toBe(200);
    expect((await call(BOB, 'GET', '/acme-master/_local/_security')).status).toBe(403);
    const bulkGet = await call(BOB, 'POST', '/acme-master/_bulk_get', {
      docs: [{ id: '_local/_security' }],
    });
    expect(bulkGet.status).toBe(403);
    expect((await call(ALICE, 'GET', '/acme-master/_local/_security')).status).toBe(200);
  });

  it('lets a database admin set /_security, as CouchDB does', async () => {
    const sec = (await call(asAdmin(), 'GET', '/acme-master/_security')).body;
    expect((await call(ALICE, 'PUT', '/acme-master/_security', sec)).status).toBe(200);
    expect((await call(BOB, 'GET', '/acme-master/_all_docs')).status).toBe(200);
  });
});

describe('a write is checked under the id it is written under (item 3)', () => {
  it('refuses a body _id or ?id= that differs from the address', async () => {
    const master = device();
    await create(ALICE, 'acme-master', master);
    const res = await call(CARL, 'PUT', `/acme-master/${newId('device')}`, {
      ...device(),
      _id: master._id,
    });
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('bad_request');
    expect((await current('acme-master', master._id))?.label).toBe(master.label);

    const posted = journalEntry('posted');
    const rev = await create(BOB, 'acme-branch-nyc', posted);
    const edited = { ...posted, memo: 'changed', lines: [] };
    const draft = journalEntry('draft');
    const draftRev = await create(BOB, 'acme-branch-nyc', draft);
    const tries: [string, string, unknown?][] = [
      [
        'PUT',
        `/acme-branch-nyc/${newId('journalEntry')}?id=${posted._id}&rev=${rev}`,
        { ...edited, _id: undefined },
      ],
      [
        'PUT',
        `/acme-branch-nyc/${newId('journalEntry')}?id="${posted._id}"&rev=${rev}`,
        { ...edited, _id: undefined },
      ],
      ['PUT', `/acme-branch-nyc/_local/x`, { ...edited, _rev: rev }],
      ['DELETE', `/acme-branch-nyc/${draft._id}?id=${posted._id}&rev=${rev}`],
      ['PUT', `/acme-branch-nyc/${draft._id}/receipt.txt?id=${posted._id}&rev=${draftRev}`],
    ];
    for (const [method, path, body] of tries) {
      const r = await call(BOB, method, path, body);
      expect(r.status, `${method} ${path}`).toBe(400);
    }
    const viaPost = await call(BOB, 'POST', '/acme-branch-nyc', { ...edited, _rev: rev });
    expect(viaPost.status).toBe(403);
    expect(viaPost.body.reason).toMatch(/posted/);
    const copy = await call(BOB, 'COPY', `/acme-branch-nyc/${draft._id}`, undefined, {
      headers: { destination: `${posted._id}?rev=${rev}` },
    });
    expect(copy.status).toBe(403);
    expect(
      (await call(BOB, 'PUT', `/acme-branch-nyc/${newId('journalEntry')}`, { ...draft, _id: 5 }))
        .body,
    ).toMatchObject({ error: 'illegal_docid' });
    expect((await current('acme-branch-nyc', posted._id))?._rev).toBe(rev);
  });

  it('accepts a body _id equal to the address, and POST with its own _id', async () => {
    const je = journalEntry('draft');
    expect(
      (await call(BOB, 'PUT', `/acme-branch-nyc/${encodeURIComponent(je._id)}?id=${je._id}`, je))
        .status,
    ).toBe(201);
    const other = journalEntry('draft');
    const res = await call(BOB, 'POST', '/acme-branch-nyc', other);
    expect(res.status).toBe(201);
    expect(res.body.id).toBe(other._id);
    const local = await call(BOB, 'PUT', '/acme-branch-nyc/_local/checkpoint-1', {
      _id: '_local/checkpoint-1',
      last_seq: 5,
    });
    expect(local.status).toBe(201);
  });
});
