import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestDevice } from '../../../core/testing/node-core';
import { pdfText } from '../../../core/pdf/testing/pdf-text';
import { delivery, inventoryCompany, receipt } from '../testing/setup';
import type { MovementRow } from './report-types';

/**
 * Movement summary and ageing through the RPC and the stock projection, on a small roastery's
 * spring. Coffee beans (FIFO) in the main store:
 *   03-02 receipt 8 @ $10            8 bags  $80   layers [8@10]
 *   03-03 receipt 4 @ $16           12 bags  $144  layers [8@10, 4@16]
 *   03-04 delivery 10 (8@10+2@16)    2 bags  $32   layers [2@16]
 *   03-05 receipt 2 @ $6             4 bags  $44   layers [2@16, 2@6]
 *   03-05 move 1 to the back room    3 bags  $28   layers [1@16, 2@6]   (back room: 1 bag $16)
 *   03-20 adjustment −1 (torn bag)   2 bags  $12   layers [2@6]
 *   06-10 receipt 5 @ $12            7 bags  $72   layers [2@6, 5@12]
 * Mugs (moving average) in the back room:
 *   01-10 receipt 100 @ $4   100  $400;   05-20 receipt 50 @ $5.50   150  $675
 *   06-25 delivery 30 at the average $4.50 = $135                     120  $540
 */
let d: TestDevice;
const ids = { main: '', back: '', beans: '', mugs: '' };

beforeAll(async () => {
  const c = await inventoryCompany('fifo');
  d = c.d;
  Object.assign(ids, { main: c.main, back: c.back, beans: c.beans });
  const mugs = await d.call('inventory.saveItem', {
    fields: {
      sku: 'MUG-350',
      name: 'Stoneware mug 350 ml',
      group: 'Tableware',
      kind: 'stock',
      barcodes: [],
      baseUnit: 'pc',
      units: [],
      valuation: 'average',
    },
  });
  ids.mugs = mugs._id;
  const { main, back, beans } = ids;
  const moves = [
    receipt(main, '2026-03-02', beans, '8', 1000, 'PO-101'),
    receipt(main, '2026-03-03', beans, '4', 1600, 'PO-102'),
    delivery(main, '2026-03-04', beans, '10', 'SO-201'),
    receipt(main, '2026-03-05', beans, '2', 600, 'PO-103'),
    {
      kind: 'internal' as const,
      date: '2026-03-05',
      warehouse: main,
      toWarehouse: back,
      reference: 'Shelf for the café',
      lines: [{ item: beans, qty: '1' }],
    },
    {
      kind: 'adjustment' as const,
      date: '2026-03-20',
      warehouse: main,
      reference: 'Torn bag',
      lines: [{ item: beans, qty: '-1' }],
    },
    receipt(main, '2026-06-10', beans, '5', 1200, 'PO-118'),
    receipt(back, '2026-01-10', ids.mugs, '100', 400, 'PO-090'),
    receipt(back, '2026-05-20', ids.mugs, '50', 550, 'PO-112'),
    delivery(back, '2026-06-25', ids.mugs, '30', 'SO-260'),
  ];
  for (const m of moves) await d.call('inventory.saveStockMove', m);
});
afterAll(async () => {
  await d?.close();
});

const pick = (r: MovementRow) => [
  r.sku,
  r.warehouseCode,
  r.openingQty,
  r.openingValue,
  r.inQty,
  r.inValue,
  r.outQty,
  r.outValue,
  r.closingQty,
  r.closingValue,
];

describe('movement summary', () => {
  it('3–4 March: opening 8 bags $80, in 4 $64, out 10 $112 (FIFO 8@10 + 2@16), closing 2 $32', async () => {
    const m = await d.call('inventory.movementSummary', { from: '2026-03-03', to: '2026-03-04' });
    expect(m.rows.map(pick)).toEqual([
      ['BEAN-1KG', 'NYC-MAIN', '8', 8000, '4', 6400, '10', 11_200, '2', 3200],
      // Nothing moved, but the mugs were there all along.
      ['MUG-350', 'NYC-BACK', '100', 40_000, '0', 0, '0', 0, '100', 40_000],
    ]);
    expect(m.totals).toEqual({ opening: 48_000, in: 6400, out: 11_200, closing: 43_200 });
  });

  it('5–31 March opens at $432 where 3–4 March closed; the move between warehouses is out of one and into the other', async () => {
    const m = await d.call('inventory.movementSummary', {
      from: '2026-03-05',
      to: '2026-03-31',
      branch: 'NYC',
    });
    // Main: 2 @ $16 open; in 2 @ $6; out 1 @ $16 (moved) + 1 @ $16 (torn) = $32; 2 @ $6 left.
    // Back room: nothing open; 1 @ $16 in. Mugs: 100 @ $4 all month, no moves.
    expect(m.rows.map(pick)).toEqual([
      ['BEAN-1KG', 'NYC-BACK', '0', 0, '1', 1600, '0', 0, '1', 1600],
      ['BEAN-1KG', 'NYC-MAIN', '2', 3200, '2', 1200, '2', 3200, '2', 1200],
      ['MUG-350', 'NYC-BACK', '100', 40_000, '0', 0, '0', 0, '100', 40_000],
    ]);
    // 43 200 + 2 800 − 3 200 = 42 800.
    expect(m.totals).toEqual({ opening: 43_200, in: 2800, out: 3200, closing: 42_800 });
    // Main's in is the receipt; its out the bag moved ($16) and the torn bag ($16).
    const main = m.rows[1]!.parts;
    expect([main.receiptsIn, main.transfersOut, main.adjustmentsOut, main.deliveriesOut]).toEqual([
      { qty: '2', value: 1200 },
      { qty: '1', value: 1600 },
      { qty: '1', value: 1600 },
      { qty: '0', value: 0 },
    ]);
    expect(m.rows[0]!.parts.transfersIn).toEqual({ qty: '1', value: 1600 });
  });

  it('one warehouse only, and a period that ends before it starts is refused in words', async () => {
    const m = await d.call('inventory.movementSummary', {
      from: '2026-06-01',
      to: '2026-06-30',
      warehouse: ids.back,
    });
    // Mugs: 100 @ $4 + 50 @ $5.50 = $675 over 150; 30 out at $4.50 = $135.
    expect(m.rows.map(pick)).toEqual([
      ['BEAN-1KG', 'NYC-BACK', '1', 1600, '0', 0, '0', 0, '1', 1600],
      ['MUG-350', 'NYC-BACK', '150', 67_500, '0', 0, '30', 13_500, '120', 54_000],
    ]);
    await expect(
      d.call('inventory.movementSummary', { from: '2026-03-31', to: '2026-03-01' }),
    ).rejects.toThrow('The period ends before it starts: swap the two dates.');
    await expect(
      d.call('inventory.movementSummary', { from: '31/03/2026', to: '2026-04-30' }),
    ).rejects.toThrow('Choose the first day of the period (a date like 2026-03-31).');
  });
});

