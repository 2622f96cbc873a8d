import { formatMoney } from '../../../core/format';
import { formatQty, parseQty } from './quantity';
import type { Order, OrderLine } from './orders-schema';

/**
 * Where an order stands, derived (never stored) from what names it: stock moves (receipts,
 * deliveries) and trade documents (bills, invoices, credits) whose lines carry `order` and
 * `orderLine`. Pure, so every device computes the same from the same documents in any sync
 * order. Quantities are scaled integers (quantity.ts) in the order line's unit.
 */

export type LinkKind = 'receipt' | 'delivery' | 'bill' | 'invoice' | 'credit';

/** One line of another document that names an order line. */
export interface OrderLink {
  /** The document's id (a stock move or a trade document). */
  source: string;
  kind: LinkKind;
  orderLine: number;
  /** Scaled, in `factor` base units per unit (null: the order line's own unit). */
  qty: number;
  factor: string | null;
  /** Trade documents: price per unit, minor units of the document currency. */
  unitPrice: number | null;
  /** A trade document counts once issued; a draft bill is being prepared, not billed. */
  issued: boolean;
}

export interface OrderLineState {
  line: number;
  item: string;
  ordered: number;
  /** Received (purchase) or delivered (sales). */
  moved: number;
  /** Issued bills or invoices less credits. */
  billed: number;
  /** Still expected: ordered − moved, nothing once the order is closed. */
  backOrder: number;
  /** Moved beyond what was ordered (two offline devices may both receive). */
  over: number;
}

export type OrderStage =
  'quote' | 'draft' | 'confirmed' | 'partly moved' | 'moved' | 'billed' | 'closed';

export interface OrderState {
  stage: OrderStage;
  /** Confirmed, not closed, and something is still to receive/deliver or to bill. */
  open: boolean;
  lines: OrderLineState[];
}

/** A link's quantity in the order line's unit: the same unit in practice, converted if not. */
export function inOrderUnit(link: Pick<OrderLink, 'qty' | 'factor'>, line: OrderLine): number {
  if (!link.factor || link.factor === line.factor) return link.qty;
  return Math.round((link.qty * Number(link.factor)) / Number(line.factor));
}

export function orderState(order: Order, links: OrderLink[], closed: boolean): OrderState {
  const moveKind = order.type === 'purchaseOrder' ? 'receipt' : 'delivery';
  const billKind = order.type === 'purchaseOrder' ? 'bill' : 'invoice';
  const lines = order.lines.map((l, i): OrderLineState => {
    const ordered = parseQty(l.qty) ?? 0;
    let moved = 0;
    let billed = 0;
    for (const k of links) {
      if (k.orderLine !== i) continue;
      const q = inOrderUnit(k, l);
      if (k.kind === moveKind) moved += q;
      else if (k.issued && k.kind === billKind) billed += q;
      else if (k.issued && k.kind === 'credit') billed -= q;
    }
    const short = ordered - moved;
    return {
      line: i,
      item: l.item,
      ordered,
      moved,
      billed,
      backOrder: closed ? 0 : Math.max(short, 0),
      over: Math.max(-short, 0),
    };
  });
  const stage = stageOf(order, lines, closed);
  const open =
    order.status === 'posted' &&
    !closed &&
    lines.some((l) => l.backOrder > 0 || l.billed < l.moved);
  return { stage, open, lines };
}

function stageOf(order: Order, lines: OrderLineState[], closed: boolean): OrderStage {
  if (order.status === 'quote') return 'quote';
  if (order.status === 'draft') return 'draft';
  if (closed) return 'closed';
  if (lines.every((l) => l.moved >= l.ordered))
    return lines.every((l) => l.billed >= l.moved) ? 'billed' : 'moved';
  return lines.some((l) => l.moved > 0) ? 'partly moved' : 'confirmed';
}

/** How far a bill may stray from the order and the receipts before it is flagged. */
export interface MatchTolerance {
  /** Price difference allowed, in basis points of the ordered price (100 = 1 %). */
  priceBp: number;
  /** Quantity allowed beyond what was received, scaled (quantity.ts). */
  qty: number;
}
export const EXACT_MATCH: MatchTolerance = { priceBp: 0, qty: 0 };

export interface BillLineToMatch {
  orderLine: number;
  /** Scaled, in the order line's unit. */
  qty: number;
  unitPrice: number;
}

export interface MatchedLine {
  orderLine: number;
  item: string;
  ordered: number;
  orderedPrice: number;
  received: number;
  /** This bill's quantity plus what issued bills before it billed. */
  billed: number;
  billedPrice: number;
  priceDiffers: boolean;
  /** More billed than received (beyond the tolerance). */
  overReceived: boolean;
  /** More billed than ordered. */
  overOrdered: boolean;
  /** The differences in words; empty when the line matches. */
  flag: string;
}

/**
 * Three-way match of one bill (draft or issued) against its purchase order and the receipts:
 * per bill line, the ordered quantity and price, the received quantity, and the billed quantity
 * (this bill and the issued bills before it) and price. `earlier` must not include this bill.
 */
export function threeWayMatch(
  order: Order,
  earlier: OrderLink[],
  bill: BillLineToMatch[],
  tolerance: MatchTolerance = EXACT_MATCH,
): MatchedLine[] {
  const state = orderState(order, earlier, false);
  const money = (n: number) => formatMoney(n, order.currency);
  return bill.map((b): MatchedLine => {
    const line = order.lines[b.orderLine];
    const s = state.lines[b.orderLine];
    if (!line || !s)
      return {
        orderLine: b.orderLine,
        item: '',
        ordered: 0,
        orderedPrice: 0,
        received: 0,
        billed: b.qty,
        billedPrice: b.unitPrice,
        priceDiffers: false,
        overReceived: true,
        overOrdered: true,
        flag: `Billed ${formatQty(b.qty)} at ${money(b.unitPrice)}; not on the order.`,
      };
    const billed = s.billed + b.qty;
    const allowed = Math.floor((line.unitPrice * tolerance.priceBp) / 10_000);
    const priceDiffers = Math.abs(b.unitPrice - line.unitPrice) > allowed;
    const overReceived = billed > s.moved + tolerance.qty;
    const overOrdered = billed > s.ordered;
    const words: string[] = [];
    if (overReceived) words.push(`received ${formatQty(s.moved)}`);
    if (overOrdered || priceDiffers)
      words.push(
        `ordered ${overOrdered ? `${formatQty(s.ordered)} ` : ''}at ${money(line.unitPrice)}`,
      );
    const already = s.billed ? ` (${formatQty(s.billed)} billed before)` : '';
    const flag = words.length
      ? `Billed ${formatQty(billed)}${already} at ${money(b.unitPrice)}; ${words.join('; ')}.`
      : '';
    return {
      orderLine: b.orderLine,
      item: line.item,
      ordered: s.ordered,
      orderedPrice: line.unitPrice,
      received: s.moved,
      billed,
      billedPrice: b.unitPrice,
      priceDiffers,
      overReceived,
      overOrdered,
      flag,
    };
  });
}
