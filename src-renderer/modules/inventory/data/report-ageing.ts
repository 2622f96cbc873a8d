import type { Collection } from 'dexie';
import { OutpostError } from '../../../core/errors';
import type { ModuleContext } from '../../../core/module-context';
import { formatQty } from '../domain/quantity';
import { shareOf } from '../domain/valuation';
import { AGE_BUCKETS, bucketOf } from '../domain/ageing';
import type { AgeingQuery, AgeingResult, AgeingRow } from './report-types';
import {
  bySkuThenWarehouse,
  checkedDate,
  daysBetween,
  described,
  keysInScope,
  names,
} from './report-common';
import { endOfDay, stockTables, type StockLineRow } from './stock-rows';

/**
 * Ageing and slow movers as of a day, per item × warehouse with stock. What is on hand is the
 * newest stock that came in (FIFO sends the oldest out first; under moving average the same
 * reading is the usual convention), so the receipts read backwards from the day cover it: their
 * dates give the ages. FIFO values each bucket by its own layers (the fold's state); moving
 * average shares the one average value by quantity. Slow: nothing went out for more than
 * `slowDays` days, or nothing ever did and the oldest stock is older than that.
 */
export async function stockAgeing(s: ModuleContext, q: AgeingQuery): Promise<AgeingResult> {
  const asOf = checkedDate(q?.asOf, 'the day to age the stock on');
  const slowDays = q.slowDays ?? 90;
  if (!Number.isInteger(slowDays) || slowDays < 1 || slowDays > 3650)
    throw new OutpostError('validation', 'Slow means whole days without a sale: 1 to 3650.');
  const keys = await keysInScope(s, q);
  const t = stockTables(s.index);
  const n = await names(s);
  const at = endOfDay(asOf);
  const rows: AgeingRow[] = [];
  for (const k of keys) {
    const range = () => t.lines.where('[key+order]').between([k.key, ''], [k.key, at], true, true);
    const last = await range().last();
    if (!last || last.qtyAfter <= 0) continue;
    const method = (await t.items.get(k.item))?.method ?? 'fifo';
    const receipts = await newestReceipts(range, last.qtyAfter);
    const lastOut =
      (
        await range()
          .reverse()
          .filter((r) => r.qty < 0)
          .first()
      )?.date ?? null;
    const buckets = AGE_BUCKETS.map(() => ({ qty: 0, value: 0 }));
    const lots =
      method === 'fifo' && last.state.layers.length
        ? fifoLots(last, receipts)
        : averageLots(last, receipts);
    for (const lot of lots) {
      const b = buckets[bucketOf(daysBetween(lot.date, asOf))]!;
      b.qty += lot.qty;
      b.value += lot.value;
    }
    const oldest = lots.length ? lots[lots.length - 1]!.date : null;
    const idle = lastOut ?? oldest;
    rows.push({
      item: k.item,
      warehouse: k.warehouse,
      branch: k.branch,
      ...described(n, k),
      method,
      qty: formatQty(last.qtyAfter),
      value: last.valueAfter,
      buckets: buckets.map((b) => ({ qty: formatQty(b.qty), value: b.value })),
      oldest,
      lastOut,
      slow: idle !== null && daysBetween(idle, asOf) > slowDays,
    });
  }
  rows.sort(bySkuThenWarehouse);
  return {
    asOf,
    slowDays,
    rows,
    totals: {
      buckets: AGE_BUCKETS.map((_, i) => rows.reduce((v, r) => v + r.buckets[i]!.value, 0)),
      value: rows.reduce((v, r) => v + r.value, 0),
    },
  };
}

interface Lot {
  date: string;
  qty: number;
  value: number;
}

/**
 * The incoming rows, newest first, until they cover `qty` (each carries the part of it that is
 * still on hand). Read a row at a time backwards, so an old item's history is not loaded.
 */
async function newestReceipts(
  range: () => Collection<StockLineRow, string>,
  qty: number,
): Promise<{ row: StockLineRow; qty: number }[]> {
  const out: { row: StockLineRow; qty: number }[] = [];
  let need = qty;
  let emptied = false;
  await range()
    .reverse()
    .until(() => need <= 0 || emptied)
    .each((r) => {
      // Where the shelf was empty, nothing older is still on it.
      if (r.qtyAfter <= 0) emptied = true;
      if (r.qty <= 0 || need <= 0 || emptied) return;
      // A receipt that filled a shortfall put only what was left after it on the shelf.
      const take = Math.min(r.qty, r.qtyAfter, need);
      out.push({ row: r, qty: take });
      need -= take;
    });
  // Stock the receipts do not explain (a count that found more, say, before any receipt) is as
  // old as the first row there is: the receipts found are stretched over it.
  if (need > 0 && out.length) out[out.length - 1]!.qty += need;
  return out;
}

/** FIFO: the fold's layers, newest last, matched with the receipts that left them. */
function fifoLots(last: StockLineRow, receipts: { row: StockLineRow; qty: number }[]): Lot[] {
  const layers = last.state.layers;
  const lots: Lot[] = [];
  for (let i = 0; i < layers.length; i++) {
    const layer = layers[layers.length - 1 - i]!;
    const date = (receipts[i] ?? receipts[receipts.length - 1])?.row.date ?? last.date;
    lots.push({ date, qty: layer.qty, value: layer.value });
  }
  return lots;
}

/** Moving average: each receipt's part of the quantity at the one average cost. */
function averageLots(last: StockLineRow, receipts: { row: StockLineRow; qty: number }[]): Lot[] {
  if (!receipts.length) return [{ date: last.date, qty: last.qtyAfter, value: last.valueAfter }];
  let left = last.valueAfter;
  return receipts.map((r, i) => {
    // The oldest part takes what rounding leaves, so the buckets add up to the stock's value.
    const value = i === receipts.length - 1 ? left : shareOf(last.valueAfter, r.qty, last.qtyAfter);
    left -= value;
    return { date: r.row.date, qty: r.qty, value };
  });
}
