import { indexedDB, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { SchemaRegistry } from '../../../core/db/schema-registry';
import { IndexDb } from '../../../core/index/index-db';
import { DerivedPostings } from '../../../core/postings/derived';
import { registerAccountsTypes } from './doc-types';
import { listDocs } from './doc-list';
import { LEDGER_STORES, ledgerProjection, ledgerTables } from './ledger-projection';

let index: IndexDb | null = null;
afterEach(async () => {
  await index?.delete();
  index = null;
});

function open(): IndexDb {
  index = new IndexDb(
    `ledger-projection-${Math.random()}`,
    { indexedDB, IDBKeyRange },
    LEDGER_STORES,
  );
  return index;
}

const line = (account: string, debit: number, credit: number) => ({
  account,
  debit,
  credit,
  baseDebit: debit,
  baseCredit: credit,
  memo: '',
  party: null,
  branch: 'NYC',
});

function entry(id: string, rev: string, date: string, lines: ReturnType<typeof line>[]) {
  return {
    _id: id,
    _rev: rev,
    type: 'journalEntry',
    status: 'posted',
    number: 'NYC-A-JE-000001',
    date,
    branch: 'NYC',
    currency: 'USD',
    memo: '',
    lines,
  };
}

function payment(id: string, rev: string, allocations: { documentId: string; amount: number }[]) {
  return {
    _id: id,
    _rev: rev,
    type: 'payment',
    status: 'posted',
    date: '2026-03-05',
    branch: 'NYC',
    currency: 'USD',
    amount: 500,
    allocations,
    posting: [line('1200', 500, 0), line('1300', 0, 500)],
  };
}

const registry = new SchemaRegistry();
registerAccountsTypes(registry);

async function apply(
  db: IndexDb,
  changes: { id: string; type: string; doc: Record<string, unknown> | null }[],
) {
  await db.transaction('rw', db.tables, () =>
    ledgerProjection.apply(db, 'branch-nyc', changes, { registry, derived: new DerivedPostings() }),
  );
}

describe('ledger projection', () => {
  it('replaces what an earlier revision contributed, and a deletion takes it all back', async () => {
    const db = open();
    const t = ledgerTables(db);
    // Ids that share a prefix must not touch each other's rows.
    const a = entry('journalEntry:01A', '1-a', '2026-03-10', [
      line('1200', 700, 0),
      line('4100', 0, 700),
    ]);
    const b = entry('journalEntry:01A0', '1-b', '2026-03-11', [
      line('1200', 50, 0),
      line('4100', 0, 50),
    ]);
    await apply(db, [
      { id: a._id, type: 'journalEntry', doc: a },
      { id: b._id, type: 'journalEntry', doc: b },
    ]);
    expect(await t.balances.get(['1200', 'NYC', '2026-03'])).toMatchObject({
      debit: 750,
      credit: 0,
      lines: 2,
    });

    // A later revision (e.g. a replicated correction) with three lines in another month.
    const a2 = entry('journalEntry:01A', '2-a', '2026-04-02', [
      line('1200', 300, 0),
      line('6100', 100, 0),
      line('4100', 0, 400),
    ]);
    await apply(db, [{ id: a._id, type: 'journalEntry', doc: a2 }]);
    expect(await t.balances.get(['1200', 'NYC', '2026-03'])).toMatchObject({ debit: 50, lines: 1 });
    expect(await t.balances.get(['1200', 'NYC', '2026-04'])).toMatchObject({
      debit: 300,
      lines: 1,
    });
    expect((await t.lines.toArray()).map((r) => r.id).sort()).toEqual([
      'journalEntry:01A#0',
      'journalEntry:01A#1',
      'journalEntry:01A#2',
      'journalEntry:01A0#0',
      'journalEntry:01A0#1',
    ]);

    await apply(db, [{ id: a._id, type: 'journalEntry', doc: null }]);
    expect(await t.balances.get(['1200', 'NYC', '2026-04'])).toMatchObject({
      debit: 0,
      credit: 0,
      lines: 0,
    });
    expect((await t.lines.toArray()).map((r) => r.docId)).toEqual([
      'journalEntry:01A0',
      'journalEntry:01A0',
    ]);
    expect(await t.docs.get(a._id)).toBeUndefined();
  });

  it("replaces a payment's allocations when it changes", async () => {
    const db = open();
    const t = ledgerTables(db);
    const p1 = payment('payment:01P', '1-p', [
      { documentId: 'tradeDoc:1', amount: 300 },
      { documentId: 'tradeDoc:2', amount: 200 },
    ]);
    await apply(db, [{ id: p1._id, type: 'payment', doc: p1 }]);
    const p2 = payment('payment:01P', '2-p', [{ documentId: 'tradeDoc:3', amount: 500 }]);
    await apply(db, [{ id: p1._id, type: 'payment', doc: p2 }]);
    expect((await t.allocations.toArray()).map((x) => [x.documentId, x.amount])).toEqual([
      ['tradeDoc:3', 500],
    ]);
    expect(await t.balances.get(['1200', 'NYC', '2026-03'])).toMatchObject({
      debit: 500,
      lines: 1,
    });
  });
});

describe('document lists', () => {
  it('filters by status and dates off the index, newest first, and says when a word search was limited', async () => {
    const db = open();
    const docs: Record<string, unknown>[] = [];
    for (let i = 1; i <= 9; i++) {
      const e = entry(`journalEntry:0${i}`, '1-x', `2026-03-0${i}`, [
        line('1200', 100, 0),
        line('4100', 0, 100),
      ]);
      docs.push({
        ...e,
        status: i % 3 === 0 ? 'draft' : 'posted',
        memo: i === 2 ? 'Rent March' : `Sale ${i}`,
      });
    }
    await apply(
      db,
      docs.map((d) => ({ id: String(d._id), type: 'journalEntry', doc: d })),
    );

    const drafts = await listDocs(db, { type: 'journalEntry', status: 'draft' });
    expect(drafts.rows.map((r) => r.date)).toEqual(['2026-03-09', '2026-03-06', '2026-03-03']);
    expect(drafts.total).toBe(3);
    const posted = await listDocs(db, {
      type: 'journalEntry',
      status: 'posted',
      from: '2026-03-02',
      to: '2026-03-05',
      limit: 2,
    });
    expect(posted).toMatchObject({ total: 3, searchLimited: false });
    expect(posted.rows.map((r) => r.date)).toEqual(['2026-03-05', '2026-03-04']);

    // A word search reads at most `scanLimit` of the newest documents, and says so.
    expect(await listDocs(db, { type: 'journalEntry', text: 'rent' }, 4)).toMatchObject({
      total: 0,
      searchLimited: true,
    });
    const found = await listDocs(db, { type: 'journalEntry', text: 'rent' }, 100);
    expect(found).toMatchObject({ total: 1, searchLimited: false });
    expect(found.rows[0]?.memo).toBe('Rent March');
  });
});
