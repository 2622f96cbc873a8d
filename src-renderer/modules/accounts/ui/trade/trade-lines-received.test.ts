import { describe, expect, it } from 'vitest';
import type { TradeLine } from '../../domain/schemas';
import { gridToLines, rowsFromLines } from './trade-lines';

/**
 * A bill from goods receipts carries what the receipts put in goods received not billed, so
 * its price difference posts apart (trade-posting.ts). The clerk types the supplier's price in
 * the grid: that must keep it; moving the line to another account must drop it.
 */
const fromReceipts: TradeLine = {
  itemCode: 'BEAN-1KG',
  description: 'Colombian coffee beans 1 kg',
  quantity: '10',
  unitPrice: 1000,
  discountBp: 0,
  taxCode: null,
  account: '2150',
  order: 'purchaseOrder:01JPO00000000000000000000',
  orderLine: 0,
  received: { quantity: '10', value: 10_000, differenceAccount: '5150' },
};

describe('editing a draft bill made from receipts', () => {
  it('keeps the receipts’ value when the clerk types the billed price', () => {
    const rows = rowsFromLines([fromReceipts], 'USD');
    const { lines, errors } = gridToLines([{ ...rows[0]!, unitPrice: '10.50' }], 'USD');
    expect(errors).toEqual({});
    expect(lines).toEqual([{ ...fromReceipts, unitPrice: 1050 }]);
  });

  it('drops it when the clerk books the line to another account', () => {
    const rows = rowsFromLines([fromReceipts], 'USD');
    const { lines } = gridToLines([{ ...rows[0]!, account: '5200' }], 'USD');
    expect(lines[0]!.received).toBeUndefined();
    expect(lines[0]!.account).toBe('5200');
  });
});
