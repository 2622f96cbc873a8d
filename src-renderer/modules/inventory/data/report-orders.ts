import { todayLocal } from '../../../core/dates';
import type { ModuleContext } from '../../../core/module-context';
import { formatQty, parseQty, QTY_SCALE } from '../domain/quantity';
import { shareOf } from '../domain/valuation';
import { listOrders, type OrderView } from './orders';
import { ordersAsOf } from './orders-as-of';
import type {
  OpenOrderLineRow,
  OpenOrdersQuery,
  OpenOrdersResult,
  ReorderQuery,
  ReorderRow,
} from './report-types';
import { bySkuThenWarehouse, described, names } from './report-common';
import { inventoryRepos } from './repos';
import { baseQty, stockKey, stockTables } from './stock-rows';

/**
 * Reports over orders: what confirmed orders still expect (open purchase and sales orders) and
 * what to buy (reorder suggestions). An order's back-order is derived from the receipts and
 * deliveries that name it (orders-state.ts), never stored.
 */

const sideOf = (v: OrderView) => (v.order.type === 'purchaseOrder' ? 'purchase' : 'sales');

async function partyNames(s: ModuleContext, ids: string[]) {
  const out = new Map<string, string>();
  for (const id of new Set(ids)) {
    const doc = (await s.read(id).catch(() => null))?.doc;
    out.set(
      id,
      typeof doc?.name === 'string' ? doc.name : '(supplier or customer not on this device)',
    );
  }
  return out;
}

/**
 * Every line still to receive or deliver at the end of the as-of day (today when absent) on a
 * confirmed order not closed by then, oldest order first.
 */
export async function openOrders(s: ModuleContext, q: OpenOrdersQuery): Promise<OpenOrdersResult> {
  const asOf = q?.asOf ?? q?.today ?? todayLocal();
  const views = (await ordersAsOf(s, { side: q?.side ?? null, asOf })).filter(
    (v) => !v.closed && (!q?.branch || v.order.branch === q.branch),
  );
  const parties = await partyNames(
    s,
    views.map((v) => v.order.partyId),
  );
  const n = await names(s);
  const rows: OpenOrderLineRow[] = [];
  for (const v of views) {
    const o = v.order;
    for (const l of v.lines) {
      const open = parseQty(l.backOrder) ?? 0;
      if (open <= 0) continue;
      const item = n.item.get(l.item);
      rows.push({
        order: o._id,
        side: sideOf(v),
        number: o.number ?? '',
        branch: o.branch,
        party: parties.get(o.partyId) ?? '',
        date: o.date,
        expectedDate: o.expectedDate,
        late: !!(o.expectedDate && o.expectedDate < asOf),
        line: l.line,
        item: l.item,
        sku: item?.sku ?? '',
        name: item?.name ?? '(item not on this device yet)',
        unit: l.unit,
        ordered: l.ordered,
        open: l.backOrder,
        currency: o.currency,
        openValue: shareOf(o.lines[l.line]!.unitPrice, open, QTY_SCALE),
      });
    }
  }
  rows.sort((a, b) =>
    a.side !== b.side
      ? a.side === 'purchase'
        ? -1
        : 1
      : a.date !== b.date
        ? a.date < b.date
          ? -1
          : 1
        : a.number !== b.number
          ? a.number < b.number
            ? -1
            : 1
          : a.line - b.line,
  );
  const totals = new Map<string, OpenOrdersResult['totals'][number]>();
  for (const r of rows) {
    const k = `${r.side}|${r.currency}`;
    const t = totals.get(k) ?? { side: r.side, currency: r.currency, value: 0 };
    t.value += r.openValue;
    totals.set(k, t);
  }
  return { asOf, rows, totals: [...totals.values()] };
}

/**
 * Per reorder rule: on hand now, plus what open purchase orders still bring into the rule's
 * warehouse, less what open sales orders still take from it. At or below the rule's level, the
 * suggestion is what gets back to the level, and at least the rule's quantity.
 */
export async function reorderSuggestions(s: ModuleContext, q: ReorderQuery): Promise<ReorderRow[]> {
  const n = await names(s);
  const rules = (await inventoryRepos(s).reorderRules.list()).filter(
    (r) => !q?.branch || n.warehouse.get(r.warehouse)?.branchCode === q.branch,
  );
  if (!rules.length) return [];
  const orders = (await listOrders(s, {})).filter((v) => v.order.status === 'posted');
  // Base units still to come (+) or to go (−) per item × warehouse.
  const expected = new Map<string, { in: number; out: number }>();
  const lastPo = new Map<string, OrderView['order']>();
  for (const v of orders) {
    const o = v.order;
    for (const l of v.lines) {
      const key = stockKey(l.item, o.warehouse);
      if (sideOf(v) === 'purchase') {
        const prev = lastPo.get(l.item);
        if (!prev || o.date > prev.date || (o.date === prev.date && o._id > prev._id))
          lastPo.set(l.item, o);
      }
      const back = baseQty(l.backOrder, o.lines[l.line]!.factor) ?? 0;
      if (back <= 0) continue;
      const e = expected.get(key) ?? { in: 0, out: 0 };
      if (sideOf(v) === 'purchase') e.in += back;
      else e.out += back;
      expected.set(key, e);
    }
  }
  const suppliers = await partyNames(
    s,
    [...lastPo.values()].map((o) => o.partyId),
  );
  await s.settle();
  const keys = stockTables(s.index).keys;
  const rows: ReorderRow[] = [];
  for (const rule of rules) {
    const key = stockKey(rule.item, rule.warehouse);
    const onHand = (await keys.get(key))?.qty ?? 0;
    const e = expected.get(key) ?? { in: 0, out: 0 };
    const projected = onHand + e.in - e.out;
    const level = parseQty(rule.level) ?? 0;
    const ruleQty = parseQty(rule.quantity) ?? 0;
    if (projected > level) continue;
    const suggested = Math.max(ruleQty, level - projected);
    if (suggested <= 0) continue;
    const po = lastPo.get(rule.item);
    rows.push({
      rule: rule._id,
      item: rule.item,
      warehouse: rule.warehouse,
      branch: n.warehouse.get(rule.warehouse)?.branchCode ?? '',
      ...described(n, rule),
      onHand: formatQty(onHand),
      onOrder: formatQty(e.in),
      committed: formatQty(e.out),
      projected: formatQty(projected),
      level: formatQty(level),
      ruleQty: formatQty(ruleQty),
      suggested: formatQty(suggested),
      supplier: po
        ? {
            id: po.partyId,
            name: suppliers.get(po.partyId) ?? '',
            currency: po.currency,
            unitPrice:
              po.lines.find((l) => l.item === rule.item && l.factor === '1')?.unitPrice ?? null,
          }
        : null,
    });
  }
  return rows.sort(bySkuThenWarehouse);
}
