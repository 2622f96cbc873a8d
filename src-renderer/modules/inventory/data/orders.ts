import { takeNextNumber } from '../../../core/db/series';
import { parseOrThrow } from '../../../core/db/validation';
import { OutpostError } from '../../../core/errors';
import type { ModuleContext } from '../../../core/module-context';
import {
  orderLineSchema,
  purchaseOrderSchema,
  salesOrderSchema,
  type Order,
  type OrderClose,
  type PurchaseOrder,
  type SalesOrder,
} from '../domain/orders-schema';
import { orderState, type OrderLink, type OrderState } from '../domain/orders-state';
import { formatQty } from '../domain/quantity';
import { orderLinkTable } from './orders-projection';
import { cachedItems } from './repos';

/**
 * Purchase and sales orders on this device's branch (docs/ARCHITECTURE.md, "Inventory:
 * orders"): drafts and quotes are saved and edited; confirming takes the next PO or SO number
 * and makes the order a fact; closing writes an `orderClose`. Every check runs before the one
 * write, so bad input changes nothing and takes no number.
 */

export type OrderSide = 'purchase' | 'sales';

export interface OrderLineInput {
  item: string;
  qty: string;
  /** Defaults to the item's base unit. */
  unit?: string;
  unitPrice: number;
  /** Defaults to the item's tax code. */
  taxCode?: string | null;
  description?: string;
}

export interface OrderInput {
  id?: string;
  side: OrderSide;
  /** Sales only: save as a quote (numbered QT) rather than a draft order. */
  quote?: boolean;
  partyId: string;
  date: string;
  expectedDate?: string | null;
  currency: string;
  warehouse: string;
  lines: OrderLineInput[];
  reference?: string;
  memo?: string;
}

/** One order line as lists show it: quantities as decimal text in the line's unit. */
export interface OrderLineView {
  line: number;
  item: string;
  unit: string;
  ordered: string;
  /** Received (purchase) or delivered (sales). */
  moved: string;
  billed: string;
  backOrder: string;
  over: string;
}

export interface OrderView {
  order: Order;
  stage: OrderState['stage'];
  open: boolean;
  closed: boolean;
  lines: OrderLineView[];
  /** The receipts, deliveries, bills and invoices naming the order, once each (its page links them). */
  sources: { id: string; kind: OrderLink['kind']; issued: boolean }[];
}

const refuse = (message: string, fields?: Record<string, string>): never => {
  throw new OutpostError('validation', `${message} Nothing was saved.`, fields);
};

const TYPE: Record<OrderSide, Order['type']> = { purchase: 'purchaseOrder', sales: 'salesOrder' };
const sideOf = (o: Order): OrderSide => (o.type === 'purchaseOrder' ? 'purchase' : 'sales');

function orderRepo(s: ModuleContext, side: OrderSide, db = s.homeBranchDbName) {
  return side === 'purchase'
    ? s.repository<PurchaseOrder>(db, 'purchaseOrder')
    : s.repository<SalesOrder>(db, 'salesOrder');
}

/** The order `id` as every device sees it, or a refusal in words. */
export async function loadOrder(s: ModuleContext, id: string): Promise<Order> {
  const found = id ? await s.read(id) : null;
  const doc = found?.doc;
  if (!doc || (doc.type !== 'purchaseOrder' && doc.type !== 'salesOrder'))
    throw new OutpostError('not-found', 'That order is not on this device.');
  return s.registry.decode<Order>(doc as never).doc as Order;
}

