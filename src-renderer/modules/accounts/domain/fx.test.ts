import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { realisedFxDifference, toBase, withBaseAmounts } from './fx';
import type { DocLine } from './fx';
import { entryDifference } from './journal';
import { ledgerLineSchema } from './schemas';
import { pairWithRateArb } from './test-arbitraries';

describe('toBase', () => {
  it('converts minor units through the rate without floating point', () => {
    expect(toBase(100_000, 'EUR', 'USD', '1.0825')).toBe(108_250); // 1,000.00 EUR → 1,082.50 USD
    // 15.00 JPY-per-… : 1500 × 0.00913 = 13.695 USD exactly; a float gives 1369.4999… and rounds down.
    expect(toBase(1500, 'JPY', 'USD', '0.00913')).toBe(1370);
    expect(toBase(12_345, 'USD', 'JPY', '149.5')).toBe(18_456); // 123.45 × 149.5 = 18,455.775 yen
    expect(toBase(100, 'USD', 'KWD', '0.3075')).toBe(308); // 0.3075 KWD = 307.5 fils
    expect(toBase(0, 'EUR', 'USD', '1.0825')).toBe(0);
  });

  it('rounds half away from zero, the same for negative amounts', () => {
    expect(toBase(1, 'EUR', 'USD', '0.5')).toBe(1);
    expect(toBase(3, 'EUR', 'USD', '0.5')).toBe(2);
    expect(toBase(-1, 'EUR', 'USD', '0.5')).toBe(-1);
    expect(toBase(-3, 'EUR', 'USD', '0.5')).toBe(-2);
    expect(Object.is(toBase(-1, 'EUR', 'USD', '0.4'), 0)).toBe(true); // never -0
  });

  it('keeps base-currency amounts as they are and refuses a rate other than 1 for them', () => {
    expect(toBase(12_345, 'USD', 'USD', '1')).toBe(12_345);
    expect(toBase(12_345, 'USD', 'USD', '1.0')).toBe(12_345);
    expect(() => toBase(12_345, 'USD', 'USD', '1.1')).toThrow(/rate 1/);
  });

  it('refuses rates and amounts that are not what the schema allows', () => {
    for (const bad of ['', 'abc', '0', '-1', '1e3', '1,5'])
      expect(() => toBase(100, 'EUR', 'USD', bad)).toThrow(/exchange rate/);
    expect(() => toBase(1.5, 'EUR', 'USD', '1')).toThrow(RangeError);
  });

  it('is symmetric: −x converts to −(x converted) (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), pairWithRateArb, (amount, p) => {
        expect(toBase(-amount, p.currency, p.baseCurrency, p.rate)).toBe(
          -toBase(amount, p.currency, p.baseCurrency, p.rate) || 0,
        );
      }),
    );
  });
});

const line = (account: string, debit: number, credit: number): DocLine => ({
  account,
  debit,
  credit,
});