describe('ageing and slow movers', () => {
  it('as of 30 June: stock by the age of the receipts still on hand, valued by layer or at the average', async () => {
    const a = await d.call('inventory.stockAgeing', { asOf: '2026-06-30' });
    const rows = a.rows.map((r) => [
      r.sku,
      r.warehouseCode,
      r.qty,
      r.value,
      r.buckets.map((b) => [b.qty, b.value]),
      r.oldest,
      r.lastOut,
      r.slow,
    ]);
    expect(rows).toEqual([
      // The bag moved in on 5 March (117 days) and never went out: slow.
      [
        'BEAN-1KG',
        'NYC-BACK',
        '1',
        1600,
        [
          ['0', 0],
          ['0', 0],
          ['1', 1600],
          ['0', 0],
        ],
        '2026-03-05',
        null,
        true,
      ],
      // Layers [2@6 from 5 March (117 days), 5@12 from 10 June (20 days)]; last out 20 March
      // (102 days ago, more than 90): slow.
      [
        'BEAN-1KG',
        'NYC-MAIN',
        '7',
        7200,
        [
          ['5', 6000],
          ['0', 0],
          ['2', 1200],
          ['0', 0],
        ],
        '2026-03-05',
        '2026-03-20',
        true,
      ],
      // 120 mugs at $4.50: the 50 of 20 May (41 days) $225, 70 of 10 January (171 days) $315.
      [
        'MUG-350',
        'NYC-BACK',
        '120',
        54_000,
        [
          ['0', 0],
          ['50', 22_500],
          ['70', 31_500],
          ['0', 0],
        ],
        '2026-01-10',
        '2026-06-25',
        false,
      ],
    ]);
    expect(a.totals).toEqual({ buckets: [6000, 22_500, 34_300, 0], value: 62_800 });
  });

  it('slow after 120 days: neither bean stock is slow yet; a bad number of days is refused', async () => {
    const a = await d.call('inventory.stockAgeing', { asOf: '2026-06-30', slowDays: 120 });
    expect(a.rows.map((r) => r.slow)).toEqual([false, false, false]);
    // As of 1 March only the mugs were there: 100 of 10 January, 50 days old.
    const march = await d.call('inventory.stockAgeing', { asOf: '2026-03-01' });
    expect(march.rows.map((r) => [r.sku, r.buckets[1]])).toEqual([
      ['MUG-350', { qty: '100', value: 40_000 }],
    ]);
    await expect(
      d.call('inventory.stockAgeing', { asOf: '2026-06-30', slowDays: 0 }),
    ).rejects.toThrow('Slow means whole days without a sale: 1 to 3650.');
  });

  it('both print as PDFs with the same numbers', async () => {
    const m = await d.call('inventory.reportPdf', {
      report: 'movement',
      from: '2026-03-03',
      to: '2026-03-04',
      today: '2026-07-01',
      locale: 'en-US',
    });
    expect(m.fileName).toBe('stock-movement-2026-03-03-2026-03-04.pdf');
    const text = await pdfText(m.bytes);
    expect(text).toContain('Stock movement summary');
    expect(text).toContain('$112.00');
    const a = await d.call('inventory.reportPdf', {
      report: 'ageing',
      asOf: '2026-06-30',
      branch: 'NYC',
      today: '2026-07-01',
      locale: 'en-US',
    });
    const aged = await pdfText(a.bytes);
    expect(aged).toContain('Stock ageing and slow movers');
    expect(aged).toContain('$343.00');
    expect(aged).toContain('$628.00');
  });
});
