import { indexedDB, IDBKeyRange } from 'fake-indexeddb';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalWrites } from '../../../core/db/local-writes';
import type { Db } from '../../../core/db/pouch';
import { nodePouchEnv } from '../../../core/db/pouch-node';
import { Repository } from '../../../core/db/repository';
import { SchemaRegistry } from '../../../core/db/schema-registry';
import { IndexDb } from '../../../core/index/index-db';
import { Projector } from '../../../core/index/projector';
import type { JournalEntry } from '../domain/schemas';
import { registerAccountsTypes } from './doc-types';
import { LEDGER_STORES, ledgerProjection, ledgerTables, type LedgerRow } from './ledger-projection';
import { accountSpan, linesBetween, sumRange } from './report-sums';

/**
 * Report sums read aggregates for whole months, one branch's aggregates by their own key, and
 * the edges' lines per account. Whatever the range and branch, they must agree with adding up
 * every ledger line by hand.
 */
const env = nodePouchEnv(`report-sums-${Date.now()}-`);
const registry = new SchemaRegistry();
registerAccountsTypes(registry);
let db: Db;
let index: IndexDb;
let projector: Projector;
let all: LedgerRow[] = [];

const line = (account: string, debit: number, credit: number, branch: string | null) => ({
  account,
  debit,
  credit,
  baseDebit: debit,
  baseCredit: credit,
  party: null,
  memo: '',
  branch,
});

beforeAll(async () => {
  db = new env.PouchDB(`branch-nyc-${Math.random()}`, { adapter: env.localAdapter });
  index = new IndexDb(`report-sums-${Math.random()}`, { indexedDB, IDBKeyRange }, LEDGER_STORES);
  projector = new Projector(
    index,
    registry,
    new Map([['branch-nyc', db]]),
    { changed: () => undefined, status: () => undefined, progress: () => undefined },
    [ledgerProjection],
  );
  const journals = new Repository<JournalEntry>(
    db,
    'branch-nyc',
    registry,
    'journalEntry',
    () => ({
      userName: 'Bea Bookkeeper',
      deviceId: 'device:01NYCA',
      now: () => new Date('2026-04-30T16:00:00Z'),
      baseCurrency: 'USD',
    }),
    new LocalWrites(),
  );
  // Three months of sales, purchases and rent; every fifth sale books its tax to Boston, as a
  // head-office entry that splits a line to another branch does.
  const entries: JournalEntry[] = [];
  for (let n = 0; n < 90; n++) {
    // Seventeen months from November 2024, every tenth entry on its month's last day: ranges
    // cross years, whole years and months, and edges long and short.
    const month = new Date(Date.UTC(2024, 10 + (n % 17), 1));
    const y = month.getUTCFullYear();
    const m = month.getUTCMonth() + 1;
    const day = n % 10 === 0 ? new Date(Date.UTC(y, m, 0)).getUTCDate() : 1 + ((n * 11) % 28);
    const date = `${y}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    const amount = 5_000 + ((n * 7919) % 40_000);
    const tax = Math.round(amount * 0.2);
    const lines =
      n % 3 === 0
        ? [line('1200', amount + tax, 0, null), line('4100', 0, amount, null)].concat(
            line('2200', 0, tax, n % 5 === 0 ? 'BOS' : null),
          )
        : n % 3 === 1
          ? [line('5100', amount, 0, null), line('1200', 0, amount, null)]
          : [line('6100', amount, 0, 'BOS'), line('1200', 0, amount, 'BOS')];
    entries.push(
      journals.build(
        {
          number: `NYC-A-JE-${String(n + 1).padStart(6, '0')}`,
          date,
          memo: 'Day book',
          reference: `DB-${n}`,
          status: 'posted',
          kind: 'manual',
          currency: 'USD',
          rate: '1',
          lines,
          reverses: null,
          postedAt: '2026-04-30T16:00:00.000Z',
          postedBy: 'Bea Bookkeeper',
        },
        'NYC',
      ),
    );
  }
  await journals.createMany(entries);
  projector.start();
  await projector.settle();
  all = await ledgerTables(index).lines.toArray();
  expect(all).toHaveLength(90 * 2 + 30);
});

afterAll(async () => {
  await projector.close();
  await index.delete();
  await db.destroy();
});

function byHand(from: string | null, to: string, branch: string | null) {
  const totals = new Map<string, { debit: number; credit: number }>();
  for (const l of all) {
    if ((from && l.date < from) || l.date > to || (branch && l.branch !== branch)) continue;
    const t = totals.get(l.account) ?? { debit: 0, credit: 0 };
    t.debit += l.debit;
    t.credit += l.credit;
    totals.set(l.account, t);
  }
  return totals;
}

const RANGES: [string | null, string][] = [
  [null, '2026-03-31'],
  [null, '2025-12-31'],
  [null, '2025-07-29'],
  ['2025-01-01', '2025-12-31'],
  ['2024-12-15', '2026-01-20'],
  ['2024-11-30', '2026-03-31'],
  ['2025-02-02', '2026-02-27'],
  ['2025-03-25', '2025-03-31'],
  ['2025-06-01', '2025-06-27'],
  ['2025-06-04', '2025-06-30'],
  ['2025-12-01', '2026-01-31'],
  [null, '2026-02-14'],
  ['2026-01-01', '2026-03-31'],
  ['2026-01-10', '2026-03-20'],
  ['2026-02-03', '2026-02-17'],
  ['2026-02-01', '2026-02-28'],
  ['2026-01-31', '2026-02-01'],
];

describe('report sums', () => {
  it('agree with the lines added up by hand for every range, consolidated and per branch', async () => {
    for (const branch of [null, 'NYC', 'BOS'])
      for (const [from, to] of RANGES)
        expect(await sumRange(index, from, to, branch), `${from}..${to} ${branch}`).toEqual(
          byHand(from, to, branch),
        );
  });

  it('agree with the lines added up by hand for any range and branch (property)', async () => {
    const day = fc
      .integer({ min: 0, max: 540 })
      .map((n) => new Date(Date.UTC(2024, 9, 1) + n * 86_400_000).toISOString().slice(0, 10));
    await fc.assert(
      fc.asyncProperty(
        fc.option(day),
        day,
        fc.constantFrom(null, 'NYC', 'BOS'),
        async (from, to, branch) => {
          expect(await sumRange(index, from, to, branch)).toEqual(byHand(from, to, branch));
        },
      ),
      { numRuns: 60 },
    );
  });

  it("give one account's opening, movement and line count as the lines do", async () => {
    for (const branch of [null, 'BOS'])
      for (const [from, to] of RANGES.filter((r): r is [string, string] => r[0] !== null)) {
        const mine = all.filter((l) => l.account === '1200' && (!branch || l.branch === branch));
        const net = (ls: LedgerRow[]) => ls.reduce((n, l) => n + l.debit - l.credit, 0);
        const inRange = mine.filter((l) => l.date >= from && l.date <= to);
        expect(await accountSpan(index, '1200', from, to, branch)).toEqual({
          opening: net(mine.filter((l) => l.date < from)),
          movement: net(inRange),
          lines: inRange.length,
        });
      }
  });

  it('lists the lines of a range by date and, within a date, by entry and line', async () => {
    const got = await linesBetween(index, '2026-02-03', '2026-02-17');
    const want = all
      .filter((l) => l.date >= '2026-02-03' && l.date <= '2026-02-17')
      .sort((a, b) => (a.date + a.id < b.date + b.id ? -1 : 1));
    expect(got.map((l) => l.id)).toEqual(want.map((l) => l.id));
  });
});
