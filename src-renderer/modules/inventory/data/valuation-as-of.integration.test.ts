import { afterEach, describe, expect, it } from 'vitest';
import type { TestDevice } from '../../../core/testing/node-core';
import { beansFields, delivery, inventoryCompany, receipt } from '../testing/setup';

/**
 * Valuation as of a day reads month totals plus that month's rows (stock-months.ts); it must
 * give what the rows themselves say (stock on hand as of the day, item × warehouse, summed per
 * item), also after back-dated moves re-value the months after them.
 */
const devices: TestDevice[] = [];
afterEach(async () => {
  for (const d of devices.splice(0)) await d.close();
});

/** Per item: the running quantity and value of its stock ledger after the day's last row. */
async function rowByRow(d: TestDevice, asOf: string, items: string[]) {
  const out: (string | number)[][] = [];
  for (const item of items) {
    const { rows } = await d.call('inventory.itemStockLedger', { item, limit: 1000 });
    const last = rows.filter((r) => r.date <= asOf).at(-1);
    if (last && (last.runningQty !== '0' || last.runningValue !== 0))
      out.push([item, Number(last.runningQty), last.runningValue]);
  }
  return out;
}

/** Stock on hand as of the day, item × warehouse, summed per item. */
async function onHand(d: TestDevice, asOf: string) {
  const per = new Map<string, { qty: number; value: number }>();
  for (const r of await d.call('inventory.stockOnHand', { asOf })) {
    const cur = per.get(r.item) ?? { qty: 0, value: 0 };
    cur.qty += Number(r.qty);
    cur.value += r.value;
    per.set(r.item, cur);
  }
  return [...per].map(([item, v]) => [item, v.qty, v.value]).sort();
}

async function monthly(d: TestDevice, asOf: string) {
  const v = await d.call('inventory.valuation', { asOf });
  expect(v.total).toBe(v.rows.reduce((n, r) => n + r.value, 0));
  return v.rows.map((r) => [r.item, Number(r.qty), r.value]).sort();
}

const DAYS = ['2026-01-31', '2026-02-01', '2026-02-14', '2026-02-28', '2026-03-10', '2026-04-30'];

describe('valuation as of a day from month totals', () => {
  it('equals the row-by-row answer on every day, before and after back-dated moves', async () => {
    const c = await inventoryCompany('fifo');
    devices.push(c.d);
    const { d, main, back, beans } = c;
    const tea = await d.call('inventory.saveItem', {
      fields: {
        ...beansFields('average'),
        sku: 'TEA-500G',
        name: 'Assam tea 500 g',
        barcodes: [],
      },
    });
    const agree = async () => {
      for (const day of DAYS) {
        const truth = (await rowByRow(d, day, [beans, tea._id])).sort();
        expect(await monthly(d, day)).toEqual(truth);
        expect(await onHand(d, day)).toEqual(truth);
      }
    };
    const save = (m: Parameters<typeof receipt>) =>
      d.call('inventory.saveStockMove', receipt(...m));
    await save([main, '2026-01-05', beans, '20', 1200, 'PO-1']);
    await save([back, '2026-01-20', tea._id, '30', 450, 'PO-2']);
    await d.call('inventory.saveStockMove', delivery(main, '2026-02-03', beans, '8', 'SO-1'));
    await d.call('inventory.saveStockMove', {
      kind: 'internal',
      date: '2026-02-14',
      warehouse: main,
      toWarehouse: back,
      lines: [{ item: beans, qty: '5' }],
    });
    await d.call('inventory.saveStockMove', delivery(back, '2026-03-10', tea._id, '12', 'SO-2'));
    await agree();

    // Back-dated: a cheaper January receipt changes February's delivery and the move after it.
    await save([main, '2026-01-02', beans, '10', 900, 'PO-0']);
    await save([back, '2026-02-01', tea._id, '10', 300, 'PO-3']);
    await d.call('inventory.saveStockMove', delivery(main, '2026-01-31', beans, '3', 'SO-0'));
    await agree();
    expect(await monthly(d, '2026-02-14')).toEqual([
      [beans, 19, 22_800],
      [tea._id, 40, 16_500],
    ]);

    // The running rows are the aggregates: January's change per item is its end of January
    // less its end of the month before (nothing before: zero).
    const running = (await d.core.session()!.index.table('stockRunning').toArray()) as {
      id: string;
      months: string[];
      qty: number[];
      value: number[];
    }[];
    const jan = running
      .filter((r) => r.id.startsWith('NYC|') && r.months.includes('2026-01'))
      .map((r) => {
        const at = r.months.indexOf('2026-01');
        return [
          r.qty[at]! - (at > 0 ? r.qty[at - 1]! : 0),
          r.value[at]! - (at > 0 ? r.value[at - 1]! : 0),
        ];
      });
    expect(jan.sort()).toEqual([
      [270_000, 30_300],
      [300_000, 13_500],
    ]);

    await d.call('index.rebuild', undefined);
    await agree();
  });
});
