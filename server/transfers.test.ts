import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { TestContext } from 'vitest';
import { startTestServer } from './test-server';
import type { TestServer, TestUser } from './test-server';
import { freshRev, kit } from './guard-test-kit';
import { dispatchDoc, receiptDoc } from './transfer-docs';

// Issue 12 item 3 against the bundled server: transfers live in the company-wide
// `<org>-transfers` database that every member reads; the source branch writes the dispatch,
// only the destination the receipt, nobody edits or deletes either, by any address form.

const BOB: TestUser = { name: 'bob', password: 'bob-pass-12', roles: ['clerk'], branches: ['NYC'] };
const MARIA: TestUser = {
  name: 'maria',
  password: 'maria-pass-1',
  roles: ['clerk'],
  branches: ['MNL'],
};
const HANK: TestUser = { name: 'hank', password: 'hank-pass-1', roles: ['hq'] };
const ALICE: TestUser = { name: 'alice', password: 'alice-pass-1', roles: ['admin'] };
const DB = '/acme-transfers';

let server: TestServer;
const { call, current, create, replicate } = kit(() => server);

beforeAll(async () => {
  server = await startTestServer({
    org: 'acme',
    branches: ['NYC', 'MNL'],
    users: [BOB, MARIA, HANK, ALICE],
  });
});
afterAll(async () => {
  await server?.close();
});
beforeEach((ctx: TestContext) => {
  if (server.external) ctx.skip(); // user names and the address forms are the bundled server's
});

const put = (who: TestUser, doc: { _id: string }) =>
  call(who, 'PUT', `${DB}/${encodeURIComponent(doc._id)}`, doc);

describe('the transfers database', () => {
  it('is provisioned for every member of the company to read', async () => {
    const d = dispatchDoc('NYC', 'MNL');
    await create(BOB, DB.slice(1), d);
    for (const who of [MARIA, HANK, ALICE, BOB]) {
      const res = await call(who, 'GET', `${DB}/${encodeURIComponent(d._id)}`);
      expect(res.status, who.name).toBe(200);
    }
    const feed = await call(MARIA, 'GET', `${DB}/_changes?include_docs=true`);
    expect(feed.body.results.map((r: { id: string }) => r.id)).toContain(d._id);
    expect((await call(null, 'GET', `${DB}/_all_docs`)).status).toBe(401);
  });
});

describe('only the source dispatches and only the destination receives', () => {
  it('lets NYC dispatch from NYC and refuses a dispatch written for MNL', async () => {
    expect((await put(BOB, dispatchDoc('NYC', 'MNL'))).status).toBe(201);
    const forMnl = dispatchDoc('MNL', 'NYC');
    const res = await put(BOB, forMnl);
    expect(res.status).toBe(403);
    expect(res.body).toEqual({
      error: 'forbidden',
      reason:
        'Only members of branch MNL may record this transferDispatch; you are not assigned to branch MNL.',
    });
    expect(await current(DB.slice(1), forMnl._id)).toBeNull();
  });

  it('refuses NYC recording the receipt of goods it sent to MNL; MNL may', async () => {
    const d = dispatchDoc('NYC', 'MNL');
    await create(BOB, DB.slice(1), d);
    const asMnl = receiptDoc(d);
    expect((await put(BOB, asMnl)).status).toBe(403);
    const underNyc = { ...receiptDoc(d), branch: 'NYC' };
    const res = await put(BOB, underNyc);
    expect(res.status).toBe(403);
    expect(res.body.reason).toMatch(/must be recorded as branch "MNL"/);
    // Head office records no branch's part; an administrator may.
    expect((await put(HANK, receiptDoc(d))).status).toBe(403);
    expect((await put(MARIA, asMnl)).status).toBe(201);
    expect((await put(ALICE, receiptDoc(d))).status).toBe(201);
    expect(await current(DB.slice(1), underNyc._id)).toBeNull();
  });
});

