import type { ModuleContext } from '../../../core/module-context';
import { formatQty } from '../domain/quantity';
import type { Item, Warehouse } from '../domain/schemas';
import { cachedItems, cachedWarehouses } from './repos';
import { balances } from './stock-on-hand';
import { stockTables, type StockLineRow } from './stock-rows';
import { totalsAsOf } from './stock-months';
import type {
  ItemLedgerQuery,
  ItemLedgerResult,
  NegativeStockRow,
  StockOnHandQuery,
  StockOnHandRow,
  ValuationQuery,
  ValuationResult,
} from '../rpc-contract';

/** Reports over the stock projection: read once the index holds every write so far. */

async function lookups(s: ModuleContext) {
  const [items, warehouses] = await Promise.all([cachedItems(s), cachedWarehouses(s)]);
  return {
    item: new Map<string, Item>(items.map((i) => [i._id, i])),
    warehouse: new Map<string, Warehouse>(warehouses.map((w) => [w._id, w])),
  };
}

/** On hand per item × warehouse at the end of `asOf`, for one branch or the whole company. */
export async function stockOnHand(
  s: ModuleContext,
  q: StockOnHandQuery,
): Promise<StockOnHandRow[]> {
  return (await balances(s, q)).map(({ scaled: _scaled, ...r }) => r);
}

/** Quantity and value per item at the end of `asOf` (all its warehouses), with the total. */
export async function valuation(s: ModuleContext, q: ValuationQuery): Promise<ValuationResult> {
  const names = await lookups(s);
  const per = new Map<string, { qty: number; value: number }>();
  if (q.asOf) {
    // As of a day: the month totals before it and its month's rows (stock-months.ts).
    await s.settle();
    const t = stockTables(s.index);
    for (const [item, v] of await totalsAsOf(s.index, q.asOf, q.branch ?? null, t.lines))
      if (v.qty !== 0 || v.value !== 0) per.set(item, v);
  } else {
    for (const r of await balances(s, { branch: q.branch })) {
      const cur = per.get(r.item) ?? { qty: 0, value: 0 };
      cur.qty += r.scaled;
      cur.value += r.value;
      per.set(r.item, cur);
    }
  }
  const rows = [...per].map(([id, v]) => {
    const item = names.item.get(id);
    return {
      item: id,
      sku: item?.sku ?? '',
      name: item?.name ?? '(item not on this device yet)',
      method: item?.valuation ?? 'fifo',
      qty: formatQty(v.qty),
      value: v.value,
    };
  });
  rows.sort((a, b) => (a.sku < b.sku ? -1 : 1));
  return { asOf: q.asOf ?? null, rows, total: rows.reduce((n, r) => n + r.value, 0) };
}

/**
 * One item's moves in order with the running quantity and value: of one warehouse, or of all
 * the item's warehouses (of a branch) together. Paged with offset and limit.
 */
export async function itemStockLedger(
  s: ModuleContext,
  q: ItemLedgerQuery,
): Promise<ItemLedgerResult> {
  await s.settle();
  const t = stockTables(s.index);
  const keys = (await t.keys.where('item').equals(q.item).toArray()).filter(
    (k) => (!q.warehouse || k.warehouse === q.warehouse) && (!q.branch || k.branch === q.branch),
  );
  const all: StockLineRow[] = [];
  for (const k of keys)
    all.push(
      ...(await t.lines.where('[key+order]').between([k.key, ''], [k.key, '\uffff']).toArray()),
    );
  all.sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : 0));
  const latest = new Map<string, { qty: number; value: number }>();
  let qty = 0;
  let value = 0;
  const names = await lookups(s);
  const rows = all.map((r) => {
    const prev = latest.get(r.key) ?? { qty: 0, value: 0 };
    qty += r.qtyAfter - prev.qty;
    value += r.valueAfter - prev.value;
    latest.set(r.key, { qty: r.qtyAfter, value: r.valueAfter });
    return {
      moveId: r.moveId,
      line: r.id,
      date: r.date,
      kind: r.kind,
      reference: r.reference,
      warehouse: r.warehouse,
      warehouseCode: names.warehouse.get(r.warehouse)?.code ?? '',
      qty: formatQty(r.qty),
      value: r.value,
      cogsAdjustment: r.cogsAdjustment,
      wentNegative: r.wentNegative,
      runningQty: formatQty(qty),
      runningValue: value,
    };
  });
  const offset = Math.max(0, q.offset ?? 0);
  const limit = Math.min(Math.max(1, q.limit ?? 100), 1000);
  return { total: rows.length, rows: rows.slice(offset, offset + limit) };
}

/**
 * Every item × warehouse below zero now (two offline devices both took the last unit, or the
 * company allows it), with the outgoing moves since the last incoming move before it went
 * below zero: together they took more than there was.
 */
export async function negativeStock(
  s: ModuleContext,
  q: { branch?: string | null },
): Promise<NegativeStockRow[]> {
  await s.settle();
  const t = stockTables(s.index);
  const short = (q.branch ? t.keys.where('branch').equals(q.branch) : t.keys.toCollection()).filter(
    (k) => k.qty < 0,
  );
  const names = await lookups(s);
  const out: NegativeStockRow[] = [];
  for (const k of await short.toArray()) {
    const rows = await t.lines
      .where('[key+order]')
      .between([k.key, ''], [k.key, '\uffff'])
      .toArray();
    let from = rows.length;
    while (from > 0 && rows[from - 1]!.qtyAfter < 0) from--;
    // The deliveries that emptied the shelf before it went below zero share the blame.
    while (from > 0 && rows[from - 1]!.qty < 0) from--;
    const item = names.item.get(k.item);
    out.push({
      item: k.item,
      sku: item?.sku ?? '',
      name: item?.name ?? '(item not on this device yet)',
      warehouse: k.warehouse,
      warehouseCode: names.warehouse.get(k.warehouse)?.code ?? '',
      branch: k.branch,
      qty: formatQty(k.qty),
      value: k.value,
      moves: rows
        .slice(from)
        .filter((r) => r.qty < 0)
        .map((r) => ({
          moveId: r.moveId,
          date: r.date,
          kind: r.kind,
          reference: r.reference,
          qty: formatQty(r.qty),
        })),
    });
  }
  return out.sort((a, b) =>
    a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : a.warehouseCode < b.warehouseCode ? -1 : 1,
  );
}
