import { indexedDB, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LocalWrites } from '../../../core/db/local-writes';
import type { Db } from '../../../core/db/pouch';
import { nodePouchEnv } from '../../../core/db/pouch-node';
import { Repository } from '../../../core/db/repository';
import { SchemaRegistry } from '../../../core/db/schema-registry';
import { IndexDb, type Projection } from '../../../core/index/index-db';
import { Projector } from '../../../core/index/projector';
import type { JournalEntry } from '../domain/schemas';
import { registerAccountsTypes } from './doc-types';
import { LEDGER_STORES, ledgerProjection, ledgerTables } from './ledger-projection';

/**
 * The index writes a long catch-up (an import, a first sync) in batches, opening each batch's
 * transaction while the previous one still commits. These pin what that must never change: the
 * ledger comes out the same whatever the batch size, and a batch that fails is never skipped.
 */
const env = nodePouchEnv(`ledger-batches-${Date.now()}-`);
const open: { index: IndexDb; projector: Projector }[] = [];
const dbs: Db[] = [];
afterEach(async () => {
  for (const o of open.splice(0)) {
    await o.projector.close();
    await o.index.delete();
  }
  for (const db of dbs.splice(0)) await db.destroy();
});

const registry = new SchemaRegistry();
registerAccountsTypes(registry);

function branchDb() {
  const db = new env.PouchDB(`branch-nyc-${Math.random()}`, { adapter: env.localAdapter });
  dbs.push(db);
  const journals = new Repository<JournalEntry>(
    db,
    'branch-nyc',
    registry,
    'journalEntry',
    () => ({
      userName: 'Bea Bookkeeper',
      deviceId: 'device:01NYCA',
      now: () => new Date('2026-03-31T16:00:00Z'),
      baseCurrency: 'USD',
    }),
    new LocalWrites(),
  );
  return { db, journals };
}

function indexOf(db: Db, batchSize?: number, extra: Projection[] = []) {
  const index = new IndexDb(
    `ledger-batches-${Math.random()}`,
    { indexedDB, IDBKeyRange },
    LEDGER_STORES,
  );
  const projector = new Projector(
    index,
    registry,
    new Map([['branch-nyc', db]]),
    { changed: () => undefined, status: () => undefined, progress: () => undefined },
    [ledgerProjection, ...extra],
    batchSize ? { batchSize } : {},
  );
  open.push({ index, projector });
  return { index, projector };
}

const line = (account: string, debit: number, credit: number) => ({
  account,
  debit,
  credit,
  baseDebit: debit,
  baseCredit: credit,
  party: null,
  memo: '',
  branch: null,
});

/** A cash sale as a bookkeeper posts it: bank against sales and sales tax. */
function sale(n: number, date: string, status: 'posted' | 'draft' = 'posted') {
  const net = 10_000 + n * 137;
  const tax = Math.round(net * 0.2);
  return {
    number: status === 'posted' ? `NYC-A-JE-${String(n).padStart(6, '0')}` : null,
    date,
    memo: `Cash sale ${n}`,
    reference: `Till ${n}`,
    status,
    kind: 'manual' as const,
    currency: 'USD',
    rate: '1',
    lines: [line('1200', net + tax, 0), line('4100', 0, net), line('2200', 0, tax)],
    reverses: null,
    postedAt: status === 'posted' ? '2026-03-31T16:00:00.000Z' : null,
    postedBy: status === 'posted' ? 'Bea Bookkeeper' : null,
  };
}

async function ledgerOf(index: IndexDb) {
  const t = ledgerTables(index);
  const lines = (await t.lines.toArray()).map((l) => [l.id, l.account, l.date, l.debit, l.credit]);
  const balances = (await t.balances.toArray())
    .filter((b) => b.lines !== 0 || b.debit !== 0 || b.credit !== 0)
    .map((b) => [b.account, b.branch, b.month, b.debit, b.credit, b.lines]);
  const docs = (await t.docs.toArray()).map((d) => [d.id, d.status, d.total]);
  return { lines, balances, docs, catalog: await index.catalog.count() };
}

