import type { Table } from 'dexie';
import { OutpostError } from '../../../core/errors';
import type { ModuleContext } from '../../../core/module-context';
import { formatQty } from '../domain/quantity';
import type { Item, Warehouse } from '../domain/schemas';
import type {
  StockOnHandPage,
  StockOnHandPageQuery,
  StockOnHandQuery,
  StockOnHandRow,
} from '../rpc-contract';
import { cachedItems, cachedWarehouses } from './repos';
import { endOfDay, stockKey, stockTables, type StockKeyRow, type StockLineRow } from './stock-rows';

/**
 * Stock on hand per item × warehouse, whole or a page at a time. Both list the rows in one
 * order: items this device knows by SKU, then the items it does not know yet, each item's
 * warehouses by code. A page walks the items in that order and reads only their key rows, so
 * the first page of 100,000 key rows reads a few hundred of them.
 */

const FAR_FUTURE = '9999-12-31';
/** The page grows by "Show more" (one read of every page so far): past this, export the list. */
export const MAX_STOCK_PAGE = 10_000;

export type BalanceRow = StockOnHandRow & { scaled: number };

/** Where a row sorts: [unknown item ? 1 : 0, sku, item, warehouse code, warehouse]. */
type Place = [number, string, string, string, string];

function comparePlaces(a: readonly (number | string)[], b: readonly (number | string)[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]! ? -1 : 1;
  return 0;
}

const placeOf = (r: StockOnHandRow, known: boolean): Place => [
  known ? 0 : 1,
  r.sku,
  r.item,
  r.warehouseCode,
  r.warehouse,
];

function cursorOf(text: string): Place {
  let place: unknown;
  try {
    place = JSON.parse(text);
  } catch {
    place = null;
  }
  const ok =
    Array.isArray(place) &&
    place.length === 5 &&
    (place[0] === 0 || place[0] === 1) &&
    place.slice(1).every((p) => typeof p === 'string');
  if (!ok) throw new OutpostError('validation', 'Open the stock on hand report again to page it.');
  return place as Place;
}

interface Reading {
  item: Map<string, Item>;
  warehouse: Map<string, Warehouse>;
  lines: Table<StockLineRow, string>;
  asOf: string | null;
  at: string;
  /** What each key changed after `at`, or null: read each key's state at `at` instead. */
  since: Map<string, { qty: number; value: number }> | null;
}

async function reading(s: ModuleContext, q: StockOnHandQuery, keys: number): Promise<Reading> {
  const [items, warehouses] = await Promise.all([cachedItems(s), cachedWarehouses(s)]);
  const lines = stockTables(s.index).lines;
  const at = endOfDay(q.asOf ?? FAR_FUTURE);
  return {
    item: new Map(items.map((i) => [i._id, i])),
    warehouse: new Map(warehouses.map((w) => [w._id, w])),
    lines,
    asOf: q.asOf ?? null,
    at,
    since: q.asOf ? await changesAfter(lines, at, keys) : null,
  };
}

/**
 * What each key's rows after `at` changed (their `dQty`, `dValue`), or null when there are more
 * of them than keys: then one lookup per key reads less.
 */
async function changesAfter(lines: Table<StockLineRow, string>, at: string, keys: number) {
  const after = lines.where('order').above(at);
  if ((await after.count()) > Math.max(keys, 1000)) return null;
  const per = new Map<string, { qty: number; value: number }>();
  await after.each((r) => {
    const cur = per.get(r.key) ?? { qty: 0, value: 0 };
    cur.qty += r.dQty ?? 0;
    cur.value += r.dValue ?? 0;
    per.set(r.key, cur);
  });
  return per;
}

/** One key's row at the end of the day read, or null when nothing is there then. */
async function balanceOf(k: StockKeyRow, r: Reading): Promise<BalanceRow | null> {
  // Now: the fold keeps each key's totals; as of a recent day: those less what changed after
  // it; as of a day long ago: the state after that day's last move, read per key.
  const later = r.since?.get(k.key) ?? { qty: 0, value: 0 };
  const last =
    !r.asOf || r.since
      ? { qtyAfter: k.qty - later.qty, valueAfter: k.value - later.value }
      : await r.lines.where('[key+order]').between([k.key, ''], [k.key, r.at], true, true).last();
  if (!last || (last.qtyAfter === 0 && last.valueAfter === 0)) return null;
  const item = r.item.get(k.item);
  return {
    item: k.item,
    sku: item?.sku ?? '',
    name: item?.name ?? '(item not on this device yet)',
    unit: item?.baseUnit ?? '',
    warehouse: k.warehouse,
    warehouseCode: r.warehouse.get(k.warehouse)?.code ?? '',
    branch: k.branch,
    qty: formatQty(last.qtyAfter),
    scaled: last.qtyAfter,
    value: last.valueAfter,
  };
}

