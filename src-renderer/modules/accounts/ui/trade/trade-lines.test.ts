import { describe, expect, it } from 'vitest';
import {
  bpToPercent,
  emptyTradeRow,
  gridToLines,
  liveTotals,
  percentToBp,
  rowsFromLines,
  withTrailingTradeBlank,
  type TradeRow,
} from './trade-lines';

const row = (p: Partial<TradeRow>): TradeRow => ({ ...emptyTradeRow({ account: '4000' }), ...p });
const VAT = new Map([['VAT20', { code: 'VAT20', rateBp: 2000 }]]);

describe('percent ↔ basis points', () => {
  it('reads percentages exactly', () => {
    expect(percentToBp('')).toBe(0);
    expect(percentToBp('10')).toBe(1000);
    expect(percentToBp('2.5')).toBe(250);
    expect(percentToBp('12.34 %')).toBe(1234);
    expect(percentToBp('100')).toBe(10_000);
    expect(percentToBp('100.01')).toBeNull();
    expect(percentToBp('1.234')).toBeNull();
    expect(percentToBp('-1')).toBeNull();
    expect(percentToBp('abc')).toBeNull();
  });
  it('writes them back', () => {
    expect(bpToPercent(0)).toBe('');
    expect(bpToPercent(1000)).toBe('10');
    expect(bpToPercent(250)).toBe('2.5');
    expect(bpToPercent(1234)).toBe('12.34');
    for (const bp of [1, 5, 99, 250, 1234, 10_000]) expect(percentToBp(bpToPercent(bp))).toBe(bp);
  });
});

describe('lines grid', () => {
  it('turns typed rows into the core lines, dropping blank rows and keeping row keys', () => {
    const a = row({
      description: 'Consulting',
      quantity: '2.5',
      unitPrice: '120.00',
      discount: '10',
      taxCode: 'VAT20',
    });
    const blank = row({});
    const b = row({ description: 'Travel', unitPrice: '45.5' });
    const out = gridToLines([a, blank, b], 'USD');
    expect(out.errors).toEqual({});
    expect(out.keys).toEqual([a.key, b.key]);
    expect(out.lines).toEqual([
      {
        itemCode: '',
        description: 'Consulting',
        quantity: '2.5',
        unitPrice: 12_000,
        discountBp: 1000,
        taxCode: 'VAT20',
        account: '4000',
      },
      {
        itemCode: '',
        description: 'Travel',
        quantity: '1',
        unitPrice: 4550,
        discountBp: 0,
        taxCode: null,
        account: '4000',
      },
    ]);
  });

  it('reports problems under the same keys the core uses', () => {
    const out = gridToLines(
      [
        row({ description: 'Ok', unitPrice: '1' }),
        row({ description: '', unitPrice: '1.005', discount: '120', quantity: 'x', account: '' }),
      ],
      'USD',
    );
    expect(out.errors['lines.1.unitPrice']).toMatch(/Not an amount/);
    expect(out.errors['lines.1.discountBp']).toMatch(/percentage/);
    expect(out.errors['lines.1.quantity']).toBeDefined();
    expect(out.errors['lines.1.description']).toBe('Describe the line.');
    expect(out.errors['lines.1.account']).toBe('Choose the account.');
    expect(Object.keys(out.errors).some((k) => k.startsWith('lines.0'))).toBe(false);
    expect(gridToLines([row({})], 'USD').errors.lines).toBe('Add at least one line.');
  });

  it('keeps one blank row at the end, inheriting account and tax code', () => {
    const rows = withTrailingTradeBlank(
      [row({ description: 'A', unitPrice: '1', account: '4100', taxCode: 'VAT20' })],
      { account: '4000' },
    );
    expect(rows).toHaveLength(2);
    expect(rows[1]).toMatchObject({ account: '4100', taxCode: 'VAT20', description: '' });
    expect(withTrailingTradeBlank(rows)).toBe(rows);
    expect(withTrailingTradeBlank([], { account: '5000' })[0]).toMatchObject({
      account: '5000',
      taxCode: '',
    });
  });

  it('round-trips stored lines', () => {
    const lines = [
      {
        itemCode: '',
        description: 'Widget',
        quantity: '3',
        unitPrice: 1999,
        discountBp: 250,
        taxCode: 'VAT20',
        account: '4000',
      },
    ];
    const rows = rowsFromLines(lines, 'USD');
    expect(rows[0]).toMatchObject({
      quantity: '3',
      unitPrice: '19.99',
      discount: '2.5',
      taxCode: 'VAT20',
    });
    expect(gridToLines(rows, 'USD').lines).toEqual(lines);
  });
});

describe('live totals', () => {
  it('match the core rule (per-line rounding), exclusive and inclusive', () => {
    const rows = [
      row({ description: 'A', quantity: '3', unitPrice: '0.33', taxCode: 'VAT20' }),
      row({ description: 'B', unitPrice: '10' }),
    ];
    expect(liveTotals(rows, VAT, 'exclusive', 'USD')).toEqual({
      net: 1099,
      tax: 20,
      gross: 1119,
      problem: null,
    });
    const inc = liveTotals(
      [row({ description: 'A', unitPrice: '12.00', taxCode: 'VAT20' })],
      VAT,
      'inclusive',
      'USD',
    );
    expect(inc).toEqual({ net: 1000, tax: 200, gross: 1200, problem: null });
  });
  it('skip rows that do not read as numbers yet and explain an unknown tax code', () => {
    const t = liveTotals(
      [row({ description: 'A', unitPrice: '5' }), row({ description: 'B', unitPrice: 'x' })],
      VAT,
      'exclusive',
      'USD',
    );
    expect(t).toMatchObject({ gross: 500, problem: null });
    expect(
      liveTotals(
        [row({ description: 'A', unitPrice: '5', taxCode: 'GST' })],
        VAT,
        'exclusive',
        'USD',
      ).problem,
    ).toMatch(/GST/);
  });
});
