import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { nodePouchEnv } from '../db/pouch-node';
import { openDeviceDb, readLocal, type Db } from '../db/pouch';
import { PendingStore, type SavedPendingBase } from './pending-store';

const env = nodePouchEnv(`pending-store-test-${Date.now()}-`);
const opened: Db[] = [];
let dbNo = 0;

function freshDb(): Db {
  const d = openDeviceDb(env, `pending-${dbNo++}`);
  opened.push(d);
  return d;
}

afterEach(async () => {
  await Promise.all(opened.splice(0).map((d) => d.destroy().catch(() => undefined)));
});

const BASE = 'outpost-sync-pending';

async function reopen(db: Db): Promise<PendingStore> {
  const store = new PendingStore(db, BASE);
  await store.load();
  return store;
}

const contents = (s: PendingStore) =>
  Object.fromEntries([...s.keys()].sort().map((id) => [id, s.get(id)!]));

type Op =
  | { op: 'set'; id: number; rev: number }
  | { op: 'delete'; id: number }
  | { op: 'save' }
  | { op: 'restart' }
  | { op: 'crash' };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      op: fc.constant('set' as const),
      id: fc.integer({ min: 0, max: 60 }),
      rev: fc.integer({ min: 1, max: 9 }),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      op: fc.constant('delete' as const),
      id: fc.integer({ min: 0, max: 60 }),
    }),
  },
  { weight: 3, arbitrary: fc.constant({ op: 'save' as const }) },
  { weight: 1, arbitrary: fc.constant({ op: 'restart' as const }) },
  { weight: 1, arbitrary: fc.constant({ op: 'crash' as const }) },
);

describe('the saved pending list', () => {
  it('reads back exactly what was saved, after any sequence of changes, saves, restarts and crashes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 120 }), async (ops) => {
        const db = freshDb();
        let store = await reopen(db);
        let live: Record<string, string> = {};
        let saved: Record<string, string> = {};
        for (const o of ops) {
          if (o.op === 'set') {
            store.set(`journal:${o.id}`, `${o.rev}-x`);
            live[`journal:${o.id}`] = `${o.rev}-x`;
          } else if (o.op === 'delete') {
            store.delete(`journal:${o.id}`);
            delete live[`journal:${o.id}`];
          } else if (o.op === 'save') {
            await store.save();
            saved = { ...live };
          } else if (o.op === 'restart') {
            await store.save();
            store = await reopen(db);
            saved = { ...live };
            expect(contents(store)).toEqual(Object.fromEntries(Object.entries(live).sort()));
          } else {
            // Whatever was not saved is gone; what was saved comes back.
            store = await reopen(db);
            live = { ...saved };
            expect(contents(store)).toEqual(Object.fromEntries(Object.entries(saved).sort()));
          }
        }
        await store.save();
        expect(contents(await reopen(db))).toEqual(Object.fromEntries(Object.entries(live).sort()));
        await db.destroy();
      }),
      { numRuns: 40 },
    );
  });

  it('writes only what changed when a long list changes a little', async () => {
    const db = freshDb();
    const store = await reopen(db);
    for (let i = 0; i < 10_000; i++) store.set(`journal:NYC-A-${i}`, `1-${i}`);
    await store.save();
    const base = await readLocal<SavedPendingBase>(db, BASE);
    expect(Object.keys(base!.pending)).toHaveLength(10_000);

    store.set('journal:NYC-A-10000', '1-new');
    store.delete('journal:NYC-A-3');
    await store.save();
    // The base is untouched; the change is one small log document.
    expect((await readLocal<SavedPendingBase>(db, BASE))!._rev).toBe(base!._rev);
    const log = await readLocal<{ set: Record<string, string>; del: string[] }>(
      db,
      `${BASE}-${base!.logFrom ?? 0}`,
    );
    expect(log).toMatchObject({
      set: { 'journal:NYC-A-10000': '1-new' },
      del: ['journal:NYC-A-3'],
    });

    const again = await reopen(db);
    expect(again.size).toBe(10_000);
    expect(again.get('journal:NYC-A-3')).toBeUndefined();
    expect(again.get('journal:NYC-A-10000')).toBe('1-new');
  });

  it('writes the whole list again once the changes add up, and removes the logs it replaces', async () => {
    const db = freshDb();
    const store = await reopen(db);
    for (let i = 0; i < 4_000; i++) store.set(`journal:NYC-A-${i}`, `1-${i}`);
    await store.save();
    const firstLog = (await readLocal<SavedPendingBase>(db, BASE))!.logFrom ?? 0;
    // The server accepts them a hundred at a time.
    for (let i = 0; i < 3_000; i++) {
      store.delete(`journal:NYC-A-${i}`);
      if (i % 100 === 99) await store.save();
    }
    const base = await readLocal<SavedPendingBase>(db, BASE);
    expect(base!.logFrom).toBeGreaterThan(firstLog);
    expect(Object.keys(base!.pending).length).toBeLessThan(4_000);
    expect(await readLocal(db, `${BASE}-${firstLog}`)).toBeNull();
    expect((await reopen(db)).size).toBe(1_000);
  });

  it('takes a list saved in the old layout and writes it in the new one', async () => {
    const db = freshDb();
    const store = new PendingStore(db, BASE);
    await store.load({ 'journal:NYC-A-1': '1-a', 'journal:NYC-A-2': '2-b' });
    expect(store.dirty).toBe(true);
    await store.save();
    expect(contents(await reopen(db))).toEqual({
      'journal:NYC-A-1': '1-a',
      'journal:NYC-A-2': '2-b',
    });
  });
});
