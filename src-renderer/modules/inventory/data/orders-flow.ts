import { OutpostError } from '../../../core/errors';
import type { ModuleContext } from '../../../core/module-context';
import { saveTradeDraft, type TradeDoc, type TradeInput } from '../../accounts';
import type { Order } from '../domain/orders-schema';
import { inOrderUnit, orderState, threeWayMatch } from '../domain/orders-state';
import { formatQty, parseQty } from '../domain/quantity';
import type { StockMove } from '../domain/schemas';
import { linksOfOrder, loadOrder } from './orders';
import { cachedItems, loadInventorySettings } from './repos';
import { lineValue } from './stock-rows';
import { saveStockMove, type SavedStockMove, type StockMoveLineInput } from './stock-moves';

/**
 * Goods received or delivered against an order, and the Accounts draft that bills or invoices
 * them (docs/ARCHITECTURE.md, "Inventory: orders"). The stock move is saved by
 * `saveStockMove` with all its rules; its lines name the order and line, which is how the
 * order knows what came. The draft bill or invoice is saved through Accounts' public surface
 * (`modules/accounts/index.ts`) with the same checks as the Accounts page.
 */

export interface OrderMoveInput {
  order: string;
  date: string;
  lines: {
    orderLine: number;
    /** In the order line's unit. */
    qty: string;
    /** Receipts: minor units of the base currency per unit; defaults to the order price. */
    unitCost?: number | null;
    batch?: string;
    serial?: string;
    expiry?: string | null;
  }[];
  reference?: string;
  memo?: string;
}

export interface MatchLineView {
  orderLine: number;
  item: string;
  ordered: string;
  orderedPrice: number;
  received: string;
  billed: string;
  billedPrice: number;
  /** The differences in words; empty when the line matches. */
  flag: string;
}

export interface BillDraftResult {
  doc: TradeDoc;
  /** Purchase side: the three-way match of the draft; empty for an invoice. */
  match: MatchLineView[];
}

const refuse = (message: string): never => {
  throw new OutpostError('validation', `${message} Nothing was saved.`);
};

/** Receives goods against a confirmed purchase order, or delivers against a sales order. */
export async function moveAgainstOrder(
  s: ModuleContext,
  input: OrderMoveInput,
  kind: 'receipt' | 'delivery',
): Promise<SavedStockMove> {
  const order = await loadOrder(s, input?.order);
  const wanted = kind === 'receipt' ? 'purchaseOrder' : 'salesOrder';
  const verb = kind === 'receipt' ? 'received' : 'delivered';
  if (order.type !== wanted)
    refuse(`Goods are ${verb} against a ${kind === 'receipt' ? 'purchase' : 'sales'} order.`);
  if (order.status !== 'posted') refuse('Confirm the order before goods are ' + verb + '.');
  const { links, closed } = await linksOfOrder(s, order._id);
  if (closed) refuse(`Order ${order.number} is closed.`);
  const state = orderState(order, links, false);
  if (!Array.isArray(input.lines) || !input.lines.length) refuse('Enter what was ' + verb + '.');
  const base = order.currency === (await s.company()).baseCurrency;
  const taking = new Map<number, number>();
  const lines = input.lines.map((l, i): StockMoveLineInput & Record<string, unknown> => {
    const line = order.lines[l.orderLine];
    const st = state.lines[l.orderLine];
    if (!line || !st) return refuse(`Line ${i + 1}: order ${order.number} has no such line.`);
    const qty = parseQty(String(l.qty ?? ''));
    if (qty === null || qty <= 0)
      return refuse(`Line ${i + 1}: write the quantity as a number above zero.`);
    const sum = (taking.get(l.orderLine) ?? 0) + qty;
    taking.set(l.orderLine, sum);
    if (sum > st.backOrder)
      refuse(
        `Line ${i + 1}: ${formatQty(st.ordered)} ${line.unit} ordered, ${formatQty(st.moved)} ${verb} so far, so ${formatQty(st.backOrder)} more can be ${verb}, not ${formatQty(sum)}.`,
      );
    if (kind === 'receipt' && l.unitCost == null && !base)
      refuse(
        `Line ${i + 1}: the order is in ${order.currency}; enter the unit cost in the company's currency.`,
      );
    return {
      item: line.item,
      qty: formatQty(qty),
      unit: line.unit,
      ...(kind === 'receipt' ? { unitCost: l.unitCost ?? line.unitPrice } : {}),
      batch: l.batch ?? '',
      serial: l.serial ?? '',
      expiry: l.expiry ?? null,
      order: order._id,
      orderLine: l.orderLine,
    };
  });
  return saveStockMove(s, {
    kind,
    date: input.date,
    warehouse: order.warehouse,
    lines,
    reference: input.reference || order.number || '',
    memo: input.memo ?? '',
  });
}

/**
 * Accounts the draft lines post to. A bill from receipts debits goods received not billed: the
 * receipts already put the goods in inventory against it (stock-ledger.ts), so the bill clears
 * it rather than counting the stock twice; whatever the supplier's price differs from the
 * receipts' goes to the price difference account (`received` on the line, Accounts'
 * trade-posting.ts). An invoice credits the item's income account, else the ledger settings'
 * default.
 */
