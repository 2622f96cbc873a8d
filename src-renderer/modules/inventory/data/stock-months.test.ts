import { indexedDB, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { IndexDb } from '../../../core/index/index-db';
import { MonthDeltas, STOCK_MONTH_STORES, totalsAsOf } from './stock-months';
import { STOCK_STORES, stockTables } from './stock-rows';

/**
 * Valuation as of a day (stock-months.ts): a year of monthly receipts of two items, then a
 * back-dated correction in March. As of a December day the answer is each item's running totals
 * at the end of November — one row per item, not one per item and month — plus December's rows.
 */
let index: IndexDb | null = null;
afterEach(async () => {
  await index?.delete();
  index = null;
});

const BEANS = 'item:01HBEANS1KG';
const TEA = 'item:01HTEAGREEN';

/** An index with the stock tables, counting the month and running rows read. */
function countedIndex() {
  const db = new IndexDb(
    `stock-months-${Date.now()}`,
    { indexedDB, IDBKeyRange },
    { ...STOCK_STORES, ...STOCK_MONTH_STORES },
  );
  let rows = 0;
  for (const table of db.tables.filter((t) => /^stock(Months|Running)$/.test(t.name)))
    table.hook('reading', (row: unknown) => {
      rows++;
      return row;
    });
  return { index: db, rowsRead: () => rows };
}

let n = 0;
/** A valued stock line's change, as the fold counts it. */
const line = (date: string, item: string, dQty: number, dValue: number) => ({
  order: `${date}|stockMove:NYC-A-${String(++n).padStart(4, '0')}#0`,
  branch: 'NYC',
  item,
  valued: true,
  dQty,
  dValue,
});

describe('stock valuation as of a day', () => {
  it('reads one running row per item for the months before the day', async () => {
    const c = countedIndex();
    index = c.index;
    const deltas = new MonthDeltas();
    for (let m = 1; m <= 12; m++) {
      const day = `2025-${String(m).padStart(2, '0')}-15`;
      deltas.count(line(day, BEANS, 100_000, 12_000)); // 10 bags at 12.00
      deltas.count(line(day, TEA, 50_000, 4_500)); // 5 tins at 9.00
    }
    await index.transaction('rw', index.tables, () => deltas.flush(index!));
    // The March beans were 11.00, not 12.00: a correction counted in a later batch.
    deltas.count(line('2025-03-15', BEANS, 0, -1_000));
    deltas.count(line('2025-12-02', TEA, -20_000, -1_800));
    await index.transaction('rw', index.tables, () => deltas.flush(index!));

    const before = c.rowsRead();
    const totals = await totalsAsOf(index, '2025-12-10', null, stockTables(index).lines);
    expect(c.rowsRead() - before).toBe(2);
    // Eleven months of beans (one of them 10.00 cheaper); tea's December rows are not in the
    // lines table here, so only its months before December count.
    expect(Object.fromEntries(totals)).toEqual({
      [BEANS]: { qty: 1_100_000, value: 131_000 },
      [TEA]: { qty: 550_000, value: 49_500 },
    });
    // Late in a month it starts from the month's end and takes back the rows after the day (none).
    expect(
      Object.fromEntries(await totalsAsOf(index, '2025-12-20', null, stockTables(index).lines)),
    ).toEqual({
      [BEANS]: { qty: 1_200_000, value: 143_000 },
      [TEA]: { qty: 580_000, value: 52_200 },
    });
    const branchOnly = await totalsAsOf(index, '2025-04-01', 'NYC', stockTables(index).lines);
    expect(branchOnly.get(BEANS)).toEqual({ qty: 300_000, value: 35_000 });
    expect((await totalsAsOf(index, '2025-04-01', 'LAT', stockTables(index).lines)).size).toBe(0);
  });
});
