import { randomBytes } from 'node:crypto';
import { branchFields, deviceFields } from './test-docs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from './test-server';
import type { TestServer, TestUser } from './test-server';
import { itOnBundledServer } from './test-env';

// Every rule of validate_doc_update against a real sync server (the bundled one in memory, or
// the CouchDB in OUTPOST_TEST_COUCH_URL), through both write paths a client uses: a single
// PUT, and `_bulk_docs` with new_edits:false exactly as PouchDB replication sends it (the
// path pouchdb-server itself does not validate). Database and user names come from
// server.org / server.user() so the same tests can share a CouchDB with other runs.

const ALICE: TestUser = {
  name: 'alice',
  password: 'alice-pass-1',
  roles: ['admin', 'hq'],
  branches: ['NYC'],
};
const HANK: TestUser = { name: 'hank', password: 'hank-pass-1', roles: ['hq'] };
const BOB: TestUser = { name: 'bob', password: 'bob-pass-12', roles: ['clerk'], branches: ['NYC'] };
const CARL: TestUser = {
  name: 'carl',
  password: 'carl-pass-1',
  roles: ['clerk'],
  branches: ['BOS'],
};
const PAT: TestUser = { name: 'pat', password: 'pat-pass-12', roles: ['payroll'] };

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({
    org: 'acme',
    branches: ['NYC', 'BOS'],
    users: [ALICE, HANK, BOB, CARL, PAT],
  });
});
afterAll(async () => {
  await server?.close();
});

/** Someone signing in: a test user under their short name, or the server admin as is. */
interface Caller {
  name: string;
  password: string;
  serverAdmin?: boolean;
}

const auth = (u: Caller) => {
  const name = u.serverAdmin ? u.name : server.user(u.name);
  return 'Basic ' + Buffer.from(`${name}:${u.password}`).toString('base64');
};
const asAdmin = (): Caller => ({
  name: server.admin.username,
  password: server.admin.password,
  serverAdmin: true,
});
/** `<org>-master`, `<org>-branch-nyc`, …: the organisation's databases on this server. */
const db = (suffix: string) => `${server.org}-${suffix}`;

