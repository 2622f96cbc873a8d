import { afterEach, describe, expect, it } from 'vitest';
import { nodePouchEnv } from '../db/pouch-node';
import { openDeviceDb, readLocal, type Db } from '../db/pouch';
import type { SyncOverview } from '../rpc/contract';
import { LocalWrites } from '../db/local-writes';
import { SyncEngine } from './engine';
import { PendingStore } from './pending-store';
import { poller } from '../testing/until';

const until = poller({ timeoutMs: 5_000, everyMs: 20 });

/**
 * The engine's own state on this device, without a server: the pending list survives a
 * restart, a start does not wait for it to be read back, and nothing recorded meanwhile is lost.
 */
const env = nodePouchEnv(`engine-test-${Date.now()}-`);
const opened: Db[] = [];
const engines: SyncEngine[] = [];

function db(name: string): Db {
  const d = openDeviceDb(env, name);
  opened.push(d);
  return d;
}

function engine(): { sync: SyncEngine; last: () => SyncOverview | null } {
  let last: SyncOverview | null = null;
  const sync = new SyncEngine({
    env,
    orgCode: 'acme',
    writes: new LocalWrites(),
    onStatus: (o) => (last = o),
  });
  engines.push(sync);
  return { sync, last: () => last };
}

afterEach(async () => {
  await Promise.all(engines.splice(0).map((e) => e.close()));
  await Promise.all(opened.splice(0).map((d) => d.destroy().catch(() => undefined)));
});

/** The pending list as the next start reads it back. */
async function savedList(local: Db): Promise<Record<string, string>> {
  const store = new PendingStore(local, 'outpost-sync-pending');
  await store.load();
  return Object.fromEntries([...store.keys()].map((id) => [id, store.get(id)!]));
}

const docs = (n: number, from = 0) =>
  Array.from({ length: n }, (_, i) => ({
    id: `journal:NYC-A-${from + i}`,
    rev: `1-${(from + i).toString(16)}`,
  }));

describe('the pending list on this device', () => {
  it('is saved and read back by the next start', async () => {
    const local = db('branch-nyc-1');
    const first = engine();
    await first.sync.addDatabase('branch-nyc', local);
    first.sync.markPending('branch-nyc', docs(250));
    await first.sync.close();

    const second = engine();
    await second.sync.addDatabase('branch-nyc', local);
    await until(
      async () => second.last()?.pending,
      (n) => n === 250,
      'the saved pending list',
    );
    expect(second.sync.overview().pending).toBe(250);
  });

  it('is kept apart from the small state, which holds its count for the first screen', async () => {
    const local = db('branch-nyc-2');
    const first = engine();
    await first.sync.addDatabase('branch-nyc', local);
    first.sync.markPending('branch-nyc', docs(40));
    await first.sync.close();

    const state = await readLocal<Record<string, unknown>>(local, 'outpost-sync');
    expect(state?.pendingCount).toBe(40);
    expect(state).not.toHaveProperty('pending');
    expect(Object.keys(await savedList(local))).toHaveLength(40);
  });

  it('shows the saved count at once, and a record saved before the list is read back is not lost', async () => {
    const local = db('branch-nyc-3');
    const first = engine();
    await first.sync.addDatabase('branch-nyc', local);
    first.sync.markPending('branch-nyc', docs(30));
    await first.sync.close();

    const second = engine();
    await second.sync.addDatabase('branch-nyc', local);
    // Straight after the start: the count saved last time, before the list itself is read.
    expect(second.sync.overview().pending).toBe(30);
    // A new revision of a document already waiting, and a new document.
    second.sync.markPending('branch-nyc', [
      { id: 'journal:NYC-A-0', rev: '2-new' },
      { id: 'journal:NYC-A-99', rev: '1-99' },
    ]);
    await second.sync.close();

    const list = await savedList(local);
    expect(Object.keys(list)).toHaveLength(31);
    expect(list['journal:NYC-A-0']).toBe('2-new');
    expect(list['journal:NYC-A-5']).toBe('1-5');
  });

  it('moves a list saved in the old layout (all in one document) to its own document', async () => {
    const local = db('branch-nyc-4');
    const pending = Object.fromEntries(docs(12).map((d) => [d.id, d.rev]));
    await local.put({
      _id: '_local/outpost-sync',
      pending,
      refused: [],
      withdrawn: [],
      lastSyncedAt: '2026-11-01T10:00:00.000Z',
    });

    const e = engine();
    await e.sync.addDatabase('branch-nyc', local);
    expect(e.sync.overview().pending).toBe(12);
    e.sync.markPending('branch-nyc', docs(1, 12));
    await e.sync.close();

    const state = await readLocal<Record<string, unknown>>(local, 'outpost-sync');
    expect(state).not.toHaveProperty('pending');
    expect(state?.lastSyncedAt).toBe('2026-11-01T10:00:00.000Z');
    expect(Object.keys(await savedList(local))).toHaveLength(13);
  });
});
