import { describe, expect, it } from 'vitest';
import { emptyRow, gridLines, gridTotals, withTrailingBlank, type GridRow } from './journal-grid';

const row = (account: string, debit: string, credit: string): GridRow => ({
  ...emptyRow(),
  account,
  debit,
  credit,
});

describe('journal grid', () => {
  it('shows the running difference exactly, in minor units', () => {
    const rows = [row('6100', '100.10', ''), row('6400', '0.20', ''), row('1200', '', '100.30')];
    expect(gridTotals(rows, 'USD')).toMatchObject({
      debit: 10_030,
      credit: 10_030,
      difference: 0,
      badAmounts: [],
    });
    expect(gridTotals([row('6100', '12.50', '')], 'USD').difference).toBe(1_250);
  });

  it('flags amounts the currency does not allow', () => {
    const bad = row('6100', '1.005', '');
    expect(gridTotals([bad], 'USD').badAmounts).toEqual([bad.key]);
    expect(gridTotals([row('6100', '1.5', '')], 'JPY').badAmounts).toHaveLength(1);
  });

  it('drops blank rows and always offers one more', () => {
    const rows = withTrailingBlank([row('6100', '5', ''), row('1200', '', '5')]);
    expect(rows).toHaveLength(3);
    expect(withTrailingBlank(rows)).toHaveLength(3);
    expect(gridLines(rows, 'USD')).toEqual([
      { account: '6100', debit: 500, credit: 0, memo: '' },
      { account: '1200', debit: 0, credit: 500, memo: '' },
    ]);
  });
});
