import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { documentTotals, lineAmounts } from './tax';
import type { TaxLineInput, TaxRate } from './tax';

const CODES = new Map<string, TaxRate>([
  ['STD', { code: 'STD', rateBp: 2000 }],
  ['RED', { code: 'RED', rateBp: 500 }],
  ['ZERO', { code: 'ZERO', rateBp: 0 }],
]);

const line = (
  quantity: string,
  unitPrice: number,
  discountBp = 0,
  taxCode: string | null = 'STD',
): TaxLineInput => ({
  description: 'Widget',
  quantity,
  unitPrice,
  discountBp,
  taxCode,
});

describe('lineAmounts', () => {
  it('3 × 19.99 less 10 % at 20 % VAT, tax exclusive', () => {
    // 59.97 − 10 % = 53.973 → 53.97; VAT 10.794 → 10.79.
    expect(lineAmounts(line('3', 1999, 1000), CODES, 'exclusive', 'USD')).toEqual({
      net: 5397,
      tax: 1079,
      gross: 6476,
    });
  });

  it('the same line, tax inclusive: the price already holds the VAT', () => {
    // 53.97 / 1.2 = 44.975 → 44.98 (half up); VAT is what is left, 8.99.
    expect(lineAmounts(line('3', 1999, 1000), CODES, 'inclusive', 'USD')).toEqual({
      net: 4498,
      tax: 899,
      gross: 5397,
    });
  });

  it('reads decimal quantities exactly and rounds once', () => {
    // 2.5 × 3.33 = 8.325 → 8.33; 0.1 + 0.2 style traps do not apply to text quantities.
    expect(lineAmounts(line('2.5', 333, 0, null), CODES, 'exclusive', 'USD')).toEqual({
      net: 833,
      tax: 0,
      gross: 833,
    });
    expect(lineAmounts(line('0.3', 1000, 0, 'RED'), CODES, 'exclusive', 'USD')).toEqual({
      net: 300,
      tax: 15,
      gross: 315,
    });
    expect(lineAmounts(line('1.2345', 100, 0, 'ZERO'), CODES, 'exclusive', 'JPY')).toEqual({
      net: 123,
      tax: 0,
      gross: 123,
    });
  });

  it('rounds a negative line (a return) exactly like the positive one', () => {
    expect(lineAmounts(line('-1', 1999), CODES, 'exclusive', 'USD')).toEqual({
      net: -1999,
      tax: -400,
      gross: -2399,
    });
    expect(lineAmounts(line('1', 1999), CODES, 'exclusive', 'USD')).toEqual({
      net: 1999,
      tax: 400,
      gross: 2399,
    });
  });

  it('a 100 % discount is a free line', () => {
    expect(lineAmounts(line('4', 2500, 10_000), CODES, 'exclusive', 'USD')).toEqual({
      net: 0,
      tax: 0,
      gross: 0,
    });
  });

  it('says which line has an unknown tax code or an unreadable quantity', () => {
    expect(() => lineAmounts(line('1', 100, 0, 'VAT99'), CODES, 'exclusive', 'USD')).toThrow(
      'The tax code "VAT99" on line "Widget" is not set up.',
    );
    expect(() => lineAmounts(line('1,5', 100), CODES, 'exclusive', 'USD')).toThrow(
      /quantity "1,5" on line "Widget"/,
    );
    expect(() => lineAmounts(line('999999999999', 9e12), CODES, 'exclusive', 'USD')).toThrow(
      /too large for USD/,
    );
  });

  const lineArb = fc.record({
    description: fc.constant('x'),
    quantity: fc
      .tuple(fc.integer({ min: -100_000, max: 100_000 }), fc.integer({ min: 0, max: 4 }))
      .map(([n, s]) => (n / 10 ** s).toFixed(s)),
    unitPrice: fc.integer({ min: -1e7, max: 1e7 }),
    discountBp: fc.integer({ min: 0, max: 10_000 }),
    taxCode: fc.constantFrom('STD', 'RED', 'ZERO', null),
  });

  it('net + tax = gross, and tax is the rate applied to the right base within half a unit (property)', () => {
    fc.assert(
      fc.property(
        lineArb,
        fc.constantFrom('exclusive' as const, 'inclusive' as const),
        (l, mode) => {
          const a = lineAmounts(l, CODES, mode, 'USD');
          expect(a.net + a.tax).toBe(a.gross);
          const rate = l.taxCode ? (CODES.get(l.taxCode)?.rateBp ?? 0) : 0;
          // tax ≈ net × rate, up to the rounding of whichever figure was derived; in 1/10 000 units to stay integer.
          const slack = mode === 'exclusive' ? 5000 : 5000 + rate / 2;
          expect(Math.abs(a.tax * 10_000 - a.net * rate)).toBeLessThanOrEqual(slack);
        },
      ),
    );
  });

  it('document totals are the sums of the rounded lines (property)', () => {
    fc.assert(
      fc.property(
        fc.array(lineArb, { maxLength: 10 }),
        fc.constantFrom('exclusive' as const, 'inclusive' as const),
        (lines, mode) => {
          const t = documentTotals(lines, CODES, mode, 'USD');
          const each = lines.map((x) => lineAmounts(x, CODES, mode, 'USD'));
          expect(t.net).toBe(each.reduce((s, a) => s + a.net, 0));
          expect(t.tax).toBe(each.reduce((s, a) => s + a.tax, 0));
          expect(t.net + t.tax).toBe(t.gross);
          expect(t.byTaxCode.reduce((s, r) => s + r.tax, 0)).toBe(t.tax);
        },
      ),
    );
  });
});

describe('documentTotals', () => {
  it('adds the lines and groups them by tax code in order of first use', () => {
    const t = documentTotals(
      [
        line('3', 1999, 1000, 'STD'),
        line('1', 1000, 0, 'RED'),
        line('2', 500, 0, null),
        line('1', 5000, 0, 'STD'),
      ],
      CODES,
      'exclusive',
      'USD',
    );
    expect(t).toEqual({
      net: 5397 + 1000 + 1000 + 5000,
      tax: 1079 + 50 + 1000,
      gross: 12_397 + 2129,
      byTaxCode: [
        { code: 'STD', net: 10_397, tax: 2079 },
        { code: 'RED', net: 1000, tax: 50 },
      ],
    });
  });

  it('per-line rounding can differ from rounding the total, and the lines win', () => {
    // Three lines of 0.05 at 5 %: 0.0025 each → 0.00; on the total it would be 0.0075 → 0.01.
    const t = documentTotals(
      [line('1', 5, 0, 'RED'), line('1', 5, 0, 'RED'), line('1', 5, 0, 'RED')],
      CODES,
      'exclusive',
      'USD',
    );
    expect(t.tax).toBe(0);
  });
});
