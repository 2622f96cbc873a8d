import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { withBaseAmounts } from './fx';
import {
  assertBalanced,
  checkLockDate,
  closingLines,
  docDifference,
  entryDifference,
  reversalLines,
} from './journal';
import type { ClosingBalance } from './journal';
import type { LedgerLine } from './schemas';
import { ACCOUNT_KINDS, ledgerLineSchema } from './schemas';
import { pairWithRateArb } from './test-arbitraries';

const l = (
  account: string,
  debit: number,
  credit: number,
  baseDebit = debit,
  baseCredit = credit,
): LedgerLine => ({
  account,
  debit,
  credit,
  baseDebit,
  baseCredit,
  party: null,
  memo: '',
  branch: null,
});

/** Debit-positive base balance per account. */
function balances(lines: readonly LedgerLine[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const x of lines) m.set(x.account, (m.get(x.account) ?? 0) + x.baseDebit - x.baseCredit);
  return m;
}

describe('entry totals', () => {
  it('adds base and document sides separately', () => {
    const lines = [l('1200', 10_000, 0, 10_825, 0), l('4100', 0, 10_000, 0, 10_824)];
    expect(entryDifference(lines)).toEqual({ debit: 10_825, credit: 10_824, difference: 1 });
    expect(docDifference(lines)).toEqual({ debit: 10_000, credit: 10_000, difference: 0 });
  });
});

describe('assertBalanced', () => {
  it('passes a balanced entry', () => {
    expect(() => assertBalanced([l('1200', 1250, 0), l('4100', 0, 1250)], 'USD')).not.toThrow();
  });

  it('names the difference with its currency', () => {
    expect(() => assertBalanced([l('1200', 2500, 0), l('4100', 0, 1250)], 'USD')).toThrow(
      'The entry does not balance: debits exceed credits by 12.50 USD.',
    );
    expect(() => assertBalanced([l('1200', 100, 0), l('4100', 0, 105)], 'JPY')).toThrow(
      'credits exceed debits by 5 JPY.',
    );
  });

  it('checks the base currency once the document currency balances', () => {
    expect(() =>
      assertBalanced(
        [l('1200', 10_000, 0, 10_825, 0), l('4100', 0, 10_000, 0, 10_824)],
        'EUR',
        'USD',
      ),
    ).toThrow(
      'The entry does not balance in the base currency: debits exceed credits by 0.01 USD.',
    );
  });
});