/** The lines, party and warehouse checked against master data; units and tax codes filled in. */
async function checkedFields(s: ModuleContext, input: OrderInput) {
  const items = new Map((await cachedItems(s)).map((i) => [i._id, i]));
  const lines = (Array.isArray(input?.lines) ? input.lines : []).map((l, i) => {
    const item = items.get(l?.item);
    if (!item || item.archived)
      return refuse(`Line ${i + 1}: choose an item from the catalogue.`, {
        [`lines.${i}.item`]: 'Unknown item.',
      });
    if (item.kind !== 'stock')
      return refuse(
        `Line ${i + 1}: ${item.sku} is not a stock item, so it is not received or delivered.`,
      );
    const unit = l.unit?.trim() || item.baseUnit;
    const factor = unit === item.baseUnit ? '1' : item.units.find((u) => u.unit === unit)?.factor;
    if (!factor)
      return refuse(
        `Line ${i + 1}: ${item.sku} is not counted in "${unit}". Use ${[item.baseUnit, ...item.units.map((u) => u.unit)].join(', ')}.`,
      );
    return {
      item: l.item,
      qty: l.qty,
      unit,
      factor,
      unitPrice: l.unitPrice,
      taxCode: l.taxCode === undefined ? item.taxCode || null : l.taxCode,
      description: l.description?.trim() || item.name,
    };
  });
  lines.forEach((l, i) => parseOrThrow(orderLineSchema, l, `Line ${i + 1} was not saved.`));
  const party = input.partyId ? (await s.read(input.partyId))?.doc : null;
  const wanted = input.side === 'purchase' ? 'supplier' : 'customer';
  if (!party || party.type !== 'party')
    refuse(`Choose a ${wanted} that exists.`, { partyId: `Unknown ${wanted}.` });
  else if (party.kind !== wanted && party.kind !== 'both')
    refuse(`${String(party.name)} is not set up as a ${wanted}.`, {
      partyId: `Choose a ${wanted}.`,
    });
  const wh = input.warehouse ? (await s.read(input.warehouse))?.doc : null;
  if (!wh || wh.type !== 'warehouse')
    refuse('Choose a warehouse from the list.', { warehouse: 'Unknown warehouse.' });
  else if (wh.branchCode !== s.config.branchCode)
    refuse(
      `Warehouse ${String(wh.code)} belongs to branch ${String(wh.branchCode)}; this device books for ${s.config.branchCode}.`,
      { warehouse: 'Not a warehouse of this branch.' },
    );
  return {
    partyId: input.partyId,
    date: input.date,
    expectedDate: input.expectedDate ?? null,
    currency: input.currency,
    warehouse: input.warehouse,
    lines,
    reference: input.reference ?? '',
    memo: input.memo ?? '',
  };
}

/** Saves a draft order or a quote; an existing one only while it is not confirmed. */
export async function saveOrder(s: ModuleContext, input: OrderInput): Promise<Order> {
  const side: OrderSide = input?.side === 'sales' ? 'sales' : 'purchase';
  if (input?.quote && side === 'purchase') refuse('Only a sales order can be a quote.');
  const fields = await checkedFields(s, { ...input, side });
  let status: 'quote' | 'draft' = input.quote ? 'quote' : 'draft';
  const schema = side === 'purchase' ? purchaseOrderSchema : salesOrderSchema;
  const check = (doc: Record<string, unknown>) =>
    parseOrThrow(schema, doc, 'The order was not saved.');
  if (input.id) {
    const old = await loadOrder(s, input.id);
    if (old.type !== TYPE[side]) refuse('That is not an order of this kind.');
    // A quote stays a quote while it is edited: the customer has its number.
    if (old.status === 'quote') status = 'quote';
    if (old.status === 'posted')
      refuse(
        `Order ${old.number} is confirmed and cannot be changed. Close it and write a new one.`,
      );
    const number = status === 'quote' ? (old.number ?? (await nextNumber(s, 'QT'))) : old.number;
    check({ ...old, ...fields, status, number });
    const repo = await s.repositoryOf<Order>(input.id, TYPE[side]);
    return repo.update(input.id, { ...fields, status, number } as never);
  }
  const repo = orderRepo(s, side);
  const base = { ...fields, status, number: null, confirmedAt: null };
  const draft = side === 'sales' ? { ...base, quoteNumber: null } : base;
  repo.build(draft as never, s.config.branchCode);
  // A quote is sent to the customer, so it has a number from its first save.
  const number = status === 'quote' ? await nextNumber(s, 'QT') : null;
  return repo.create({ ...draft, number } as never, s.config.branchCode);
}

function nextNumber(s: ModuleContext, kind: string): Promise<string> {
  return takeNextNumber(s.pouch(s.homeBranchDbName), {
    branchCode: s.config.branchCode,
    deviceLetter: s.config.letter,
    kind,
  });
}