describe('the index written in batches', () => {
  it('gives the same ledger in batches of two as in one batch, with a back-dated entry, a draft posted and an entry removed in between', async () => {
    const { db, journals } = branchDb();
    const small = indexOf(db, 2);
    const one = indexOf(db);
    const first: JournalEntry[] = [];
    for (let n = 1; n <= 5; n++) first.push(await journals.create(sale(n, `2026-03-0${n}`), 'NYC'));
    const draft = await journals.create(sale(6, '2026-03-10', 'draft'), 'NYC');
    small.projector.start();
    await small.projector.settle();
    expect((await ledgerOf(small.index)).lines).toHaveLength(15);

    // Later: the draft is posted, a February entry arrives late, one March entry is removed
    // (as a forged copy withdrawn would be), and the month goes on.
    await db.put({ ...draft, ...sale(6, '2026-03-10'), _rev: draft._rev });
    await journals.create(sale(7, '2026-02-27'), 'NYC');
    await db.remove(first[2]!._id, first[2]!._rev!);
    for (let n = 8; n <= 12; n++) await journals.create(sale(n, `2026-03-${n + 10}`), 'NYC');
    await small.projector.schedule('branch-nyc');
    one.projector.start();
    await one.projector.settle();

    const batched = await ledgerOf(small.index);
    expect(batched).toEqual(await ledgerOf(one.index));
    expect(batched.lines).toHaveLength(11 * 3);
    const bank = batched.balances.filter((b) => b[0] === '1200');
    expect(bank.map((b) => [b[2], b[5]])).toEqual([
      ['2026-02', 1],
      ['2026-03', 10],
    ]);
  });

  it('a batch that fails leaves the checkpoint where the last good batch ended; later batches wait for it', async () => {
    const { db, journals } = branchDb();
    const entries: JournalEntry[] = [];
    for (let n = 1; n <= 7; n++)
      entries.push(await journals.create(sale(n, `2026-03-1${n}`), 'NYC'));
    // The second batch (entries 3 and 4) fails as a full disk would fail its transaction.
    let diskFull = true;
    const failing: Projection = {
      stores: {},
      apply: async (_index, _db, changes) => {
        if (diskFull && changes.some((c) => c.id === entries[2]!._id))
          throw new Error('QuotaExceededError');
      },
    };
    const { index, projector } = indexOf(db, 2, [failing]);
    projector.start();
    await projector.settle();

    const t = ledgerTables(index);
    const written = new Set((await t.lines.toArray()).map((l) => l.docId));
    expect([...written].sort()).toEqual([entries[0]!._id, entries[1]!._id].sort());
    expect(await index.catalog.count()).toBe(2);
    const seqOfSecond = (await db.changes({ since: 0, limit: 2 })).last_seq;
    expect((await index.checkpoints.get('branch-nyc'))?.seq).toBe(seqOfSecond);

    // The disk has room again: the next catch-up starts at the failed batch, and nothing is
    // missing or counted twice.
    diskFull = false;
    await projector.schedule('branch-nyc');
    expect(await t.lines.count()).toBe(21);
    expect(await t.balances.get(['1200', 'NYC', '2026-03'])).toMatchObject({ lines: 7 });
  });

  it('reads each document once per batch (one schema check for the catalog and the ledger)', async () => {
    const { db, journals } = branchDb();
    for (let n = 1; n <= 6; n++) await journals.create(sale(n, `2026-03-0${n}`), 'NYC');
    const { index, projector } = indexOf(db, 4);
    const decode = vi.spyOn(registry, 'decode');
    try {
      projector.start();
      await projector.settle();
      expect(await ledgerTables(index).lines.count()).toBe(18);
      expect(decode).toHaveBeenCalledTimes(6);
    } finally {
      decode.mockRestore();
    }
  });
});
