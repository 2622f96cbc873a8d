import { afterEach, describe, expect, it } from 'vitest';
import type { TestDevice } from '../../../core/testing/node-core';
import { accountBalance } from '../../accounts';
import { inventoryCompany } from '../testing/setup';
import { chooseStockAccounts } from '../testing/stock-accounts';

/**
 * Purchasing and sales through the RPC on a real device: a purchase order received in two
 * parts and billed at a higher price (the three-way match says so in words); a sales order
 * delivered in part (a back-order remains) and invoiced from the delivery.
 */
const devices: TestDevice[] = [];
afterEach(async () => {
  for (const d of devices.splice(0)) await d.close();
});

async function tradingCompany() {
  const c = await inventoryCompany('fifo');
  devices.push(c.d);
  await chooseStockAccounts(c.d);
  await c.d.call('inventory.saveItem', {
    id: c.beans,
    fields: {
      ...(await c.d.call('inventory.getItem', { id: c.beans })),
      inventoryAccount: '1300',
      incomeAccount: '4100',
    },
  });
  const supplier = await c.d.call('accounts.saveParty', {
    fields: { kind: 'supplier', code: 'S-014', name: 'Andes Coffee Importers', currency: 'USD' },
  });
  const customer = await c.d.call('accounts.saveParty', {
    fields: { kind: 'customer', code: 'C-207', name: 'Harbor Cafe', currency: 'USD' },
  });
  return { ...c, supplier: supplier._id, customer: customer._id };
}

describe('purchase order to bill', () => {
  it('PO 10 @ 10.00, received 6 then 4, billed 10 @ 10.50: the price difference is flagged', async () => {
    const { d, main, beans, supplier } = await tradingCompany();
    const draft = await d.call('inventory.saveOrder', {
      side: 'purchase',
      partyId: supplier,
      date: '2026-03-02',
      currency: 'USD',
      warehouse: main,
      lines: [{ item: beans, qty: '10', unitPrice: 1000 }],
    });
    expect(draft).toMatchObject({ status: 'draft', number: null });
    await expect(
      d.call('inventory.receiveOrder', {
        order: draft._id,
        date: '2026-03-05',
        lines: [{ orderLine: 0, qty: '6' }],
      }),
    ).rejects.toThrow('Confirm the order before goods are received. Nothing was saved.');
    const po = await d.call('inventory.confirmOrder', { id: draft._id });
    expect(po).toMatchObject({ status: 'posted', number: 'NYC-A-PO-000001' });
    await expect(
      d.call('inventory.saveOrder', { ...draft, id: po._id, side: 'purchase', memo: 'late' }),
    ).rejects.toThrow('Order NYC-A-PO-000001 is confirmed and cannot be changed.');

    const first = await d.call('inventory.receiveOrder', {
      order: po._id,
      date: '2026-03-05',
      lines: [{ orderLine: 0, qty: '6' }],
    });
    expect(first.move.lines[0]).toMatchObject({ order: po._id, orderLine: 0, unitCost: 1000 });
    let view = await d.call('inventory.getOrder', { id: po._id });
    expect(view).toMatchObject({ stage: 'partly moved', open: true });
    expect(view.lines[0]).toMatchObject({ ordered: '10', moved: '6', backOrder: '4' });
    await expect(
      d.call('inventory.receiveOrder', {
        order: po._id,
        date: '2026-03-06',
        lines: [{ orderLine: 0, qty: '5' }],
      }),
    ).rejects.toThrow('10 bag ordered, 6 received so far, so 4 more can be received, not 5.');
    const second = await d.call('inventory.receiveOrder', {
      order: po._id,
      date: '2026-03-09',
      lines: [{ orderLine: 0, qty: '4' }],
    });
    view = await d.call('inventory.getOrder', { id: po._id });
    expect(view.stage).toBe('moved');

    const { doc: bill, match } = await d.call('inventory.billFromReceipts', {
      moves: [first.move._id, second.move._id],
    });
    expect(bill).toMatchObject({ side: 'purchase', status: 'draft', partyId: supplier });
    expect(bill.lines).toEqual([
      // Goods received not billed: the receipts put the bags in inventory against it already.
      expect.objectContaining({ quantity: '10', unitPrice: 1000, account: '2150', order: po._id }),
    ]);
    expect(match[0]!.flag).toBe('');

    // The supplier's bill says 10.50: the clerk types it in, the match flags it.
    const { totals: _t, posting: _p, ...rest } = bill;
    await d.call('accounts.saveTradeDraft', {
      ...rest,
      id: bill._id,
      lines: [{ ...bill.lines[0]!, unitPrice: 1050 }],
    } as never);
    const [flagged] = await d.call('inventory.matchBill', { id: bill._id });
    expect(flagged).toMatchObject({ ordered: '10', received: '10', billed: '10' });
    expect(flagged!.flag).toBe('Billed 10 at $10.50; ordered at $10.00.');
    expect(await d.call('inventory.listOrders', { side: 'purchase', open: true })).toHaveLength(1);

    // Issued (the price agreed with the supplier): the order is billed and no longer open.
    await d.call('accounts.issueTradeDoc', {
      ...rest,
      id: bill._id,
      lines: [{ ...bill.lines[0]!, unitPrice: 1050 }],
    } as never);
    expect(await d.call('inventory.getOrder', { id: po._id })).toMatchObject({
      stage: 'billed',
      open: false,
      lines: [expect.objectContaining({ billed: '10', backOrder: '0' })],
    });
    expect(await d.call('inventory.listOrders', { side: 'purchase', open: true })).toEqual([]);
  });
});