/** Confirms a draft or quote: numbered from the device's PO or SO series, then a fact. */
export async function confirmOrder(s: ModuleContext, id: string): Promise<Order> {
  const order = await loadOrder(s, id);
  if (order.status === 'posted') refuse(`Order ${order.number} is already confirmed.`);
  // Master data may have changed since the draft was saved: check it again before the number.
  await checkedFields(s, { ...order, side: sideOf(order) });
  const number = await nextNumber(s, order.type === 'purchaseOrder' ? 'PO' : 'SO');
  const quote = order.type === 'salesOrder' && order.status === 'quote' ? order.number : null;
  const repo = await s.repositoryOf<Order>(id, order.type);
  return repo.update(id, {
    status: 'posted',
    number,
    confirmedAt: s.writeContext().now().toISOString(),
    ...(order.type === 'salesOrder' ? { quoteNumber: quote ?? order.quoteNumber } : {}),
  } as never);
}

/** The rows naming an order (receipts, deliveries, bills, invoices, its closing). */
export async function linksOfOrder(s: ModuleContext, id: string) {
  await s.settle();
  const rows = await orderLinkTable(s.index).where('order').equals(id).toArray();
  return {
    links: rows.filter((r): r is typeof r & OrderLink => r.kind !== 'close'),
    closed: rows.some((r) => r.kind === 'close'),
  };
}

export function viewOf(order: Order, links: OrderLink[], closed: boolean): OrderView {
  const state = orderState(order, links, closed);
  return {
    order,
    stage: state.stage,
    open: state.open,
    closed,
    lines: state.lines.map((l) => ({
      line: l.line,
      item: l.item,
      unit: order.lines[l.line]!.unit,
      ordered: formatQty(l.ordered),
      moved: formatQty(l.moved),
      billed: formatQty(l.billed),
      backOrder: formatQty(l.backOrder),
      over: formatQty(l.over),
    })),
    sources: [...new Map(links.map((l) => [l.source, l])).values()].map((l) => ({
      id: l.source,
      kind: l.kind,
      issued: l.issued,
    })),
  };
}

export async function getOrder(s: ModuleContext, id: string): Promise<OrderView> {
  const order = await loadOrder(s, id);
  const { links, closed } = await linksOfOrder(s, id);
  return viewOf(order, links, closed);
}

/** Discards a draft order or a quote; a confirmed order is closed instead. */
export async function discardOrder(s: ModuleContext, id: string): Promise<void> {
  const order = await loadOrder(s, id);
  if (order.status === 'posted')
    refuse(`Order ${order.number} is confirmed, so it is closed rather than discarded.`);
  await (await s.repositoryOf<Order>(id, order.type)).discard(id);
}

/** Closes a confirmed order: its back-orders are no longer expected. */
export async function closeOrder(
  s: ModuleContext,
  input: { id: string; date: string; reason?: string },
): Promise<OrderClose> {
  const order = await loadOrder(s, input?.id);
  if (order.status !== 'posted')
    refuse('Only a confirmed order is closed; discard a draft or quote instead.');
  if ((await linksOfOrder(s, order._id)).closed) refuse(`Order ${order.number} is already closed.`);
  return s
    .repository<OrderClose>(s.homeBranchDbName, 'orderClose')
    .create(
      { order: order._id, date: input.date, reason: input.reason ?? '', status: 'posted' },
      s.config.branchCode,
    );
}

/** Orders held here (every branch's for head office), newest first; `open` keeps the open ones. */
export async function listOrders(
  s: ModuleContext,
  q: { side?: OrderSide | null; open?: boolean },
): Promise<OrderView[]> {
  const sides: OrderSide[] = q?.side ? [q.side] : ['purchase', 'sales'];
  const orders = (
    await Promise.all(
      s.heldDbs('branch').flatMap((db) => sides.map((side) => orderRepo(s, side, db).list())),
    )
  ).flat() as Order[];
  await s.settle();
  const rows = await orderLinkTable(s.index)
    .where('order')
    .anyOf(orders.map((o) => o._id))
    .toArray();
  const byOrder = new Map<string, typeof rows>();
  for (const r of rows) byOrder.set(r.order, [...(byOrder.get(r.order) ?? []), r]);
  const views = orders.map((o) => {
    const mine = byOrder.get(o._id) ?? [];
    const links = mine.filter((r): r is typeof r & OrderLink => r.kind !== 'close');
    return viewOf(
      o,
      links,
      mine.some((r) => r.kind === 'close'),
    );
  });
  return views
    .filter((v) => !q?.open || v.open)
    .sort((a, b) =>
      a.order.date === b.order.date
        ? b.order._id.localeCompare(a.order._id)
        : b.order.date.localeCompare(a.order.date),
    );
}
