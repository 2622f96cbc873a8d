import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { LocalWrites } from '../../../core/db/local-writes';
import type { Db } from '../../../core/db/pouch';
import { nodePouchEnv } from '../../../core/db/pouch-node';
import { Repository } from '../../../core/db/repository';
import { SchemaRegistry } from '../../../core/db/schema-registry';
import { formatMoney } from '../../../core/format';
import type { JournalEntry, LedgerLine } from '../domain/schemas';
import { registerAccountsTypes } from './doc-types';

/**
 * The postings service as Accounts' documents meet it: the repository itself refuses a posted
 * entry whose base-currency lines do not balance, whoever builds it (a service, an import, a
 * module written later), before PouchDB sees it.
 */
const env = nodePouchEnv(`postings-${Date.now()}-`);
let db: Db | null = null;
afterEach(async () => {
  await db?.destroy();
  db = null;
});

function journals(): Repository<JournalEntry> {
  const registry = new SchemaRegistry();
  registerAccountsTypes(registry);
  db = new env.PouchDB(`branch-nyc-${Math.random()}`, { adapter: env.localAdapter });
  const ctx = () => ({
    userName: 'Bea Bookkeeper',
    deviceId: 'device:01NYCA',
    now: () => new Date('2026-04-02T09:30:00Z'),
    baseCurrency: 'USD',
  });
  return new Repository<JournalEntry>(
    db,
    'branch-nyc',
    registry,
    'journalEntry',
    ctx,
    new LocalWrites(),
  );
}

const usd = (account: string, debit: number, credit: number, memo = ''): LedgerLine => ({
  account,
  debit,
  credit,
  baseDebit: debit,
  baseCredit: credit,
  party: null,
  memo,
  branch: null,
});

function entry(lines: LedgerLine[], extra: Partial<JournalEntry> = {}) {
  return {
    number: 'NYC-A-JE-000007',
    date: '2026-04-02',
    memo: 'Office rent April',
    reference: '',
    status: 'posted',
    kind: 'manual',
    currency: 'USD',
    rate: '1',
    lines,
    reverses: null,
    postedAt: '2026-04-02T09:30:00.000Z',
    postedBy: 'Bea Bookkeeper',
    ...extra,
  } as never;
}

const docCount = async () => (await db!.info()).doc_count;

describe('the repository refuses postings that do not balance in base currency', () => {
  it('refuses an entry off by one cent, names the difference, and writes nothing', async () => {
    const repo = journals();
    await repo.create(entry([usd('6100', 250_000, 0), usd('1200', 0, 250_000)]), 'NYC');
    expect(await docCount()).toBe(1);

    await expect(
      repo.create(entry([usd('6100', 250_000, 0), usd('1200', 0, 249_999)]), 'NYC'),
    ).rejects.toMatchObject({
      code: 'validation',
      message:
        'This journal entry does not balance: debits exceed credits by $0.01. Nothing was saved.',
    });
    // A batch (an import) with one bad entry among good ones writes none of them.
    const good = repo.build(entry([usd('6300', 480_000, 0), usd('1200', 0, 480_000)]), 'NYC');
    expect(() =>
      repo.build(entry([usd('6300', 480_000, 0), usd('1200', 0, 480_001)]), 'NYC'),
    ).toThrow(/credits exceed debits by \$0\.01/);
    const forged = {
      ...good,
      _id: `${good._id}X`,
      lines: [usd('6300', 480_000, 0), usd('1200', 0, 480_001)],
    };
    await expect(repo.createMany([good, forged])).rejects.toMatchObject({ code: 'validation' });
    expect(await docCount()).toBe(1);
  });

  it('refuses posting a draft whose lines do not balance, and leaves the draft as it was', async () => {
    const repo = journals();
    // Drafts post nothing, so an unbalanced one is the clerk's work in progress and is saved.
    const draft = await repo.create(
      entry([usd('6100', 250_000, 0), usd('1200', 0, 200_000)], { status: 'draft', number: null }),
      'NYC',
    );
    await expect(
      repo.update(draft._id, { status: 'posted', number: 'NYC-A-JE-000008' } as never),
    ).rejects.toThrow(/debits exceed credits by \$500\.00/);
    expect(await repo.get(draft._id)).toMatchObject({ status: 'draft', _rev: draft._rev });
  });

  it('refuses a foreign-currency entry that balances in euros but not in dollars', async () => {
    const repo = journals();
    // €1,000.00 at 1.0850: each side converted on its own and rounded differently.
    const lines: LedgerLine[] = [
      { ...usd('1200', 100_000, 0), baseDebit: 108_500, baseCredit: 0 },
      { ...usd('4100', 0, 60_000), baseDebit: 0, baseCredit: 65_101 },
      { ...usd('4100', 0, 40_000), baseDebit: 0, baseCredit: 43_400 },
    ];
    await expect(
      repo.create(entry(lines, { currency: 'EUR', rate: '1.085' }), 'NYC'),
    ).rejects.toThrow(
      'This journal entry does not balance: credits exceed debits by $0.01. Nothing was saved.',
    );
    expect(await docCount()).toBe(0);
  });

  it('passes any set of posted lines exactly when base debits equal base credits', () => {
    const repo = journals();
    const side = fc.record({
      debit: fc.boolean(),
      amount: fc.integer({ min: 1, max: 50_000_000 }),
      base: fc.integer({ min: 1, max: 60_000_000 }),
    });
    const toLine = (s: { debit: boolean; amount: number; base: number }, i: number): LedgerLine =>
      s.debit
        ? { ...usd(`6${100 + i}`, s.amount, 0), baseDebit: s.base, baseCredit: 0 }
        : { ...usd(`4${100 + i}`, 0, s.amount), baseDebit: 0, baseCredit: s.base };
    // Random lines seldom balance, so half the cases close with a base-only rounding line.
    const lines = fc
      .tuple(fc.array(side, { minLength: 2, maxLength: 8 }), fc.boolean())
      .map(([sides, close]) => {
        const out = sides.map(toLine);
        const diff = out.reduce((n, l) => n + l.baseDebit - l.baseCredit, 0);
        if (close && diff !== 0)
          out.push({
            ...usd('6990', 0, 0, 'Rounding'),
            baseDebit: diff < 0 ? -diff : 0,
            baseCredit: diff > 0 ? diff : 0,
          });
        return out;
      });
    fc.assert(
      fc.property(lines, (ls) => {
        const diff = ls.reduce((n, l) => n + l.baseDebit - l.baseCredit, 0);
        const build = () => repo.build(entry(ls), 'NYC');
        if (diff === 0) expect(build).not.toThrow();
        else expect(build).toThrow(`by ${formatMoney(Math.abs(diff), 'USD')}. Nothing was saved.`);
      }),
    );
  });
});
