import type { ModuleContext } from '../../../core/module-context';
import type { OrderLink } from '../domain/orders-state';
import { orderLinkTable, type OrderLinkRow } from './orders-projection';
import { listOrders, viewOf, type OrderSide, type OrderView } from './orders';

/**
 * Confirmed orders as they stood at the end of a day: ordered on or before it, and counting only
 * the receipts, deliveries, bills and closings dated on or before it. A receipt after the day
 * leaves its line open; a closing after the day leaves the order open.
 */

/** Each row's date: its own, or for a row indexed before rows kept one, its document's. */
async function datesOf(s: ModuleContext, rows: OrderLinkRow[]): Promise<Map<string, string>> {
  const dates = new Map<string, string>();
  for (const r of rows) if (r.date) dates.set(r.source, r.date);
  for (const r of rows) {
    if (dates.has(r.source)) continue;
    const doc = (await s.read(r.source).catch(() => null))?.doc;
    dates.set(r.source, typeof doc?.date === 'string' ? doc.date : '');
  }
  return dates;
}

export async function ordersAsOf(
  s: ModuleContext,
  q: { side?: OrderSide | null; asOf: string },
): Promise<OrderView[]> {
  const orders = (await listOrders(s, { side: q.side ?? null }))
    .map((v) => v.order)
    .filter((o) => o.status === 'posted' && o.date <= q.asOf);
  if (!orders.length) return [];
  const rows = await orderLinkTable(s.index)
    .where('order')
    .anyOf(orders.map((o) => o._id))
    .toArray();
  const dates = await datesOf(s, rows);
  const byOrder = new Map<string, OrderLinkRow[]>();
  for (const r of rows) {
    const date = dates.get(r.source) ?? '';
    // A document without a readable date is counted: leaving it out would reopen a line it moved.
    if (date && date > q.asOf) continue;
    byOrder.set(r.order, [...(byOrder.get(r.order) ?? []), r]);
  }
  return orders.map((o) => {
    const mine = byOrder.get(o._id) ?? [];
    const links = mine.filter((r): r is OrderLinkRow & OrderLink => r.kind !== 'close');
    return viewOf(
      o,
      links,
      mine.some((r) => r.kind === 'close'),
    );
  });
}