describe('a bill from receipts in the ledger', () => {
  it('debits goods received not billed, so it nets to zero and the stock is counted once', async () => {
    const { d, main, beans, supplier } = await tradingCompany();
    const po = await d.call('inventory.confirmOrder', {
      id: (
        await d.call('inventory.saveOrder', {
          side: 'purchase',
          partyId: supplier,
          date: '2026-03-02',
          currency: 'USD',
          warehouse: main,
          lines: [{ item: beans, qty: '12', unitPrice: 1450 }],
        })
      )._id,
    });
    const got = await d.call('inventory.receiveOrder', {
      order: po._id,
      date: '2026-03-05',
      lines: [{ orderLine: 0, qty: '12' }],
    });
    const s = d.core.session()!;
    const balance = async (code: string) => {
      await s.settle();
      return accountBalance(s, [code], '2026-12-31');
    };
    expect(await balance('2150')).toBe(-17_400);
    const { doc: bill } = await d.call('inventory.billFromReceipts', { moves: [got.move._id] });
    const { totals: _t, posting: _p, ...rest } = bill;
    await d.call('accounts.issueTradeDoc', { ...rest, id: bill._id } as never);
    expect(await balance('2150')).toBe(0);
    expect(await balance('1300')).toBe(17_400);
  });

  it('is refused in words while goods received not billed is not chosen', async () => {
    const c = await inventoryCompany('fifo');
    devices.push(c.d);
    const { d, main, beans } = c;
    await d.call('accounts.setupStarterChart', undefined);
    const supplier = await d.call('accounts.saveParty', {
      fields: { kind: 'supplier', code: 'S-014', name: 'Andes Coffee Importers', currency: 'USD' },
    });
    const po = await d.call('inventory.confirmOrder', {
      id: (
        await d.call('inventory.saveOrder', {
          side: 'purchase',
          partyId: supplier._id,
          date: '2026-03-02',
          currency: 'USD',
          warehouse: main,
          lines: [{ item: beans, qty: '2', unitPrice: 1450 }],
        })
      )._id,
    });
    const got = await d.call('inventory.receiveOrder', {
      order: po._id,
      date: '2026-03-05',
      lines: [{ orderLine: 0, qty: '2' }],
    });
    await expect(d.call('inventory.billFromReceipts', { moves: [got.move._id] })).rejects.toThrow(
      'Choose the goods received not billed account in Inventory settings: receipts post to it and the bill clears it. Then try again. Nothing was saved.',
    );
  });
});

describe('quote to sales order to invoice', () => {
  it('SO 5, delivered 3: 2 on back-order, and the invoice from the delivery has 3', async () => {
    const { d, main, beans, customer } = await tradingCompany();
    await d.call('inventory.saveStockMove', {
      kind: 'receipt',
      date: '2026-03-01',
      warehouse: main,
      lines: [{ item: beans, qty: '20', unitCost: 900 }],
    });
    const quote = await d.call('inventory.saveOrder', {
      side: 'sales',
      quote: true,
      partyId: customer,
      date: '2026-03-03',
      currency: 'USD',
      warehouse: main,
      reference: 'HC-PO-88',
      lines: [{ item: beans, qty: '5', unitPrice: 1800 }],
    });
    expect(quote).toMatchObject({ status: 'quote', number: 'NYC-A-QT-000001' });
    const spare = await d.call('inventory.saveOrder', {
      side: 'sales',
      quote: true,
      partyId: customer,
      date: '2026-03-03',
      currency: 'USD',
      warehouse: main,
      lines: [{ item: beans, qty: '50', unitPrice: 1700 }],
    });
    await d.call('inventory.discardOrder', { id: spare._id });
    await expect(d.call('inventory.getOrder', { id: spare._id })).rejects.toThrow(
      'That order is not on this device.',
    );
    const so = await d.call('inventory.confirmOrder', { id: quote._id });
    expect(so).toMatchObject({ number: 'NYC-A-SO-000001', quoteNumber: 'NYC-A-QT-000001' });

    const delivered = await d.call('inventory.deliverOrder', {
      order: so._id,
      date: '2026-03-10',
      lines: [{ orderLine: 0, qty: '3' }],
    });
    const [open] = await d.call('inventory.listOrders', { side: 'sales', open: true });
    expect(open!.lines[0]).toMatchObject({ ordered: '5', moved: '3', backOrder: '2' });

    const { doc: invoice } = await d.call('inventory.invoiceFromDeliveries', {
      moves: [delivered.move._id],
    });
    expect(invoice).toMatchObject({ side: 'sales', status: 'draft', reference: 'HC-PO-88' });
    expect(invoice.lines).toEqual([
      expect.objectContaining({ quantity: '3', unitPrice: 1800, account: '4100', orderLine: 0 }),
    ]);

    // Closing the order ends the back-order; nothing more can be delivered against it.
    await d.call('inventory.closeOrder', {
      id: so._id,
      date: '2026-03-31',
      reason: 'Out of season',
    });
    const closed = await d.call('inventory.getOrder', { id: so._id });
    expect(closed).toMatchObject({ stage: 'closed', open: false });
    expect(closed.lines[0]!.backOrder).toBe('0');
    await expect(d.call('inventory.discardOrder', { id: so._id })).rejects.toThrow(
      'Order NYC-A-SO-000001 is confirmed, so it is closed rather than discarded.',
    );
    await expect(
      d.call('inventory.deliverOrder', {
        order: so._id,
        date: '2026-04-01',
        lines: [{ orderLine: 0, qty: '2' }],
      }),
    ).rejects.toThrow('Order NYC-A-SO-000001 is closed. Nothing was saved.');
  });
});
