import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestDevice } from '../../../core/testing/node-core';
import { pdfText } from '../../../core/pdf/testing/pdf-text';
import { inventoryCompany, receipt } from '../testing/setup';

/**
 * Open orders and reorder suggestions through the RPC, from orders confirmed, received,
 * delivered and closed on a New York device:
 *   PO-000001 (Andes Coffee Importers, 2 March, expected 9 March): 10 bags @ $10 and 1 case
 *     (12 bags) @ $114; 6 bags received on 5 March → 4 bags and the case still to come.
 *   SO-000001 (Harbor Cafe, 3 March): 5 bags @ $18.99; 2 delivered on 6 March → 3 to go.
 *   SO-000002 (Harbor Cafe): 1 bag, confirmed and closed → not open.
 *   A draft PO for 40 bags: not agreed → neither open nor on order.
 *   Mugs: 10 received into the back room, rule level 5: not due.
 */
let d: TestDevice;
const ids = { main: '', back: '', beans: '', mugs: '', po: '', so: '' };

beforeAll(async () => {
  const c = await inventoryCompany('fifo');
  d = c.d;
  Object.assign(ids, { main: c.main, back: c.back, beans: c.beans });
  const supplier = await d.call('accounts.saveParty', {
    fields: { kind: 'supplier', code: 'S-014', name: 'Andes Coffee Importers', currency: 'USD' },
  });
  const customer = await d.call('accounts.saveParty', {
    fields: { kind: 'customer', code: 'C-207', name: 'Harbor Cafe', currency: 'USD' },
  });
  const mugs = await d.call('inventory.saveItem', {
    fields: {
      sku: 'MUG-350',
      name: 'Stoneware mug 350 ml',
      kind: 'stock',
      baseUnit: 'pc',
      valuation: 'average',
    },
  });
  ids.mugs = mugs._id;
  await d.call('inventory.saveStockMove', receipt(c.back, '2026-03-01', mugs._id, '10', 400));
  const order = (side: 'purchase' | 'sales', partyId: string, date: string) => ({
    side,
    partyId,
    date,
    currency: 'USD',
    warehouse: c.main,
  });
  const po = await d.call('inventory.saveOrder', {
    ...order('purchase', supplier._id, '2026-03-02'),
    expectedDate: '2026-03-09',
    lines: [
      { item: c.beans, qty: '10', unitPrice: 1000 },
      { item: c.beans, qty: '1', unit: 'case', unitPrice: 11_400 },
    ],
  });
  ids.po = (await d.call('inventory.confirmOrder', { id: po._id }))._id;
  await d.call('inventory.receiveOrder', {
    order: ids.po,
    date: '2026-03-05',
    lines: [{ orderLine: 0, qty: '6' }],
  });
  const so = await d.call('inventory.saveOrder', {
    ...order('sales', customer._id, '2026-03-03'),
    lines: [{ item: c.beans, qty: '5', unitPrice: 1899 }],
  });
  ids.so = (await d.call('inventory.confirmOrder', { id: so._id }))._id;
  await d.call('inventory.deliverOrder', {
    order: ids.so,
    date: '2026-03-06',
    lines: [{ orderLine: 0, qty: '2' }],
  });
  const closed = await d.call('inventory.saveOrder', {
    ...order('sales', customer._id, '2026-03-04'),
    lines: [{ item: c.beans, qty: '1', unitPrice: 1899 }],
  });
  await d.call('inventory.confirmOrder', { id: closed._id });
  await d.call('inventory.closeOrder', { id: closed._id, date: '2026-03-07', reason: 'Cancelled' });
  await d.call('inventory.saveOrder', {
    ...order('purchase', supplier._id, '2026-03-08'),
    lines: [{ item: c.beans, qty: '40', unitPrice: 1000 }],
  });
  for (const [item, warehouse, level, quantity] of [
    [c.beans, c.main, '20', '24'],
    [c.beans, c.back, '2', '1'],
    [mugs._id, c.back, '5', '12'],
  ] as const)
    await d.call('inventory.saveReorderRule', { fields: { item, warehouse, level, quantity } });
});
afterAll(async () => {
  await d?.close();
});

