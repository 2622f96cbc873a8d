import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { TestContext } from 'vitest';
import { nodePouchEnv } from '../src-renderer/core/db/pouch-node';
import { openRemoteDb } from '../src-renderer/core/db/pouch';
import type { TestServer } from './test-server';
import { BOB, device, freshRev, hex, journalEntry, kit, startAcme } from './guard-test-kit';
import type { Doc } from './guard-test-kit';

// Issue 9, item 7 (server part): replicated writes (`new_edits:false`) are checked against
// the nearest revision of their history the server holds, and a history that would put a new
// live version beside a posted record is refused — while real PouchDB replication of edits,
// conflicts and deletions goes through untouched.

let server: TestServer;
const { call, asAdmin, current, create, replicate } = kit(() => server);
const env = nodePouchEnv(`guard-repl-${hex().slice(0, 8)}-`);
const NYC = 'acme-branch-nyc';
const FORGED = /posted on the server.*does not continue the posted version/;

beforeAll(async () => {
  server = await startAcme();
});
afterAll(async () => {
  await server?.close();
});
beforeEach((ctx: TestContext) => {
  if (server.external) ctx.skip(); // CouchDB 3.5 itself accepts forged histories
});

/** A draft written and then posted by BOB: [posted rev, draft rev]. */
async function postedEntry(): Promise<{ doc: Doc; postedRev: string; draftRev: string }> {
  const doc = journalEntry('draft');
  const draftRev = await create(BOB, NYC, doc);
  const postedRev = await create(BOB, NYC, { ...doc, _rev: draftRev, status: 'posted' });
  return { doc: { ...doc, status: 'posted' }, postedRev, draftRev };
}

async function conflictsOf(id: string): Promise<string[]> {
  const res = await call(asAdmin(), 'GET', `/${NYC}/${encodeURIComponent(id)}?conflicts=true`);
  return (res.body._conflicts as string[] | undefined) ?? [];
}

describe('replicated revisions of a posted record', () => {
  it('refuses an invented history that does not join the server (forged sibling)', async () => {
    const { doc, postedRev } = await postedEntry();
    const forged = { ...doc, status: 'draft', memo: 'Office supplies (paid twice)' };
    const res = await replicate(BOB, NYC, forged, [freshRev(50), freshRev(49)]);
    expect(res.status).toBe(201);
    expect(res.refused).toMatchObject({
      error: 'forbidden',
      reason: expect.stringMatching(FORGED),
    });
    expect((await current(NYC, doc._id))?._rev).toBe(postedRev);
    expect(await conflictsOf(doc._id)).toEqual([]);
  });

  it('refuses a branch off the draft the record was posted from', async () => {
    const { doc, postedRev, draftRev } = await postedEntry();
    const branch = await replicate(BOB, NYC, { ...doc, status: 'draft' }, [
      freshRev(3),
      freshRev(2),
      draftRev,
    ]);
    expect(branch.refused?.reason).toMatch(FORGED);
    expect(await conflictsOf(doc._id)).toEqual([]);
    expect((await current(NYC, doc._id))?._rev).toBe(postedRev);
  });

  it('checks offline edits pushed at once against the posted revision, not against nothing', async () => {
    const { doc, postedRev, draftRev } = await postedEntry();
    const history = [freshRev(4), freshRev(3), postedRev, draftRev];
    const edit = await replicate(BOB, NYC, { ...doc, memo: 'changed' }, history);
    expect(edit.refused?.reason).toBe(
      'This document is posted and cannot be changed; post a correcting entry instead.',
    );
    expect((await current(NYC, doc._id))?._rev).toBe(postedRev);
  });
});