async function call(user: Caller | null, method: string, path: string, body?: unknown) {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (user) headers.authorization = auth(user);
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(server.url + path, {
    method,
    headers,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

const hex = () => randomBytes(16).toString('hex');
const newId = (prefix: string) => `${prefix}:${hex()}`;

type Doc = Record<string, unknown> & { _id: string };

/** What one document costs through a single PUT. */
async function putDoc(user: Caller, dbName: string, doc: Doc) {
  return call(user, 'PUT', `/${dbName}/${encodeURIComponent(doc._id)}`, doc);
}

/** The same document as a replication would push it: new_edits:false with a made-up revision. */
async function replicateDoc(user: Caller, dbName: string, doc: Doc, parentRev?: string) {
  const gen = parentRev ? Number(parentRev.split('-')[0]) + 1 : 1;
  const id = hex();
  const ids = parentRev ? [id, parentRev.split('-')[1]] : [id];
  const sent = { ...doc, _rev: `${gen}-${id}`, _revisions: { start: gen, ids } };
  const res = await call(user, 'POST', `/${dbName}/_bulk_docs`, {
    docs: [sent],
    new_edits: false,
  });
  expect(res.status).toBe(201);
  const entries = res.body as { id: string; error?: string; reason?: string }[];
  const mine = entries.find((e) => e.id === doc._id);
  return { refused: mine?.error ? mine : null, rev: sent._rev };
}

async function exists(dbName: string, id: string, rev?: string): Promise<boolean> {
  const res = await call(
    asAdmin(),
    'GET',
    `/${dbName}/${encodeURIComponent(id)}${rev ? `?rev=${rev}` : ''}`,
  );
  return res.status === 200;
}

interface Case {
  rule: string;
  /** The database without the organisation code: 'master', 'branch-nyc', … */
  db: string;
  user: TestUser;
  doc: () => Doc;
  reason?: RegExp;
}

const sale = (branch = 'NYC') => ({ _id: newId('sale'), type: 'sale', v: 1, branch });
const branchDoc = () => ({
  _id: newId('branch'),
  type: 'branch',
  v: 1,
  branch: '*',
  ...branchFields('LON'),
});

const ALLOWED: Case[] = [
  { rule: 'type and v present', db: 'branch-nyc', user: BOB, doc: () => sale() },
  {
    rule: 'master doc with branch "*" by head office',
    db: 'master',
    user: HANK,
    doc: branchDoc,
  },
  {
    rule: 'master data changed by an administrator',
    db: 'master',
    user: ALICE,
    doc: branchDoc,
  },
  {
    rule: 'a new device registered by a clerk',
    db: 'master',
    user: BOB,
    doc: () => ({ _id: newId('device'), type: 'device', v: 1, branch: '*', ...deviceFields() }),
  },
  {
    rule: 'branch doc of its own branch',
    db: 'branch-bos',
    user: CARL,
    doc: () => sale('BOS'),
  },
  {
    rule: 'files doc of its own branch',
    db: 'files-nyc',
    user: BOB,
    doc: () => ({ ...sale(), type: 'file' }),
  },
  {
    rule: 'head office writes any branch',
    db: 'branch-bos',
    user: HANK,
    doc: () => sale('BOS'),
  },
  {
    rule: 'payroll staff write payroll',
    db: 'payroll',
    user: PAT,
    doc: () => ({ _id: newId('payslip'), type: 'payslip', v: 1, branch: '*' }),
  },
];

const REFUSED: Case[] = [
  {
    rule: 'missing type',
    db: 'branch-nyc',
    user: BOB,
    doc: () => ({ _id: newId('x'), v: 1, branch: 'NYC' }),
    reason: /type and a schema version/,
  },
  {
    rule: 'v not a positive integer',
    db: 'branch-nyc',
    user: BOB,
    doc: () => ({ ...sale(), v: 0 }),
    reason: /type and a schema version/,
  },
  {
    rule: 'master doc with a branch code',
    db: 'master',
    user: HANK,
    doc: () => ({ ...branchDoc(), branch: 'NYC' }),
    reason: /"\*"/,
  },
  {
    rule: 'branch doc of another branch',
    db: 'branch-nyc',
    user: HANK,
    doc: () => sale('BOS'),
    reason: /BOS.*NYC/,
  },
  {
    rule: 'files doc of another branch',
    db: 'files-nyc',
    user: BOB,
    doc: () => ({ ...sale('BOS'), type: 'file' }),
    reason: /BOS.*NYC/,
  },
  {
    rule: 'master data changed by a clerk',
    db: 'master',
    user: BOB,
    doc: branchDoc,
    reason: /^Only an administrator or head office may change company master data \(branch\)\.$/,
  },
];

describe('validate_doc_update on the sync server', () => {
  for (const c of ALLOWED) {
    it(`accepts (${c.rule}) — single PUT`, async () => {
      const doc = c.doc();
      const res = await putDoc(c.user, db(c.db), doc);
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(await exists(db(c.db), doc._id)).toBe(true);
    });
    it(`accepts (${c.rule}) — replicated _bulk_docs`, async () => {
      const doc = c.doc();
      const { refused, rev } = await replicateDoc(c.user, db(c.db), doc);
      expect(refused).toBeNull();
      expect(await exists(db(c.db), doc._id, rev)).toBe(true);
    });
  }

  for (const c of REFUSED) {
    it(`refuses (${c.rule}) — single PUT with 403 forbidden`, async () => {
      const doc = c.doc();
      const res = await putDoc(c.user, db(c.db), doc);
      expect(res.status).toBe(403);
      expect(res.body.error).toBe('forbidden');
      expect(res.body.reason).toMatch(c.reason!);
      expect(await exists(db(c.db), doc._id)).toBe(false);
    });
    it(`refuses (${c.rule}) — replicated _bulk_docs entry`, async () => {
      const doc = c.doc();
      const { refused } = await replicateDoc(c.user, db(c.db), doc);
      expect(refused).toMatchObject({ id: doc._id, error: 'forbidden' });
      expect(refused!.reason).toMatch(c.reason!);
      expect(await exists(db(c.db), doc._id)).toBe(false);
    });
  }

  it('refuses a clerk changing an existing device (only new devices are open to all)', async () => {
    const device = { _id: newId('device'), type: 'device', v: 1, branch: '*', ...deviceFields() };
    const created = await putDoc(BOB, db('master'), device);
    expect(created.status).toBe(201);
    const edit = await putDoc(BOB, db('master'), {
      ...device,
      _rev: created.body.rev,
      label: 'Back office',
    });
    expect(edit.status).toBe(403);
    const { refused } = await replicateDoc(
      BOB,
      db('master'),
      { ...device, label: 'Back office' },
      created.body.rev,
    );
    expect(refused?.reason).toMatch(/\(device\)/);
  });

  it('refuses editing or deleting a posted document, single and replicated', async () => {
    const posted = { ...sale(), status: 'posted' };
    const created = await putDoc(BOB, db('branch-nyc'), posted);
    expect(created.status).toBe(201);
    const rev = created.body.rev as string;

    const edit = await putDoc(BOB, db('branch-nyc'), { ...posted, _rev: rev, amount: 5 });
    expect(edit.status).toBe(403);
    expect(edit.body.reason).toBe(
      'This document is posted and cannot be changed; post a correcting entry instead.',
    );

    const del = await call(ALICE, 'DELETE', `/${db('branch-nyc')}/${posted._id}?rev=${rev}`);
    expect(del.status).toBe(403);

    const replicatedEdit = await replicateDoc(BOB, db('branch-nyc'), { ...posted, amount: 5 }, rev);
    expect(replicatedEdit.refused?.reason).toMatch(/posted and cannot be changed/);
    const replicatedDelete = await replicateDoc(
      BOB,
      db('branch-nyc'),
      { _id: posted._id, _deleted: true },
      rev,
    );
    expect(replicatedDelete.refused?.reason).toMatch(/posted/);

    const current = await call(asAdmin(), 'GET', `/${db('branch-nyc')}/${posted._id}`);
    expect(current.body._rev).toBe(rev);
  });

  it('lets a draft be edited and deleted', async () => {
    const draft = { ...sale(), status: 'draft' };
    const created = await putDoc(BOB, db('branch-nyc'), draft);
    const edited = await putDoc(BOB, db('branch-nyc'), {
      ...draft,
      _rev: created.body.rev,
      status: 'posted',
    });
    expect(edited.status).toBe(201);
    const draft2 = { ...sale(), status: 'draft' };
    const created2 = await putDoc(BOB, db('branch-nyc'), draft2);
    const del = await call(
      BOB,
      'DELETE',
      `/${db('branch-nyc')}/${draft2._id}?rev=${created2.body.rev}`,
    );
    expect(del.status).toBe(200);
  });

  it('writes the accepted documents of a mixed _bulk_docs and reports the refused ones in order', async () => {
    const good1 = sale();
    const bad = sale('BOS');
    const good2 = sale();
    const res = await call(BOB, 'POST', `/${db('branch-nyc')}/_bulk_docs`, {
      docs: [good1, bad, good2],
    });
    expect(res.status).toBe(201);
    expect(res.body.map((r: { id: string }) => r.id)).toEqual([good1._id, bad._id, good2._id]);
    expect(res.body[0].ok).toBe(true);
    expect(res.body[1]).toMatchObject({ error: 'forbidden' });
    expect(res.body[2].ok).toBe(true);
    expect(await exists(db('branch-nyc'), good2._id)).toBe(true);
    expect(await exists(db('branch-nyc'), bad._id)).toBe(false);
  });

  it('lets a server admin write anything (the first rule of the function)', async () => {
    const res = await putDoc(asAdmin(), db('master'), { _id: newId('raw') });
    expect(res.status).toBe(201);
  });

  it('keeps design documents for database admins', async () => {
    const res = await putDoc(HANK, db('branch-nyc'), {
      _id: '_design/evil',
      validate_doc_update: 'function(){}',
    });
    expect(res.status).toBe(403);
    expect(res.body).toEqual({ error: 'forbidden', reason: 'You are not a db or server admin.' });
  });
});

describe('access to databases', () => {
  it('refuses reads by a non-member with 403 and by an anonymous caller with 401', async () => {
    for (const path of [
      `/${db('branch-nyc')}`,
      `/${db('branch-nyc')}/_all_docs`,
      `/${db('branch-nyc')}/_changes`,
    ]) {
      const res = await call(CARL, 'GET', path);
      expect(res.status).toBe(403);
      expect(res.body).toEqual({
        error: 'forbidden',
        reason: 'You are not allowed to access this db.',
      });
    }
    const revsDiff = await call(CARL, 'POST', `/${db('branch-nyc')}/_revs_diff`, { x: ['1-a'] });
    expect(revsDiff.status).toBe(403);
    expect((await call(PAT, 'GET', `/${db('branch-nyc')}/_all_docs`)).status).toBe(403);
    expect((await call(BOB, 'GET', `/${db('payroll')}/_all_docs`)).status).toBe(403);
    expect((await call(null, 'GET', `/${db('master')}/_all_docs`)).status).toBe(401);
  });

  it('lets members read', async () => {
    expect((await call(BOB, 'GET', `/${db('branch-nyc')}/_all_docs`)).status).toBe(200);
    expect((await call(BOB, 'GET', `/${db('master')}/_changes`)).status).toBe(200);
    expect((await call(HANK, 'GET', `/${db('branch-bos')}`)).status).toBe(200);
  });

  it('rejects a wrong password with 401', async () => {
    const res = await call(
      { name: 'bob', password: 'wrong-password' },
      'GET',
      `/${db('branch-nyc')}`,
    );
    expect(res.status).toBe(401);
  });

  it('lets only the server admin create or delete databases (anonymous PUT must not crash the server)', async () => {
    // Under the organisation's prefix, so a shared CouchDB's clean-up finds it if a step fails.
    const newDb = `/${db('newdb')}`;
    const notServerAdmin = { error: 'unauthorized', reason: 'You are not a server admin.' };
    const anonymous = await call(null, 'PUT', newDb);
    expect(anonymous.status).toBe(401);
    expect(anonymous.body).toEqual(notServerAdmin);
    const dbAdmin = await call(ALICE, 'PUT', newDb);
    expect(dbAdmin.status).toBe(401);
    expect(dbAdmin.body).toEqual(notServerAdmin);
    expect((await call(BOB, 'DELETE', `/${db('branch-nyc')}`)).status).toBe(401);
    expect((await call(asAdmin(), 'PUT', newDb)).status).toBe(201);
    expect((await call(asAdmin(), 'DELETE', newDb)).status).toBe(200);
    expect((await call(BOB, 'GET', `/${db('branch-nyc')}`)).status).toBe(200);
  });

  it('keeps the list of databases for the server admin', async () => {
    expect((await call(ALICE, 'GET', '/_all_dbs')).status).toBe(401); // as on CouchDB 3
    expect((await call(null, 'GET', '/_all_dbs')).status).toBe(401);
    expect((await call(asAdmin(), 'GET', '/_all_dbs')).status).toBe(200);
  });

  itOnBundledServer(
    'CouchDB lets any signed-in user start a replication under their own rights; this server has none',
  )('keeps server-side replication for the server admin', async () => {
    const res = await call(ALICE, 'POST', '/_replicate', { source: db('master'), target: 'x' });
    expect(res.status).toBe(401);
  });

  it('keeps _security for database admins', async () => {
    const res = await call(BOB, 'PUT', `/${db('branch-nyc')}/_security`, {
      members: { roles: [] },
    });
    expect(res.status).toBe(403);
    expect(res.body).toEqual({ error: 'forbidden', reason: 'You are not a db or server admin.' });
  });
});

// CORS here is this server's own middleware (server/cors.ts); on an Apache CouchDB it is
// whatever its admin put in the [cors] settings, so these only hold for the bundled server.
const itOnOurCors = itOnBundledServer("CORS comes from the CouchDB admin's [cors] settings");

describe('CORS', () => {
  itOnOurCors('answers the preflight of the web app with credentials allowed', async () => {
    const res = await fetch(`${server.url}/${db('master')}/_bulk_docs`, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://127.0.0.1:4319',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization,content-type',
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:4319');
    expect(res.headers.get('access-control-allow-credentials')).toBe('true');
    expect(res.headers.get('access-control-allow-methods')).toMatch(/PUT/);
    expect(res.headers.get('access-control-allow-headers')).toMatch(/authorization/);
  });

  itOnOurCors('allows the packaged app and refuses unknown origins', async () => {
    const ok = await fetch(`${server.url}/`, { headers: { origin: 'app://outpost' } });
    expect(ok.headers.get('access-control-allow-origin')).toBe('app://outpost');
    const bad = await fetch(`${server.url}/_session`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'GET' },
    });
    expect(bad.status).toBe(403);
    expect(bad.headers.get('access-control-allow-origin')).toBeNull();
  });
});
