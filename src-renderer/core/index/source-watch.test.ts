import { indexedDB, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from '../db/pouch';
import { nodePouchEnv } from '../db/pouch-node';
import { IndexDb } from './index-db';
import { note, noteRegistry, noteTexts } from './note-fixture';
import { Projector } from './projector';

/**
 * The projector has no live changes feed (it read every new document in full on each write):
 * LocalWrites and pulls call `later()`, and any other write is found by comparing each
 * source's update_seq with what the index read, at each settle and every second.
 */
const env = nodePouchEnv(`source-watch-${Date.now()}-`);
const opened: { close(): unknown }[] = [];
afterEach(async () => {
  for (const o of opened.splice(0)) await o.close();
});

async function setUp() {
  const db: Db = new env.PouchDB(`branch-nyc-${Math.random()}`, { adapter: env.localAdapter });
  const index = new IndexDb(
    `source-watch-${Math.random()}`,
    { indexedDB, IDBKeyRange },
    noteTexts.stores,
  );
  let batches = 0;
  const events = {
    changed: () => void batches++,
    status: () => undefined,
    progress: () => undefined,
  };
  const projector = new Projector(index, noteRegistry, new Map([['branch-nyc', db]]), events, [
    noteTexts,
  ]);
  opened.push(projector, index);
  projector.start();
  await projector.settle();
  return { db, index, projector, batches: () => batches };
}

const indexed = (index: IndexDb) =>
  index
    .table('noteTexts')
    .toArray()
    .then((rows) => rows.map((r: { text: string }) => r.text).sort());

describe('how the projector hears of writes', () => {
  it('settle() includes a write made straight to PouchDB, with no event about it', async () => {
    const { db, index, projector } = await setUp();
    await db.bulkDocs([note(1), note(2)]);
    await projector.settleProjections();
    expect(await indexed(index)).toEqual([
      'Delivery note 1 for Harbour Supplies',
      'Delivery note 2 for Harbour Supplies',
    ]);
    const saved = await db.get<{ text: string }>('note:00001');
    await db.put({ ...saved, text: 'Delivery note 1, corrected' });
    await projector.settle();
    expect(await indexed(index)).toContain('Delivery note 1, corrected');
  });

  it('without anyone asking, a write made another way is indexed within the poll', async () => {
    const { db, index } = await setUp();
    await db.put(note(7));
    // Waits on the condition (the poll is about a second), never on a fixed sleep.
    await expect
      .poll(() => indexed(index), { timeout: 15_000, interval: 50 })
      .toEqual(['Delivery note 7 for Harbour Supplies']);
  });

  it('later() (a local write, a pulled batch) catches up at once; nothing new reads nothing', async () => {
    const { db, index, projector, batches } = await setUp();
    const before = batches();
    await projector.settle();
    await projector.settle();
    expect(batches()).toBe(before);
    await db.put(note(9));
    projector.later('branch-nyc');
    await projector.settleProjections();
    expect(await indexed(index)).toEqual(['Delivery note 9 for Harbour Supplies']);
    expect(batches()).toBe(before + 1);
  });
});