describe('open purchase and sales orders', () => {
  it('lists each line still to come or to go with its party, dates and open value per side', async () => {
    const o = await d.call('inventory.openOrders', { today: '2026-03-10' });
    expect(
      o.rows.map((r) => [
        r.side,
        r.number,
        r.party,
        r.expectedDate,
        r.late,
        r.sku,
        r.unit,
        r.ordered,
        r.open,
        r.openValue,
      ]),
    ).toEqual([
      // 10 − 6 = 4 bags × $10 = $40; the case untouched, $114; expected 9 March: late on the 10th.
      [
        'purchase',
        'NYC-A-PO-000001',
        'Andes Coffee Importers',
        '2026-03-09',
        true,
        'BEAN-1KG',
        'bag',
        '10',
        '4',
        4000,
      ],
      [
        'purchase',
        'NYC-A-PO-000001',
        'Andes Coffee Importers',
        '2026-03-09',
        true,
        'BEAN-1KG',
        'case',
        '1',
        '1',
        11_400,
      ],
      // 5 − 2 = 3 bags × $18.99 = $56.97.
      ['sales', 'NYC-A-SO-000001', 'Harbor Cafe', null, false, 'BEAN-1KG', 'bag', '5', '3', 5697],
    ]);
    expect(o.totals).toEqual([
      { side: 'purchase', currency: 'USD', value: 15_400 },
      { side: 'sales', currency: 'USD', value: 5697 },
    ]);
    const sales = await d.call('inventory.openOrders', { side: 'sales', branch: 'NYC' });
    expect(sales.rows.map((r) => r.number)).toEqual(['NYC-A-SO-000001']);
    expect((await d.call('inventory.openOrders', { branch: 'MNL' })).rows).toEqual([]);
  });
});

describe('reorder suggestions', () => {
  it('on hand plus what purchase orders bring less what sales orders take, against each rule', async () => {
    const rows = await d.call('inventory.reorderSuggestions', {});
    expect(
      rows.map((r) => [
        r.sku,
        r.warehouseCode,
        r.onHand,
        r.onOrder,
        r.committed,
        r.projected,
        r.level,
        r.suggested,
        r.supplier?.name,
      ]),
    ).toEqual([
      // Back room: nothing there or coming; back to the level 2, more than the rule's 1.
      ['BEAN-1KG', 'NYC-BACK', '0', '0', '0', '0', '2', '2', 'Andes Coffee Importers'],
      // Main: 6 in − 2 out = 4 on hand; 4 bags + 1 case of 12 = 16 on order; 3 to go:
      // 4 + 16 − 3 = 17, at or below 20 → order the rule's 24 (more than the 3 short).
      ['BEAN-1KG', 'NYC-MAIN', '4', '16', '3', '17', '20', '24', 'Andes Coffee Importers'],
      // Mugs: 10 on hand above the level 5: not listed.
    ]);
    // PO-000001's bag line names its price per bag; the case line is in another unit.
    expect(rows[1]!.supplier).toMatchObject({ currency: 'USD', unitPrice: 1000 });
  });

  it('a suggestion becomes a draft purchase order from its supplier at the last price', async () => {
    const [back] = await d.call('inventory.reorderSuggestions', { branch: 'NYC' });
    const draft = await d.call('inventory.saveOrder', {
      side: 'purchase',
      partyId: back!.supplier!.id,
      date: '2026-03-10',
      currency: back!.supplier!.currency,
      warehouse: back!.warehouse,
      lines: [{ item: back!.item, qty: back!.suggested, unitPrice: back!.supplier!.unitPrice! }],
    });
    expect(draft).toMatchObject({ status: 'draft', warehouse: ids.back });
    expect(draft.lines[0]).toMatchObject({ qty: '2', unit: 'bag', unitPrice: 1000 });
    // A draft is not agreed: the suggestion stands until the order is confirmed.
    const again = await d.call('inventory.reorderSuggestions', {});
    expect(again.map((r) => r.suggested)).toEqual(['2', '24']);
    await d.call('inventory.confirmOrder', { id: draft._id });
    const after = await d.call('inventory.reorderSuggestions', {});
    // Back room: 0 + 2 on order = 2, at the level 2 → still due, the rule's 1 (2 − 2 = 0 short).
    expect(after.map((r) => [r.warehouseCode, r.onOrder, r.suggested])).toEqual([
      ['NYC-BACK', '2', '1'],
      ['NYC-MAIN', '16', '24'],
    ]);
  });

  it('prints both reports as PDFs', async () => {
    const file = await d.call('inventory.reportPdf', {
      report: 'openOrders',
      today: '2026-03-10',
      locale: 'en-US',
    });
    expect(file.fileName).toBe('open-orders-2026-03-10.pdf');
    const text = await pdfText(file.bytes);
    expect(text).toContain('Purchase orders still to receive');
    expect(text).toContain('Andes Coffee Importers');
    // $40 + $114 from PO-000001, and the back room's 2 bags @ $10 confirmed above: $174.
    expect(text).toContain('$174.00');
    expect(text).toContain('(late)');
    const reorder = await pdfText(
      (
        await d.call('inventory.reportPdf', {
          report: 'reorder',
          branch: 'NYC',
          today: '2026-03-10',
          locale: 'en-US',
        })
      ).bytes,
    );
    expect(reorder).toContain('Reorder suggestions');
    expect(reorder).toContain('24 bag');
  });
});
