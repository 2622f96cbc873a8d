import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACME_INPUT, type TestDevice } from '../../../core/testing/node-core';
import { startAppDevice } from '../../testing';
import type { StockOnHandPage, StockOnHandQuery, StockOnHandRow } from '../rpc-contract';
import { beansFields, delivery, receipt } from '../testing/setup';

/**
 * The Stock on hand page reads a page at a time (issue 12): page after page must give the rows
 * of the whole list, in its order, whatever the filters. New York holds six items in three
 * warehouses, some emptied again (no row), and Manila's receipt of a transfer (another branch).
 */
let nyc: TestDevice;
let mnl: TestDevice;
const wh: Record<string, string> = {};
const item: Record<string, string> = {};
const ctx = (d: TestDevice) => d.core.session()!;

async function share(from: TestDevice, to: TestDevice) {
  await ctx(from).pouch('transfers').replicate.to(ctx(to).pouch('transfers'));
  await ctx(to).settle();
}

async function office(d: TestDevice, own: 'NYC' | 'MNL') {
  const other = own === 'NYC' ? 'MNL' : 'NYC';
  const names = { NYC: 'New York', MNL: 'Manila' };
  await d.call('setup.createCompany', {
    ...ACME_INPUT,
    branch: { code: own, name: names[own], currency: 'USD' },
  });
  await d.call('org.addBranch', { code: other, name: names[other], currency: 'USD' });
}

// Saved out of SKU order, so the list's order is the SKUs', not the order they were made in.
const ITEMS: [string, string, string][] = [
  ['TEA-500G', 'Assam tea 500 g', 'tin'],
  ['CUP-12OZ', 'Paper cup 12 oz, sleeve of 50', 'sleeve'],
  ['BEAN-1KG', 'Colombian coffee beans 1 kg', 'bag'],
  ['SUGAR-1KG', 'Cane sugar 1 kg', 'bag'],
  ['FILT-100', 'Paper filters (100)', 'pack'],
  ['MILK-1L', 'Oat milk 1 l', 'carton'],
];

beforeAll(async () => {
  nyc = await startAppDevice();
  mnl = await startAppDevice();
  await office(nyc, 'NYC');
  await office(mnl, 'MNL');
  for (const [code, name] of [
    ['NYC-MAIN', 'Main store, Pier 17'],
    ['NYC-BACK', 'Back room'],
    ['NYC-VAN', 'Delivery van'],
  ] as const)
    wh[code] = (
      await nyc.call('inventory.saveWarehouse', { fields: { code, name, branchCode: 'NYC' } })
    )._id;
  wh['MNL-MAIN'] = (
    await mnl.call('inventory.saveWarehouse', {
      fields: { code: 'MNL-MAIN', name: 'Manila main store', branchCode: 'MNL' },
    })
  )._id;
  for (const [sku, name, baseUnit] of ITEMS)
    item[sku] = (
      await nyc.call('inventory.saveItem', {
        fields: { ...beansFields('fifo'), sku, name, baseUnit, barcodes: [], units: [] },
      })
    )._id;
  const save = (...m: Parameters<typeof receipt>) =>
    nyc.call('inventory.saveStockMove', receipt(...m));
  let cost = 350;
  for (const [sku] of ITEMS)
    for (const code of ['NYC-MAIN', 'NYC-BACK', 'NYC-VAN']) {
      // Not every item is in the van: some pairs never have a row at all.
      if (code === 'NYC-VAN' && sku.startsWith('C')) continue;
      await save(wh[code]!, '2026-02-02', item[sku]!, '12', (cost += 45), `PO-${sku}`);
    }
  // Emptied in March: a row on 28 Feb, none now.
  for (const [sku, code] of [
    ['BEAN-1KG', 'NYC-BACK'],
    ['FILT-100', 'NYC-MAIN'],
    ['FILT-100', 'NYC-VAN'],
    ['TEA-500G', 'NYC-MAIN'],
  ] as const)
    await nyc.call(
      'inventory.saveStockMove',
      delivery(wh[code]!, '2026-03-04', item[sku]!, '12', `SO-${sku}`),
    );
  // Received after 28 Feb: no row as of that day.
  await save(wh['NYC-MAIN']!, '2026-03-06', item['FILT-100']!, '4', 610, 'PO-late');
  const sent = await nyc.call('inventory.dispatchTransfer', {
    date: '2026-03-02',
    fromWarehouse: wh['NYC-MAIN']!,
    toBranch: 'MNL',
    lines: [{ item: item['MILK-1L']!, qty: '5' }],
  });
  await share(nyc, mnl);
  await mnl.call('inventory.receiveTransfer', {
    transfer: sent._id,
    warehouse: wh['MNL-MAIN']!,
    date: '2026-03-09',
    lines: [{ line: 0, qty: '5' }],
  });
  await share(mnl, nyc);
});
afterAll(async () => {
  await nyc?.close();
  await mnl?.close();
});

