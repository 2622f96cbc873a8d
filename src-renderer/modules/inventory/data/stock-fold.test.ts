import { indexedDB, IDBKeyRange } from 'fake-indexeddb';
import type { DBCoreTable } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { IndexDb, type ProjectedChange } from '../../../core/index/index-db';
import { DerivedPostings } from '../../../core/postings/derived';
import { SchemaRegistry } from '../../../core/db/schema-registry';
import { stockProjection } from './stock-projection';
import { stockTables } from './stock-rows';

/**
 * What a batch of the stock projection reads (stock-fold.ts). An initial sync brings each item ×
 * warehouse its moves in date order, batch after batch: each batch's rows come after what the
 * key already holds, so it folds them from that last row (read by id) without reading the
 * key's range of rows. A back-dated move still reads them, and both give the valuation of the whole history.
 */
let index: IndexDb | null = null;
afterEach(async () => {
  await index?.delete();
  index = null;
});

const MAIN = 'warehouse:01HNYCMAIN';
const BACK = 'warehouse:01HNYCBACK';
const BEANS = 'item:01HBEANS1KG';

let n = 0;
function move(
  kind: 'receipt' | 'delivery',
  date: string,
  warehouse: string,
  qty: string,
  unitCost: number | null,
): ProjectedChange {
  const id = `stockMove:NYC-A-${String(++n).padStart(4, '0')}`;
  const doc = {
    _id: id,
    type: 'stockMove',
    kind,
    date,
    warehouse,
    branch: 'NYC',
    reference: `${kind === 'receipt' ? 'PO' : 'SO'}-${100 + n}`,
    createdAt: `${date}T09:00:00.000Z`,
    lines: [{ item: BEANS, qty, factor: '1', unitCost }],
  };
  return { id, type: 'stockMove', doc, fresh: true };
}

/** Opens an index with the stock tables, counting the reads of stock lines by range (not by id). */
function countedIndex(): { index: IndexDb; rangeReads: () => number } {
  const db = new IndexDb(
    `stock-fold-${Date.now()}`,
    { indexedDB, IDBKeyRange },
    stockProjection.stores,
  );
  let reads = 0;
  db.use({
    stack: 'dbcore',
    name: 'count-stock-line-range-reads',
    create: (down) => ({
      ...down,
      table(name): DBCoreTable {
        const t = down.table(name);
        if (name !== 'stockLines') return t;
        const count =
          <A extends unknown[], R>(f: (...a: A) => R) =>
          (...a: A) => (reads++, f(...a));
        return {
          ...t,
          query: count(t.query.bind(t)),
          openCursor: count(t.openCursor.bind(t)),
          count: count(t.count.bind(t)),
        };
      },
    }),
  });
  return { index: db, rangeReads: () => reads };
}

async function apply(db: IndexDb, changes: ProjectedChange[]) {
  await db.transaction('rw', db.tables, async () => {
    const ctx = { registry: new SchemaRegistry(), derived: new DerivedPostings() };
    await stockProjection.apply(db, 'branch-nyc', changes, ctx);
  });
}

async function keyTotals(db: IndexDb) {
  const keys = await stockTables(db).keys.toArray();
  return Object.fromEntries(keys.map((k) => [k.warehouse, [k.qty, k.value]]));
}

describe('a batch of the stock projection', () => {
  it('folds moves after each key’s last row from that row alone, valued as FIFO', async () => {
    const c = countedIndex();
    index = c.index;
    await apply(index, [
      { id: BEANS, type: 'item', doc: { _id: BEANS, valuation: 'fifo' } },
      move('receipt', '2026-03-02', MAIN, '8', 1000),
      move('receipt', '2026-03-03', MAIN, '4', 1600),
      move('receipt', '2026-03-02', BACK, '5', 1200),
    ]);
    const before = c.rangeReads();
    await apply(index, [
      move('delivery', '2026-03-04', MAIN, '10', null),
      move('delivery', '2026-03-05', BACK, '2', null),
    ]);
    expect(c.rangeReads() - before).toBe(0);
    // FIFO: the ten bags leave as 8 at 10.00 and 2 at 16.00; two bags at 16.00 are left.
    expect(await keyTotals(index)).toEqual({ [MAIN]: [20_000, 3200], [BACK]: [30_000, 3600] });
    const lines = await stockTables(index).lines.orderBy('order').toArray();
    expect(lines.map((r) => [r.reference, r.value, r.qtyAfter, r.valueAfter])).toEqual([
      ['PO-101', 8000, 80_000, 8000],
      ['PO-103', 6000, 50_000, 6000],
      ['PO-102', 6400, 120_000, 14_400],
      ['SO-104', -11_200, 20_000, 3200],
      ['SO-105', -2400, 30_000, 3600],
    ]);
  });

  it('a back-dated receipt reads the key’s rows and re-values the moves after it', async () => {
    const c = countedIndex();
    index = c.index;
    await apply(index, [
      move('receipt', '2026-03-02', MAIN, '8', 1000),
      move('delivery', '2026-03-04', MAIN, '10', null),
    ]);
    const before = c.rangeReads();
    await apply(index, [move('receipt', '2026-03-03', MAIN, '4', 1600)]);
    expect(c.rangeReads() - before).toBeGreaterThan(0);
    expect(await keyTotals(index)).toEqual({ [MAIN]: [20_000, 3200] });
    const lines = await stockTables(index).lines.orderBy('order').toArray();
    expect(lines.map((r) => [r.value, r.dQty, r.dValue])).toEqual([
      [8000, 80_000, 8000],
      [6400, 40_000, 6400],
      [-11_200, -100_000, -11_200],
    ]);
  });
});
