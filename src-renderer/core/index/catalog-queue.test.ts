import { indexedDB, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from '../db/pouch';
import { nodePouchEnv } from '../db/pouch-node';
import { CatalogQueue, lagKey } from './catalog-queue';
import { IndexDb } from './index-db';
import { note, noteRegistry, noteTexts } from './note-fixture';
import { Projector } from './projector';

/**
 * A bulk catch-up writes its projections first and its catalog rows after (catalog-queue.ts):
 * the projections are complete when `settleProjections` resolves, the catalog when `settle`
 * does, and a catalog left behind by a stop in between is read again at the next start.
 */
const env = nodePouchEnv(`catalog-queue-${Date.now()}-`);
const events = { changed: () => undefined, status: () => undefined, progress: () => undefined };
const opened: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const o of opened.splice(0)) await o.close();
});

async function setUp(count: number) {
  const db: Db = new env.PouchDB(`branch-nyc-${Math.random()}`, { adapter: env.localAdapter });
  await db.bulkDocs(Array.from({ length: count }, (_, i) => note(i + 1)));
  const name = `catalog-queue-${Math.random()}`;
  const index = new IndexDb(name, { indexedDB, IDBKeyRange }, noteTexts.stores);
  return { db, index, name };
}

function projector(index: IndexDb, db: Db, catalogLagRows?: number) {
  const p = new Projector(index, noteRegistry, new Map([['branch-nyc', db]]), events, [noteTexts], {
    batchSize: 10,
    ...(catalogLagRows ? { catalogLagRows } : {}),
  });
  opened.push(p);
  return p;
}

describe('the catalog of a bulk catch-up', () => {
  it('comes after the projections and is complete once settled, with no lag left', async () => {
    const { db, index } = await setUp(35);
    const p = projector(index, db);
    p.start();
    await p.settleProjections();
    expect(await index.table('noteTexts').count()).toBe(35);
    await p.settle();
    expect(await index.catalog.count()).toBe(35);
    expect((await index.catalog.get('note:00007'))?.title).toBe(
      'Delivery note 7 for Harbour Supplies',
    );
    expect(await index.meta.get(lagKey('branch-nyc'))).toBeUndefined();

    // An edit after the bulk catch-up (a small batch) lands in the catalog at once, as before.
    const doc = await db.get<{ text: string }>('note:00007');
    await db.put({ ...doc, text: 'Delivery note 7, corrected' });
    // Written straight to PouchDB here, so the catch-up is asked for (the app's writes register).
    await p.schedule('branch-nyc');
    await p.settle();
    expect((await index.catalog.get('note:00007'))?.title).toBe('Delivery note 7, corrected');
  });

  it('is written by the next batch once the backlog is long, in order, so it never piles up', async () => {
    const { db, index } = await setUp(0);
    const p = projector(index, db, 25);
    p.start();
    await p.settle();
    // Written while the projector catches up: batches of 10 queue until 25 rows wait, and the
    // next batch writes them with its own.
    const written = db.bulkDocs(Array.from({ length: 57 }, (_, i) => note(i + 1)));
    await written;
    await p.schedule('branch-nyc');
    const seen = await index.catalog.count();
    expect(seen).toBeGreaterThanOrEqual(30);
    await p.settle();
    expect(await index.catalog.count()).toBe(57);
    expect(await index.meta.get(lagKey('branch-nyc'))).toBeUndefined();
  });

  it('left behind by a stop is read again at the next start', async () => {
    const { db, index } = await setUp(23);
    const first = projector(index, db);
    first.start();
    await first.settle();
    // What a stop between the projections and the catalog leaves: the rows missing (one of
    // them stale), and the lag noted from the start of the feed.
    await index.catalog.bulkDelete(['note:00003', 'note:00020']);
    await index.catalog.update('note:00011', { title: 'stale' });
    await index.meta.put({ key: lagKey('branch-nyc'), value: 0 });
    await first.close();

    const again = projector(index, db);
    again.start();
    await again.settle();
    expect(await index.catalog.count()).toBe(23);
    expect((await index.catalog.get('note:00003'))?.title).toBe(
      'Delivery note 3 for Harbour Supplies',
    );
    expect((await index.catalog.get('note:00011'))?.title).toBe(
      'Delivery note 11 for Harbour Supplies',
    );
    expect(await index.meta.get(lagKey('branch-nyc'))).toBeUndefined();
    expect(await index.table('noteTexts').count()).toBe(23);
  });

  it('is cleared with everything else by a rebuild, lag included', async () => {
    const { db, index } = await setUp(25);
    const p = projector(index, db);
    p.start();
    await p.settle();
    await index.meta.put({ key: lagKey('branch-nyc'), value: 0 });
    await p.rebuild();
    await p.settle();
    expect(await index.catalog.count()).toBe(25);
    expect(await index.meta.get(lagKey('branch-nyc'))).toBeUndefined();
  });

  it('tells where a queued document lives before its row is written, in order', async () => {
    const { index } = await setUp(0);
    await index.catalog.put({
      id: 'transferDispatch:01A',
      db: 'branch-mnl',
      type: 'transferDispatch',
      branch: 'MNL',
      createdAt: '',
      updatedAt: '',
      title: 'Transfer',
      tokens: [],
      readOnly: false,
    });
    const q = new CatalogQueue(index);
    const row = (id: string, db: string) => ({
      id,
      db,
      type: 'note',
      branch: 'NYC',
      createdAt: '',
      updatedAt: '',
      title: id,
      tokens: [],
      readOnly: false,
    });
    const told = { types: ['note'], conflicts: false };
    const a = q.add(
      'branch-nyc',
      [row('note:1', 'branch-nyc'), row('note:2', 'branch-nyc')],
      [],
      told,
    );
    const b = q.add('branch-nyc', [], ['note:2'], told);
    const where = await q.dbOf(['note:1', 'note:2', 'transferDispatch:01A', 'note:9']);
    expect(Object.fromEntries(where)).toEqual({
      'note:1': 'branch-nyc',
      'transferDispatch:01A': 'branch-mnl',
    });
    // Nothing is written before its batch commits; a failed batch is dropped, never written.
    expect(await q.writeSome()).toBeNull();
    a.state = 'committed';
    b.state = 'failed';
    expect(await q.writeSome()).toEqual([{ db: 'branch-nyc', types: ['note'], conflicts: false }]);
    expect(await q.writeSome()).toBeNull();
    expect(q.size).toBe(0);
    expect((await index.catalog.bulkGet(['note:1', 'note:2'])).map((r) => r?.db)).toEqual([
      'branch-nyc',
      'branch-nyc',
    ]);
  });
});
