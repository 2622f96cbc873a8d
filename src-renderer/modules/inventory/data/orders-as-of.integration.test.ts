import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../../../core/pdf/testing/pdf-text';
import type { TestDevice } from '../../../core/testing/node-core';
import { inventoryCompany } from '../testing/setup';
import { orderLinkTable } from './orders-projection';

/**
 * Open orders as of a day, on a New York device: Andes Coffee's PO-000001 of 2 March for 10 bags
 * at $10, received 5 bags on 5 March and 5 on 12 March; Harbor Cafe's SO-000001 of 3 March for
 * 4 bags, closed on 9 March with nothing delivered.
 */
let d: TestDevice;
let po = '';

beforeAll(async () => {
  const c = await inventoryCompany('fifo');
  d = c.d;
  const supplier = await d.call('accounts.saveParty', {
    fields: { kind: 'supplier', code: 'S-014', name: 'Andes Coffee Importers', currency: 'USD' },
  });
  const customer = await d.call('accounts.saveParty', {
    fields: { kind: 'customer', code: 'C-207', name: 'Harbor Cafe', currency: 'USD' },
  });
  const draft = await d.call('inventory.saveOrder', {
    side: 'purchase',
    partyId: supplier._id,
    date: '2026-03-02',
    expectedDate: '2026-03-06',
    currency: 'USD',
    warehouse: c.main,
    lines: [{ item: c.beans, qty: '10', unitPrice: 1000 }],
  });
  po = (await d.call('inventory.confirmOrder', { id: draft._id }))._id;
  for (const date of ['2026-03-05', '2026-03-12'])
    await d.call('inventory.receiveOrder', {
      order: po,
      date,
      lines: [{ orderLine: 0, qty: '5' }],
    });
  const so = await d.call('inventory.saveOrder', {
    side: 'sales',
    partyId: customer._id,
    date: '2026-03-03',
    currency: 'USD',
    warehouse: c.main,
    lines: [{ item: c.beans, qty: '4', unitPrice: 1899 }],
  });
  await d.call('inventory.confirmOrder', { id: so._id });
  await d.call('inventory.closeOrder', { id: so._id, date: '2026-03-09', reason: 'Cancelled' });
});
afterAll(async () => {
  await d?.close();
});

const open = async (asOf: string) => {
  const o = await d.call('inventory.openOrders', { asOf, today: '2026-03-20' });
  return {
    asOf: o.asOf,
    rows: o.rows.map((r) => [r.number, r.open, r.openValue, r.late]),
    totals: o.totals.map((t) => [t.side, t.value]),
  };
};

describe('open orders as of a date', () => {
  it('counts only the receipts and closings dated by the end of the day', async () => {
    // Before the order was placed it is not listed.
    expect((await open('2026-03-01')).rows).toEqual([]);
    // Ordered, nothing received yet; the sales order not closed yet.
    expect(await open('2026-03-04')).toEqual({
      asOf: '2026-03-04',
      rows: [
        ['NYC-A-PO-000001', '10', 10_000, false],
        ['NYC-A-SO-000001', '4', 7596, false],
      ],
      totals: [
        ['purchase', 10_000],
        ['sales', 7596],
      ],
    });
    // Between the receipts: half open, late (expected 6 March); the sales order closed on the 9th.
    expect((await open('2026-03-10')).rows).toEqual([['NYC-A-PO-000001', '5', 5000, true]]);
    // A receipt on the day counts by the end of it.
    expect((await open('2026-03-12')).rows).toEqual([]);
    expect((await open('2026-03-31')).rows).toEqual([]);
  });

  it('defaults to today, and reads a receipt’s date from it when its index row has none', async () => {
    expect((await d.call('inventory.openOrders', { today: '2026-03-10' })).asOf).toBe('2026-03-10');
    // Rows indexed before they kept a date.
    const links = orderLinkTable(d.core.session()!.index);
    const rows = await links.where('order').equals(po).toArray();
    await links.bulkPut(rows.map(({ date: _date, ...r }) => r));
    expect((await links.where('order').equals(po).toArray()).some((r) => r.date)).toBe(false);
    expect((await open('2026-03-10')).rows).toEqual([['NYC-A-PO-000001', '5', 5000, true]]);
    expect((await open('2026-03-12')).rows).toEqual([]);
  });

  it('puts the day in the PDF’s heading and file name', async () => {
    const file = await d.call('inventory.reportPdf', {
      report: 'openOrders',
      asOf: '2026-03-10',
      today: '2026-03-20',
      locale: 'en-US',
    });
    expect(file.fileName).toBe('open-orders-2026-03-10.pdf');
    const text = await pdfText(file.bytes);
    expect(text).toContain('As of the end of 03/10/2026');
    expect(text).toContain('$50.00');
  });
});
