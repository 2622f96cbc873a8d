import { describe, expect, it } from 'vitest';
import type { TradeLine } from '../../domain/schemas';
import { gridToLines, rowsFromLines } from './trade-lines';

/**
 * A draft bill made from a purchase order (Inventory's "bill from receipts") is edited in the
 * Accounts editor: its lines must keep the item code and the order line they bill, or the
 * three-way match loses them when the clerk corrects a price.
 */
describe('editing a draft bill made from an order', () => {
  it('keeps each line’s item code and order line through the grid', () => {
    const fromOrder: TradeLine = {
      itemCode: 'BEAN-1KG',
      description: 'Colombian coffee beans 1 kg',
      quantity: '10',
      unitPrice: 1000,
      discountBp: 0,
      taxCode: null,
      account: '1300',
      order: 'purchaseOrder:01JPO00000000000000000000',
      orderLine: 0,
    };
    const rows = rowsFromLines([fromOrder], 'USD');
    const { lines, errors } = gridToLines([{ ...rows[0]!, unitPrice: '10.50' }], 'USD');
    expect(errors).toEqual({});
    expect(lines).toEqual([{ ...fromOrder, unitPrice: 1050 }]);
  });
});