async function accountFor(s: ModuleContext, side: 'purchase' | 'sales') {
  const items = new Map((await cachedItems(s)).map((i) => [i._id, i]));
  if (side === 'purchase') {
    const settings = await loadInventorySettings(s);
    const grni = settings?.grniAccount ?? '';
    const difference = settings?.priceDifferenceAccount ?? '';
    if (!grni)
      refuse(
        'Choose the goods received not billed account in Inventory settings: receipts post to it and the bill clears it. Then try again.',
      );
    if (!difference)
      refuse(
        'Choose the purchase price differences account in Inventory settings: a bill at another price than the receipts posts the difference to it. Then try again.',
      );
    return (itemId: string) => ({ item: items.get(itemId), account: grni, difference });
  }
  const settings: Record<string, unknown> = (await s.read('ledgerSettings:company'))?.doc ?? {};
  const fallback = String(settings.defaultSalesAccount ?? '');
  return (itemId: string) => {
    const item = items.get(itemId);
    return { item, account: item?.incomeAccount || fallback, difference: '' };
  };
}

/**
 * A draft bill (from receipts) or invoice (from deliveries) in Accounts, one line per order
 * line with the quantity that came and the order's price, saved with Accounts' checks.
 */
export async function draftFromMoves(
  s: ModuleContext,
  input: { moves: string[]; date?: string },
  kind: 'receipt' | 'delivery',
): Promise<BillDraftResult> {
  const ids = Array.isArray(input?.moves) ? input.moves : [];
  if (!ids.length) refuse(`Choose the ${kind === 'receipt' ? 'receipts' : 'deliveries'} to bill.`);
  const moves: StockMove[] = [];
  for (const id of ids) {
    const doc = (await s.read(id))?.doc;
    if (!doc || doc.type !== 'stockMove' || doc.kind !== kind)
      refuse(`That ${kind} is not on this device.`);
    moves.push(doc as unknown as StockMove);
  }
  const orderIds = new Set(moves.flatMap((m) => m.lines.map((l) => l.order ?? '')));
  if (orderIds.size !== 1 || orderIds.has(''))
    refuse(
      `Choose ${kind === 'receipt' ? 'receipts' : 'deliveries'} of one order, made against it.`,
    );
  const order = await loadOrder(s, [...orderIds][0]!);
  const qty = new Map<number, number>();
  // What the receipts put in goods received not billed per order line (as the stock rows value it).
  const value = new Map<number, number>();
  for (const m of moves)
    for (const l of m.lines) {
      const line = order.lines[l.orderLine ?? -1];
      if (!line) continue;
      const n = inOrderUnit({ qty: parseQty(l.qty) ?? 0, factor: l.factor }, line);
      qty.set(l.orderLine!, (qty.get(l.orderLine!) ?? 0) + n);
      const v = l.unitCost == null ? 0 : lineValue(l.qty, l.unitCost);
      value.set(l.orderLine!, (value.get(l.orderLine!) ?? 0) + v);
    }
  const side = kind === 'receipt' ? 'purchase' : 'sales';
  const accounts = await accountFor(s, side);
  const lines = [...qty].map(([n, q]) => {
    const line = order.lines[n]!;
    const { item, account, difference } = accounts(line.item);
    if (!account)
      refuse(
        `${item?.sku ?? 'An item'} has no income account and Ledger settings has no default sales account. Set one, then try again.`,
      );
    return {
      itemCode: item?.sku ?? '',
      description: line.description || item?.name || 'Goods',
      quantity: formatQty(q),
      unitPrice: line.unitPrice,
      taxCode: line.taxCode,
      account,
      order: order._id,
      orderLine: n,
      ...(difference
        ? {
            received: {
              quantity: formatQty(q),
              value: value.get(n) ?? 0,
              differenceAccount: difference,
            },
          }
        : {}),
    };
  });
  const last = moves
    .map((m) => m.date)
    .sort()
    .at(-1)!;
  const draft: TradeInput = {
    side,
    kind: 'invoice',
    partyId: order.partyId,
    date: input.date ?? last,
    currency: order.currency,
    lines,
    reference: side === 'sales' ? order.reference : '',
    memo: `From ${order.number} (${moves.map((m) => m.reference || m._id).join(', ')})`,
  };
  const doc = await saveTradeDraft(s, draft);
  return { doc, match: side === 'purchase' ? await matchOf(s, order, doc) : [] };
}

async function matchOf(s: ModuleContext, order: Order, bill: TradeDoc): Promise<MatchLineView[]> {
  const { links } = await linksOfOrder(s, order._id);
  const earlier = links.filter((l) => l.source !== bill._id);
  const lines = bill.lines.flatMap((l) =>
    l.order === order._id && l.orderLine !== undefined
      ? [{ orderLine: l.orderLine, qty: parseQty(l.quantity) ?? 0, unitPrice: l.unitPrice }]
      : [],
  );
  return threeWayMatch(order, earlier, lines).map((m) => ({
    orderLine: m.orderLine,
    item: m.item,
    ordered: formatQty(m.ordered),
    orderedPrice: m.orderedPrice,
    received: formatQty(m.received),
    billed: formatQty(m.billed),
    billedPrice: m.billedPrice,
    flag: m.flag,
  }));
}

/** The three-way match of a bill (draft or issued) made from an order: differences in words. */
export async function matchBill(s: ModuleContext, id: string): Promise<MatchLineView[]> {
  const doc = (await s.read(id))?.doc as unknown as TradeDoc | undefined;
  if (!doc || doc.type !== 'tradeDoc' || doc.side !== 'purchase')
    throw new OutpostError('not-found', 'That bill is not on this device.');
  const orderId = doc.lines.find((l) => l.order)?.order;
  if (!orderId) return [];
  return matchOf(s, await loadOrder(s, orderId), doc);
}