const wanted =
  (q: StockOnHandQuery) =>
  (k: StockKeyRow | undefined): k is StockKeyRow =>
    !!k &&
    (!q.branch || k.branch === q.branch) &&
    (!q.warehouse || k.warehouse === q.warehouse) &&
    (!q.item || k.item === q.item);

/** Every row at once: exports, valuation and the callers that want the whole list. */
export async function balances(s: ModuleContext, q: StockOnHandQuery): Promise<BalanceRow[]> {
  await s.settle();
  const t = stockTables(s.index);
  const keys = (
    q.item
      ? await t.keys.where('item').equals(q.item).toArray()
      : q.branch
        ? await t.keys.where('branch').equals(q.branch).toArray()
        : await t.keys.toArray()
  ).filter(wanted(q));
  const r = await reading(s, q, keys.length);
  const rows: { row: BalanceRow; place: Place }[] = [];
  for (const k of keys) {
    const row = await balanceOf(k, r);
    if (row) rows.push({ row, place: placeOf(row, r.item.has(k.item)) });
  }
  return rows.sort((a, b) => comparePlaces(a.place, b.place)).map((x) => x.row);
}

/** Items in page order, sorted once per item list (the cached list changes with master data). */
const itemOrder = new WeakMap<readonly Item[], Item[]>();
function inPageOrder(items: readonly Item[]): Item[] {
  let sorted = itemOrder.get(items);
  if (!sorted) {
    sorted = [...items].sort((a, b) =>
      a.sku !== b.sku ? (a.sku < b.sku ? -1 : 1) : a._id < b._id ? -1 : a._id > b._id ? 1 : 0,
    );
    itemOrder.set(items, sorted);
  }
  return sorted;
}

/** The rows after `after`, `limit` of them, and where the next page starts. */
export async function stockOnHandPage(
  s: ModuleContext,
  q: StockOnHandPageQuery,
): Promise<StockOnHandPage> {
  const limit = Math.min(Math.max(1, Math.floor(q.limit) || 1), MAX_STOCK_PAGE);
  const after = q.after ? cursorOf(q.after) : null;
  await s.settle();
  const t = stockTables(s.index);
  const r = await reading(s, q, 0);
  const known = inPageOrder(await cachedItems(s));
  const rows: { row: BalanceRow; place: Place }[] = [];
  const pastCursor = (p: Place) => !after || comparePlaces(p, after) > 0;

  // Reads the key rows of `ids` (in page order) a chunk at a time until the page is full.
  async function walk(ids: string[], rank: number) {
    let chunk = Math.max(8, Math.ceil(limit / 8));
    for (let from = 0; from < ids.length && rows.length <= limit; from += chunk, chunk *= 2) {
      const part = ids.slice(from, from + chunk);
      const keys = q.warehouse
        ? await t.keys.bulkGet(part.map((id) => stockKey(id, q.warehouse!)))
        : await t.keys.where('item').anyOf(part).toArray();
      const found = await Promise.all(keys.filter(wanted(q)).map((k) => balanceOf(k, r)));
      const placed = found
        .filter((row): row is BalanceRow => !!row)
        .map((row) => ({ row, place: placeOf(row, rank === 0) }))
        .filter((x) => pastCursor(x.place))
        .sort((a, b) => comparePlaces(a.place, b.place));
      rows.push(...placed);
    }
  }

  if (q.item) {
    await walk([q.item], r.item.has(q.item) ? 0 : 1);
  } else {
    if (!after || after[0] === 0) {
      const start = after
        ? known.findIndex((i) => comparePlaces([0, i.sku, i._id], after.slice(0, 3)) >= 0)
        : 0;
      if (start >= 0)
        await walk(
          known.slice(start).map((i) => i._id),
          0,
        );
    }
    if (rows.length <= limit) {
      // Keys of items master data has not brought yet: found only once the known ones are done.
      const all = (await t.keys.orderBy('item').uniqueKeys()) as string[];
      const unknown = all
        .filter((id) => !r.item.has(id) && (!after || after[0] === 0 || id >= after[2]))
        .sort();
      await walk(unknown, 1);
    }
  }
  const page = rows.slice(0, limit);
  const more = rows.length > limit;
  return {
    rows: page.map(({ row: { scaled: _scaled, ...row } }) => row),
    next: more ? JSON.stringify(page[page.length - 1]!.place) : null,
  };
}
