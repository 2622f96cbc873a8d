import { afterEach, describe, expect, it } from 'vitest';
import type { TestDevice } from '../../../core/testing/node-core';
import { beansFields, delivery, inventoryCompany, receipt } from '../testing/setup';

const devices: TestDevice[] = [];
afterEach(async () => {
  for (const d of devices.splice(0)) await d.close();
});

/** A New York roastery's first week of March: beans and filters in, beans out, a count. */
async function week() {
  const c = await inventoryCompany('fifo');
  devices.push(c.d);
  const { d, main, back, beans } = c;
  const filters = (
    await d.call('inventory.saveItem', {
      fields: {
        ...beansFields('fifo'),
        sku: 'FILT-100',
        name: 'Paper filters (100)',
        barcodes: [],
        baseUnit: 'pack',
        units: [],
      },
    })
  )._id;
  await d.call('inventory.saveStockMove', receipt(main, '2026-03-02', beans, '20', 850, 'PO-101'));
  await d.call('inventory.saveStockMove', {
    kind: 'receipt',
    date: '2026-03-03',
    warehouse: main,
    reference: 'PO-102',
    lines: [
      { item: filters, qty: '40', unitCost: 325 },
      { item: beans, qty: '6', unitCost: 900 },
    ],
  });
  await d.call('inventory.saveStockMove', delivery(main, '2026-03-04', beans, '14', 'SO-2291'));
  await d.call('inventory.saveStockMove', {
    kind: 'internal',
    date: '2026-03-05',
    warehouse: main,
    toWarehouse: back,
    lines: [{ item: filters, qty: '10' }],
  });
  await d.call('inventory.saveStockMove', delivery(main, '2026-03-06', filters, '5', 'SO-2300'));
  return { ...c, filters };
}

describe('past moves list', () => {
  it('lists the branch’s moves newest first with names, filtered by kind, days and item, a page at a time', async () => {
    const { d, beans } = await week();
    const all = await d.call('inventory.listMoves', { branch: 'NYC' });
    expect(all.total).toBe(5);
    expect(all.rows.map((r) => [r.date, r.kind, r.reference])).toEqual([
      ['2026-03-06', 'delivery', 'SO-2300'],
      ['2026-03-05', 'internal', ''],
      ['2026-03-04', 'delivery', 'SO-2291'],
      ['2026-03-03', 'receipt', 'PO-102'],
      ['2026-03-02', 'receipt', 'PO-101'],
    ]);
    expect(all.rows[3]!.what).toBe('FILT-100 Paper filters (100) and 1 more item');
    expect(all.rows[1]!.where).toBe('NYC-MAIN Main store, Pier 17 → NYC-BACK Back room');

    const deliveries = await d.call('inventory.listMoves', { branch: 'NYC', kind: 'delivery' });
    expect(deliveries.rows.map((r) => r.reference)).toEqual(['SO-2300', 'SO-2291']);

    const middle = await d.call('inventory.listMoves', {
      branch: 'NYC',
      from: '2026-03-03',
      to: '2026-03-05',
    });
    expect(middle.rows.map((r) => r.date)).toEqual(['2026-03-05', '2026-03-04', '2026-03-03']);

    const ofBeans = await d.call('inventory.listMoves', { branch: 'NYC', item: beans });
    expect(ofBeans.rows.map((r) => r.reference)).toEqual(['SO-2291', 'PO-102', 'PO-101']);
    const beansIn = await d.call('inventory.listMoves', {
      branch: 'NYC',
      item: beans,
      kind: 'receipt',
      to: '2026-03-02',
    });
    expect(beansIn.rows.map((r) => r.reference)).toEqual(['PO-101']);

    const second = await d.call('inventory.listMoves', { branch: 'NYC', offset: 2, limit: 2 });
    expect(second.total).toBe(5);
    expect(second.rows.map((r) => r.reference)).toEqual(['SO-2291', 'PO-102']);

    expect((await d.call('inventory.listMoves', { branch: 'MNL' })).total).toBe(0);
  });

  it('refuses dates the wrong way round, in words', async () => {
    const { d } = await week();
    await expect(
      d.call('inventory.listMoves', { branch: 'NYC', from: '2026-03-06', to: '2026-03-02' }),
    ).rejects.toThrow('The first day is after the last day. Swap them.');
  });
});