async function pageByPage(q: StockOnHandQuery, limit: number) {
  const rows: StockOnHandRow[] = [];
  let after: string | null = null;
  for (let pages = 1; pages < 100; pages++) {
    const page: StockOnHandPage = await nyc.call('inventory.stockOnHandPage', {
      ...q,
      limit,
      after,
    });
    expect(page.rows.length).toBeLessThanOrEqual(limit);
    rows.push(...page.rows);
    if (!page.next) return rows;
    expect(page.rows).toHaveLength(limit);
    after = page.next;
  }
  throw new Error('The pages never end.');
}

const codeOf = (id: string) => Object.keys(wh).find((c) => wh[c] === id) ?? id;
const brief = (rows: StockOnHandRow[]) => rows.map((r) => `${r.sku} ${codeOf(r.warehouse)}`);

describe('stock on hand a page at a time', () => {
  it('lists SKU by SKU, warehouse by warehouse, with no row where nothing is on hand', async () => {
    const all = await nyc.call('inventory.stockOnHand', {});
    // Manila's warehouse is not in New York's master data: no code, so before New York's.
    expect(brief(all)).toEqual([
      'BEAN-1KG NYC-MAIN',
      'BEAN-1KG NYC-VAN',
      'CUP-12OZ NYC-BACK',
      'CUP-12OZ NYC-MAIN',
      'FILT-100 NYC-BACK',
      'FILT-100 NYC-MAIN',
      'MILK-1L MNL-MAIN',
      'MILK-1L NYC-BACK',
      'MILK-1L NYC-MAIN',
      'MILK-1L NYC-VAN',
      'SUGAR-1KG NYC-BACK',
      'SUGAR-1KG NYC-MAIN',
      'SUGAR-1KG NYC-VAN',
      'TEA-500G NYC-BACK',
      'TEA-500G NYC-VAN',
    ]);
    expect(all.find((r) => r.sku === 'MILK-1L' && r.warehouse === wh['NYC-MAIN'])).toMatchObject({
      qty: '7',
      branch: 'NYC',
      unit: 'carton',
    });
    expect(all.find((r) => r.warehouse === wh['MNL-MAIN'])).toMatchObject({
      qty: '5',
      branch: 'MNL',
    });
  });

  const filters: [string, StockOnHandQuery][] = [
    ['every branch now', {}],
    ['every branch as of 28 February', { asOf: '2026-02-28' }],
    ['as of 5 March', { asOf: '2026-03-05' }],
    ['New York only', { branch: 'NYC' }],
    ['Manila only', { branch: 'MNL' }],
    ['New York as of 28 February', { branch: 'NYC', asOf: '2026-02-28' }],
    ['one warehouse', { warehouse: wh['NYC-MAIN'] }],
    ['one warehouse as of 28 February', { warehouse: wh['NYC-MAIN'], asOf: '2026-02-28' }],
    ['one item', { item: item['FILT-100'] }],
    ['one item as of 28 February', { item: item['FILT-100'], asOf: '2026-02-28' }],
  ];
  it.each(filters)('pages through the same rows as the whole list: %s', async (_, q) => {
    const all = await nyc.call('inventory.stockOnHand', q);
    expect(all.length).toBeGreaterThan(0);
    for (const limit of [1, 2, 4, 7, 100]) expect(await pageByPage(q, limit)).toEqual(all);
  });

  it('has rows as of a day that are gone now, and none before the first receipt', async () => {
    const feb = await nyc.call('inventory.stockOnHand', { asOf: '2026-02-28' });
    expect(brief(feb)).toContain('TEA-500G NYC-MAIN');
    expect(brief(feb)).not.toContain('MILK-1L MNL-MAIN');
    const first = await nyc.call('inventory.stockOnHandPage', { asOf: '2026-02-28', limit: 3 });
    expect(brief(first.rows)).toEqual([
      'BEAN-1KG NYC-BACK',
      'BEAN-1KG NYC-MAIN',
      'BEAN-1KG NYC-VAN',
    ]);
    expect(first.next).not.toBeNull();
    const january = await nyc.call('inventory.stockOnHandPage', { asOf: '2026-01-31', limit: 3 });
    expect(january).toEqual({ rows: [], next: null });
  });

  it('refuses a page mark it did not give, in words', async () => {
    await expect(
      nyc.call('inventory.stockOnHandPage', { limit: 10, after: 'page 2' }),
    ).rejects.toThrow('Open the stock on hand report again to page it.');
  });

  it('lists an item master data has not brought yet after the known ones, on its last page', async () => {
    // A move can sync before its item does: its key row names an item this device lacks.
    const keys = ctx(nyc).index.table('stockKeys');
    const stranger = 'item:01JZZSTRANGER0000000000000';
    await keys.put({
      key: `${stranger}|${wh['NYC-BACK']}`,
      item: stranger,
      warehouse: wh['NYC-BACK'],
      branch: 'NYC',
      qty: 30_000,
      value: 2400,
    });
    try {
      const all = await nyc.call('inventory.stockOnHand', {});
      expect(all.at(-1)).toMatchObject({ item: stranger, name: '(item not on this device yet)' });
      for (const limit of [1, 3, 100]) expect(await pageByPage({}, limit)).toEqual(all);
    } finally {
      await keys.delete(`${stranger}|${wh['NYC-BACK']}`);
    }
  });
});