describe('reversalLines', () => {
  it('swaps both sides and keeps party, memo and branch', () => {
    const original: LedgerLine = {
      ...l('1100', 12_000, 0, 12_990, 0),
      party: 'party:C-1',
      memo: 'INV-7',
      branch: 'NYC',
    };
    expect(reversalLines([original])).toEqual([
      { ...original, debit: 0, credit: 12_000, baseDebit: 0, baseCredit: 12_990 },
    ]);
  });

  it('an entry plus its reversal leaves every account at zero (property)', () => {
    const amounts = fc.array(fc.integer({ min: 1, max: 1e8 }), { minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(amounts, amounts, pairWithRateArb, (debits, credits, p) => {
        const gap = debits.reduce((a, b) => a + b, 0) - credits.reduce((a, b) => a + b, 0);
        const draft = [
          ...debits.map((d, i) => ({ account: `${1000 + (i % 3)}`, debit: d, credit: 0 })),
          ...credits.map((c, i) => ({ account: `${2000 + (i % 3)}`, debit: 0, credit: c })),
          gap > 0
            ? { account: '3000', debit: 0, credit: gap }
            : { account: '3000', debit: -gap, credit: 0 },
        ];
        const entry = withBaseAmounts(draft, p.currency, p.baseCurrency, p.rate, '6990');
        const reversal = reversalLines(entry);
        for (const x of reversal) expect(ledgerLineSchema.safeParse(x).success).toBe(true);
        expect(entryDifference(reversal).difference).toBe(0);
        for (const v of balances([...entry, ...reversal]).values()) expect(v).toBe(0);
        const doc = docDifference(reversal);
        expect([doc.debit, doc.credit]).toEqual([
          docDifference(entry).credit,
          docDifference(entry).debit,
        ]);
      }),
    );
  });
});

describe('checkLockDate', () => {
  it('allows any date when nothing is locked, and dates after the lock date', () => {
    expect(checkLockDate('2026-03-31', null)).toBeNull();
    expect(checkLockDate('2026-04-01', '2026-03-31')).toBeNull();
  });

  it('refuses the lock date itself and anything before it', () => {
    const msg =
      'The books are locked up to 2026-03-31: choose a later date, or ask an administrator to move the lock date.';
    expect(checkLockDate('2026-03-31', '2026-03-31')).toBe(msg);
    expect(checkLockDate('2025-12-01', '2026-03-31')).toBe(msg);
  });

  it('says so when the date is not a date', () => {
    expect(checkLockDate('2026-02-30', null)).toMatch(/not a date/);
  });
});

describe('closingLines', () => {
  const b = (
    account: string,
    kind: ClosingBalance['kind'],
    baseBalance: number,
    branch?: string,
  ): ClosingBalance => ({ account, kind, baseBalance, branch });

  it('zeroes income and expenses into retained earnings', () => {
    const lines = closingLines({
      balances: [
        b('1200', 'asset', 900_000),
        b('4100', 'income', -500_000),
        b('4900', 'income', -1_250),
        b('5100', 'expense', 300_000),
        b('6100', 'expense', 50_000),
        b('6200', 'expense', 0),
        b('6990', 'expense', 3),
      ],
      retainedEarningsAccount: '3200',
    });
    expect(lines.map((x) => [x.account, x.debit, x.credit])).toEqual([
      ['4100', 500_000, 0],
      ['4900', 1_250, 0],
      ['5100', 0, 300_000],
      ['6100', 0, 50_000],
      ['6990', 0, 3],
      ['3200', 0, 151_247], // profit: 501,250.00 − 350,003 minor units
    ]);
    for (const x of lines) {
      expect(x.baseDebit).toBe(x.debit);
      expect(x.baseCredit).toBe(x.credit);
    }
    expect(() => assertBalanced(lines, 'USD')).not.toThrow();
  });

  it('debits retained earnings with a loss and posts nothing when there is nothing to close', () => {
    const loss = closingLines({
      balances: [b('4100', 'income', -1_000), b('6100', 'expense', 1_500)],
      retainedEarningsAccount: '3200',
    });
    expect(loss.at(-1)).toMatchObject({ account: '3200', debit: 500, credit: 0 });
    const even = closingLines({
      balances: [b('4100', 'income', -1_000), b('6100', 'expense', 1_000)],
      retainedEarningsAccount: '3200',
    });
    expect(even.map((x) => x.account)).toEqual(['4100', '6100']);
    expect(
      closingLines({
        balances: [b('1200', 'asset', 5), b('6100', 'expense', 0)],
        retainedEarningsAccount: '3200',
      }),
    ).toEqual([]);
  });

  it('keeps each branch’s profit in that branch', () => {
    const lines = closingLines({
      balances: [
        b('4100', 'income', -1_000, 'NYC'),
        b('4100', 'income', -400, 'LON'),
        b('6100', 'expense', 100, 'LON'),
      ],
      retainedEarningsAccount: '3200',
    });
    expect(lines.map((x) => [x.branch, x.account, x.debit, x.credit])).toEqual([
      ['LON', '4100', 400, 0],
      ['LON', '6100', 0, 100],
      ['NYC', '4100', 1_000, 0],
      ['LON', '3200', 0, 300],
      ['NYC', '3200', 0, 1_000],
    ]);
  });

  it('balances and leaves every income and expense account at zero (property)', () => {
    const row = fc.record({
      account: fc.constantFrom('1200', '2100', '3100', '4100', '4900', '5100', '6100', '6990'),
      kind: fc.constantFrom(...ACCOUNT_KINDS),
      baseBalance: fc.integer({ min: -1e10, max: 1e10 }),
    });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 20 }), (rows) => {
        const lines = closingLines({ balances: rows, retainedEarningsAccount: '3200' });
        expect(entryDifference(lines).difference).toBe(0);
        for (const x of lines) expect(ledgerLineSchema.safeParse(x).success).toBe(true);
        const after = balances(lines);
        const before = new Map<string, number>();
        for (const r of rows)
          if (r.kind === 'income' || r.kind === 'expense')
            before.set(r.account, (before.get(r.account) ?? 0) + r.baseBalance);
        for (const [account, v] of before) expect((after.get(account) ?? 0) + v).toBe(0);
      }),
    );
  });
});