describe('withBaseAmounts', () => {
  it('fills base amounts line by line', () => {
    const out = withBaseAmounts(
      [line('1100', 120_000, 0), line('4100', 0, 100_000), line('2200', 0, 20_000)],
      'EUR',
      'USD',
      '1.0825',
      '6990',
    );
    expect(out.map((l) => [l.account, l.baseDebit, l.baseCredit])).toEqual([
      ['1100', 129_900, 0],
      ['4100', 0, 108_250],
      ['2200', 0, 21_650],
    ]);
    expect(out[0]).toMatchObject({ party: null, memo: '', branch: null });
  });

  it('converts each line exactly and posts the rounding difference to the rounding account', () => {
    // At 1.5 each 0.01 becomes 0.015 → 0.02, so the credits total 0.04 in base but the debit 0.03.
    const out = withBaseAmounts(
      [line('1100', 2, 0), line('4100', 0, 1), line('4200', 0, 1)],
      'EUR',
      'USD',
      '1.5',
      '6990',
    );
    expect(out.map((l) => [l.account, l.debit, l.credit, l.baseDebit, l.baseCredit])).toEqual([
      ['1100', 2, 0, 3, 0],
      ['4100', 0, 1, 0, 2],
      ['4200', 0, 1, 0, 2],
      ['6990', 0, 0, 1, 0],
    ]);
    expect(out[3]).toMatchObject({ memo: 'Rounding', party: null, branch: null });
    expect(entryDifference(out).difference).toBe(0);
  });

  it('posts the rounding line on whichever side is short, and none when nothing rounds', () => {
    // Debits 0.01 × 3 → 0.02 each at 1.5 (0.06); credit 0.03 → 0.045 → 0.05: the credits are short.
    const out = withBaseAmounts(
      [line('6100', 1, 0), line('6200', 1, 0), line('6300', 1, 0), line('2100', 0, 3)],
      'EUR',
      'USD',
      '1.5',
      '6990',
    );
    expect(out.map((l) => [l.account, l.baseDebit, l.baseCredit])).toEqual([
      ['6100', 2, 0],
      ['6200', 2, 0],
      ['6300', 2, 0],
      ['2100', 0, 5],
      ['6990', 0, 1],
    ]);
    const exact = withBaseAmounts(
      [line('1100', 120_000, 0), line('4100', 0, 120_000)],
      'EUR',
      'USD',
      '1.0825',
      '6990',
    );
    expect(exact.map((l) => l.account)).toEqual(['1100', '4100']);
  });

  it('keeps party, memo and branch', () => {
    const out = withBaseAmounts(
      [
        {
          account: '1100',
          debit: 500,
          credit: 0,
          party: 'party:C-1',
          memo: 'INV-7',
          branch: 'NYC',
        },
        { account: '4100', debit: 0, credit: 500 },
      ],
      'EUR',
      'USD',
      '2',
      '6990',
    );
    expect(out[0]).toEqual({
      account: '1100',
      debit: 500,
      credit: 0,
      baseDebit: 1000,
      baseCredit: 0,
      party: 'party:C-1',
      memo: 'INV-7',
      branch: 'NYC',
    });
  });

  it('drops zero lines and refuses impossible ones', () => {
    expect(
      withBaseAmounts(
        [line('1100', 100, 0), line('4100', 0, 0), line('4200', 0, 100)],
        'USD',
        'USD',
        '1',
        '6990',
      ),
    ).toHaveLength(2);
    expect(() => withBaseAmounts([line('1100', 100, 100)], 'USD', 'USD', '1', '6990')).toThrow(
      /not both/,
    );
    expect(() =>
      withBaseAmounts([line('1100', -100, 0), line('4100', -100, 0)], 'USD', 'USD', '1', '6990'),
    ).toThrow(/negative/);
  });

  it('refuses lines that do not balance in the document currency, in words a clerk reads', () => {
    expect(() =>
      withBaseAmounts(
        [line('1100', 10_001, 0), line('4100', 0, 10_000)],
        'EUR',
        'USD',
        '1.0825',
        '6990',
      ),
    ).toThrow('The entry does not balance: debits exceed credits by 0.01 EUR.');
    expect(() =>
      withBaseAmounts([line('1100', 0, 1250), line('4100', 0, 0)], 'USD', 'USD', '1', '6990'),
    ).toThrow('The entry does not balance: credits exceed debits by 12.50 USD.');
  });

  it('any balanced set of lines stays balanced in base, each line valid and within rounding (property)', () => {
    const amounts = fc.array(fc.integer({ min: 1, max: 1e8 }), { minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(amounts, amounts, pairWithRateArb, (debits, credits, p) => {
        const lines = [
          ...debits.map((d, i) => line(`D${i}`, d, 0)),
          ...credits.map((c, i) => line(`C${i}`, 0, c)),
        ];
        const gap = debits.reduce((a, b) => a + b, 0) - credits.reduce((a, b) => a + b, 0);
        if (gap !== 0) lines.push(gap > 0 ? line('FIX', 0, gap) : line('FIX', -gap, 0));

        const out = withBaseAmounts(lines, p.currency, p.baseCurrency, p.rate, '6990');
        expect(entryDifference(out).difference).toBe(0);
        const posted = out.slice(0, lines.length);
        expect(posted.map((l) => [l.debit, l.credit])).toEqual(
          lines.map((l) => [l.debit, l.credit]),
        );
        // Each line is its own exact conversion; only a base-only rounding line may follow.
        for (const l of posted) {
          expect(ledgerLineSchema.safeParse(l).success).toBe(true);
          expect(l.baseDebit + l.baseCredit).toBe(
            toBase(l.debit + l.credit, p.currency, p.baseCurrency, p.rate),
          );
        }
        const extra = out.slice(lines.length);
        expect(extra.length).toBeLessThanOrEqual(1);
        for (const r of extra) {
          expect(r).toMatchObject({ account: '6990', debit: 0, credit: 0, memo: 'Rounding' });
          expect(r.baseDebit + r.baseCredit).toBeLessThanOrEqual(lines.length);
          expect(ledgerLineSchema.safeParse(r).success).toBe(true);
        }
      }),
    );
  });
});

describe('realisedFxDifference', () => {
  const eur = {
    currency: 'EUR',
    baseCurrency: 'USD',
    documentRate: '1.0825',
    paymentRate: '1.0950',
  };

  it('an EUR invoice booked at 1.0825 and received at 1.0950 is a gain of 12.50 USD', () => {
    // 1,000.00 EUR: booked at 1,082.50 USD, received as 1,095.00 USD.
    expect(realisedFxDifference({ side: 'sales', allocatedMinor: 100_000, ...eur })).toBe(1250);
  });

  it('the same movement on a supplier bill is a loss', () => {
    expect(realisedFxDifference({ side: 'purchase', allocatedMinor: 100_000, ...eur })).toBe(-1250);
  });

  it('counts only the part settled', () => {
    // 400.00 EUR: 433.00 USD booked, 438.00 USD received.
    expect(realisedFxDifference({ side: 'sales', allocatedMinor: 40_000, ...eur })).toBe(500);
    expect(
      realisedFxDifference({
        side: 'sales',
        allocatedMinor: 40_000,
        ...eur,
        paymentRate: '1.0825',
      }),
    ).toBe(0);
    expect(
      realisedFxDifference({ side: 'sales', allocatedMinor: 40_000, ...eur, paymentRate: '1.07' }),
    ).toBe(-500);
  });
});
