import type { Table } from 'dexie';
import type { IndexDb, Projection } from '../../../core/index/index-db';
import { parseQty } from '../domain/quantity';
import type { LinkKind, OrderLink } from '../domain/orders-state';
import type { OrderClose } from '../domain/orders-schema';
import type { StockMove } from '../domain/schemas';

/**
 * Which lines of which documents name an order (orders-state.ts reads them): receipt and
 * delivery lines of stock moves, bill, invoice and credit lines of trade documents, and the
 * orders' closings. One row per naming line, so an order's state reads its own rows, never a
 * scan of every move or bill.
 */

export interface OrderLinkRow extends Omit<OrderLink, 'kind'> {
  /** `<source>#<line>`; a closing is `<source>`. */
  id: string;
  order: string;
  /** A 'close' row (the order's closing) carries no line or quantity. */
  kind: LinkKind | 'close';
  /**
   * The naming document's date, so a report as of a day counts only what happened by then.
   * Rows indexed before it was kept have none; readers look the document up instead.
   */
  date?: string;
}

export const ORDER_STORES = { orderLinks: 'id, order, source' };

export function orderLinkTable(index: IndexDb): Table<OrderLinkRow, string> {
  return index.table('orderLinks') as Table<OrderLinkRow, string>;
}

interface TradeLineLike {
  quantity: string;
  unitPrice: number;
  order?: string;
  orderLine?: number;
}
interface TradeDocLike {
  _id: string;
  side: 'sales' | 'purchase';
  kind: 'invoice' | 'credit';
  status: string;
  date?: string;
  lines: TradeLineLike[];
}

const MOVE_LINKS: Partial<Record<StockMove['kind'], LinkKind>> = {
  receipt: 'receipt',
  delivery: 'delivery',
};

export function linksOf(type: string, doc: Record<string, unknown>): OrderLinkRow[] {
  if (type === 'orderClose') {
    const c = doc as unknown as OrderClose;
    const close = { source: c._id, kind: 'close' as const, orderLine: -1, qty: 0, factor: null };
    return [{ ...close, id: c._id, order: c.order, unitPrice: null, issued: true, date: c.date }];
  }
  if (type === 'stockMove') {
    const m = doc as unknown as StockMove;
    const kind = MOVE_LINKS[m.kind];
    if (!kind) return [];
    return m.lines.flatMap((l, i) => {
      const qty = parseQty(l.qty);
      if (!l.order || l.orderLine === undefined || qty === null) return [];
      const row: OrderLinkRow = {
        id: `${m._id}#${i}`,
        source: m._id,
        order: l.order,
        orderLine: l.orderLine,
        kind,
        qty,
        factor: l.factor,
        unitPrice: null,
        issued: true,
        date: m.date,
      };
      return [row];
    });
  }
  if (type === 'tradeDoc') {
    const t = doc as unknown as TradeDocLike;
    const kind: LinkKind = t.kind === 'credit' ? 'credit' : t.side === 'sales' ? 'invoice' : 'bill';
    return (t.lines ?? []).flatMap((l, i) => {
      const qty = parseQty(String(l.quantity));
      if (!l.order || l.orderLine === undefined || qty === null) return [];
      const row: OrderLinkRow = {
        id: `${t._id}#${i}`,
        source: t._id,
        order: l.order,
        orderLine: l.orderLine,
        kind,
        qty: Math.abs(qty),
        factor: null,
        unitPrice: l.unitPrice,
        issued: t.status === 'posted',
        ...(t.date ? { date: t.date } : {}),
      };
      return [row];
    });
  }
  return [];
}

const TYPES = new Set(['stockMove', 'tradeDoc', 'orderClose']);

export const ordersProjection: Projection = {
  stores: ORDER_STORES,
  async apply(index, _db, changes) {
    const ours = changes.filter((c) => TYPES.has(c.type));
    if (!ours.length) return;
    const t = orderLinkTable(index);
    // A document's only revision ever has contributed nothing yet (ProjectedChange.fresh).
    const seen = ours.filter((c) => !c.fresh).map((c) => c.id);
    const old = seen.length ? await t.where('source').anyOf(seen).primaryKeys() : [];
    if (old.length) await t.bulkDelete(old);
    const fresh = ours.flatMap((c) => (c.doc ? linksOf(c.type, c.doc) : []));
    if (fresh.length) await t.bulkPut(fresh);
  },
};