describe('no way around the rules', () => {
  it('refuses editing, deleting or attaching to a dispatch or receipt, even for an administrator', async () => {
    const d = dispatchDoc('NYC', 'MNL');
    const dRev = await create(BOB, DB.slice(1), d);
    const r = receiptDoc(d);
    const rRev = await create(MARIA, DB.slice(1), r);
    for (const [doc, rev, who] of [
      [d, dRev, BOB],
      [r, rRev, MARIA],
      [d, dRev, ALICE],
    ] as const) {
      const path = `${DB}/${encodeURIComponent(doc._id)}`;
      const edit = await call(who, 'PUT', path, { ...doc, _rev: rev, lines: [] });
      expect(edit.status, `edit as ${who.name}`).toBe(403);
      expect(edit.body.reason).toMatch(/posted and cannot be changed/);
      const del = await call(who, 'DELETE', `${path}?rev=${rev}`);
      expect(del.status, `delete as ${who.name}`).toBe(403);
      // An attachment is a new revision of the document too.
      const att = await call(who, 'PUT', `${path}/note.txt?rev=${rev}`, undefined, {
        raw: 'goods arrived damaged',
        headers: { 'content-type': 'text/plain' },
      });
      expect(att.status, `attachment as ${who.name}`).toBe(403);
      expect((await current(DB.slice(1), doc._id))?._rev).toBe(rev);
    }
  });

  it('refuses the same through _bulk_docs, new_edits:false, ?id= and _local/', async () => {
    const d = dispatchDoc('NYC', 'MNL');
    const dRev = await create(BOB, DB.slice(1), d);
    const forged = { ...receiptDoc(d) };
    const bulk = await call(BOB, 'POST', `${DB}/_bulk_docs`, {
      docs: [forged, dispatchDoc('MNL', 'NYC'), { ...d, _rev: dRev, memo: 'x' }],
    });
    expect(bulk.status).toBe(201);
    expect(bulk.body.map((e: { error?: string }) => e.error)).toEqual([
      'forbidden',
      'forbidden',
      'forbidden',
    ]);
    // Replicated writes: a receipt for MNL, and an invented history that rewrites the dispatch.
    expect((await replicate(BOB, DB.slice(1), forged, [freshRev(1)])).refused).toMatchObject({
      error: 'forbidden',
    });
    const rewritten = { ...d, lines: (d.lines as unknown[]).slice(0, 1) };
    const repl = await replicate(BOB, DB.slice(1), rewritten, [freshRev(9), freshRev(8)]);
    expect(repl.refused).toMatchObject({ error: 'forbidden' });
    const onTop = await replicate(BOB, DB.slice(1), rewritten, [freshRev(2), dRev]);
    expect(onTop.refused).toMatchObject({ error: 'forbidden' });
    // Another address carrying the receipt's id, or a local document standing in for it.
    const other = receiptDoc(d, 'NYC');
    for (const [method, path, body] of [
      [
        'PUT',
        `${DB}/${encodeURIComponent(other._id)}?id=${forged._id}`,
        { ...forged, _id: undefined },
      ],
      ['PUT', `${DB}/_local/${encodeURIComponent(forged._id)}`, forged],
      ['PUT', `${DB}/_local/x`, forged],
    ] as const) {
      expect((await call(BOB, method, path, body)).status, path).toBe(400);
    }
    expect((await call(BOB, 'POST', DB, forged)).status).toBe(403);
    const copy = await call(BOB, 'COPY', `${DB}/${encodeURIComponent(d._id)}`, undefined, {
      headers: { destination: forged._id },
    });
    expect(copy.status).toBe(403);
    expect(await current(DB.slice(1), forged._id)).toBeNull();
    expect((await current(DB.slice(1), d._id))?._rev).toBe(dRev);
    expect((await current(DB.slice(1), d._id))?.lines).toEqual(d.lines);
  });
});