describe('replicated revisions that are fine', () => {
  it('accepts a new record, a continued draft, and a mutable record created twice offline', async () => {
    const fresh = journalEntry('draft');
    expect((await replicate(BOB, NYC, fresh, [freshRev(1)])).refused).toBeNull();

    const draft = journalEntry('draft');
    const rev1 = await create(BOB, NYC, draft);
    const later = [freshRev(3), freshRev(2), rev1];
    expect(
      (await replicate(BOB, NYC, { ...draft, memo: 'edited twice offline' }, later)).refused,
    ).toBeNull();
    expect((await current(NYC, draft._id))?._rev).toBe(later[0]);

    // Same id, unrelated history: kept as a conflict (ids like ledgerSettings:company are fixed).
    const twin = await replicate(BOB, NYC, { ...draft, memo: 'the other device' }, [freshRev(1)]);
    expect(twin.refused).toBeNull();
    expect(await conflictsOf(draft._id)).toHaveLength(1);
  });

  it('still applies the roles to an unrelated history of an existing record', async () => {
    const dev = device();
    await create(asAdmin(), 'acme-master', dev);
    const res = await replicate(BOB, 'acme-master', { ...dev, label: 'Stolen desk' }, [
      freshRev(7),
    ]);
    expect(res.refused?.reason).toMatch(/Only an administrator or head office/);
  });
});

describe('real PouchDB replication', () => {
  const auth = { username: BOB.name, password: BOB.password };
  const remote = () => openRemoteDb(env, server.url, NYC, auth);
  const pushAll = async (local: PouchDB.Database) => local.replicate.to(remote());
  const pullAll = async (local: PouchDB.Database) => local.replicate.from(remote());

  it('pushes edits, conflicts, deletions and conflict resolutions without a refusal', async () => {
    const a = new env.PouchDB(`${env.prefix}a`, { adapter: env.localAdapter });
    const b = new env.PouchDB(`${env.prefix}b`, { adapter: env.localAdapter });
    const shared = journalEntry('draft');
    const gone = journalEntry('draft');
    await a.bulkDocs([shared, gone]);
    expect((await pushAll(a)).doc_write_failures).toBe(0);
    await pullAll(b);

    // Offline on both devices: several edits of the same draft, a deletion, a new entry.
    let onA = await a.get<Doc>(shared._id);
    onA = { ...onA, _rev: (await a.put({ ...onA, memo: 'A1' })).rev };
    await a.put({ ...onA, memo: 'A2' });
    let onB = await b.get<Doc>(shared._id);
    for (const memo of ['B1', 'B2', 'B3'])
      onB = { ...onB, memo, _rev: (await b.put({ ...onB, memo })).rev };
    await b.remove(await b.get(gone._id));
    await b.put(journalEntry('posted'));

    for (const db of [a, b, a]) expect((await pushAll(db)).doc_write_failures).toBe(0);
    await pullAll(a);
    const withConflicts = await a.get<Doc>(shared._id, { conflicts: true });
    expect(withConflicts._conflicts).toHaveLength(1);

    // Resolve on A by deleting the losing branch, as the Conflicts page does.
    await a.remove(shared._id, withConflicts._conflicts![0]!);
    const push = await pushAll(a);
    expect(push.doc_write_failures).toBe(0);
    expect(await conflictsOf(shared._id)).toEqual([]);
    expect((await call(BOB, 'GET', `/${NYC}/${gone._id}`)).status).toBe(404);
    await Promise.all([a.destroy(), b.destroy()]);
  });

  it('refuses a device pushing its draft edit of a record another device posted meanwhile', async () => {
    const a = new env.PouchDB(`${env.prefix}c`, { adapter: env.localAdapter });
    const b = new env.PouchDB(`${env.prefix}d`, { adapter: env.localAdapter });
    const entry = journalEntry('draft');
    await a.put(entry);
    await pushAll(a);
    await pullAll(b);
    await a.put({ ...(await a.get<Doc>(entry._id)), status: 'posted' });
    await b.put({ ...(await b.get<Doc>(entry._id)), memo: 'late draft edit' });
    expect((await pushAll(a)).doc_write_failures).toBe(0);
    const late = await pushAll(b);
    expect(late.doc_write_failures).toBe(1);
    expect((await current(NYC, entry._id))?.status).toBe('posted');
    expect(await conflictsOf(entry._id)).toEqual([]);
    await Promise.all([a.destroy(), b.destroy()]);
  });
});
