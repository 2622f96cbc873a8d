import type { ProjectedChange } from '../../../core/index/index-db';
import { parseQty } from '../domain/quantity';
import type { StockMove } from '../domain/schemas';
import type { TransferDispatch, TransferReceipt } from '../domain/transfer-schemas';
import { lineValue, orderOf, rowsOfMove, stockKey, type StockLineRow } from './stock-rows';
import type { stockTables } from './stock-rows';

/**
 * Transfers in the stock projection (docs/ARCHITECTURE.md, "Inventory: where a transfer
 * lives"): a dispatch is a move out of the source warehouse on its date; each receipt is a move
 * into the destination's warehouse on the receipt's date, valued at the unit cost the goods left
 * with (the dispatch line's). What is in transit or closed short is in neither warehouse: it is
 * reported by the transfer's state, not hidden in a stock.
 */

export const STOCK_DOC_TYPES: ReadonlySet<string> = new Set([
  'stockMove',
  'transferDispatch',
  'transferReceipt',
]);

/** A dispatch's row keeps what its receipts need (Dexie stores the whole object). */
export type DispatchRow = StockLineRow & { unitCost?: number; toBranch?: string };

const blank = {
  value: 0,
  cogsAdjustment: 0,
  qtyAfter: 0,
  valueAfter: 0,
  wentNegative: false,
  state: { qty: 0, value: 0, layers: [], lastCost: null },
  valued: false,
  from: null,
  to: null,
  kind: 'internal' as const,
};

function rowsOfDispatch(d: TransferDispatch): DispatchRow[] {
  return d.lines.flatMap((l, i) => {
    const qty = parseQty(l.qty);
    if (!qty || qty < 0) return [];
    const id = `${d._id}#${i}`;
    return [
      {
        ...blank,
        id,
        moveId: d._id,
        key: stockKey(l.item, d.fromWarehouse),
        order: orderOf(d.date, id),
        item: l.item,
        warehouse: d.fromWarehouse,
        branch: d.branch,
        date: d.date,
        reference: d.number,
        qty: -qty,
        inValue: null,
        unitCost: l.unitCost,
        toBranch: d.toBranch,
      },
    ];
  });
}

/** A receipt's row names the branch the goods came from: its postings clear that branch's goods in transit. */
export type ReceiptRow = StockLineRow & { fromBranch?: string };

function rowsOfReceipt(r: TransferReceipt, dispatchRow: (line: number) => DispatchRow | undefined) {
  return r.lines.flatMap((l): ReceiptRow[] => {
    const sent = dispatchRow(l.line);
    const qty = parseQty(l.qty);
    // A receipt of another branch is never counted (transferState lists it as not counted).
    if (!sent || !qty || qty < 0 || sent.toBranch !== r.branch) return [];
    const id = `${r._id}#${l.line}`;
    return [
      {
        ...blank,
        id,
        moveId: r._id,
        key: stockKey(sent.item, r.warehouse),
        order: orderOf(r.date, id),
        item: sent.item,
        warehouse: r.warehouse,
        branch: r.branch,
        date: r.date,
        reference: sent.reference,
        qty,
        inValue: lineValue(l.qty, sent.unitCost ?? 0),
        fromBranch: sent.branch,
      },
    ];
  });
}

/**
 * The rows a batch of stock moves, dispatches and receipts contributes. A receipt reads its
 * dispatch's rows, from this batch or the index; both sync through the one transfers database
 * in order, so the dispatch is indexed first (a receipt without it counts nothing).
 */
export async function rowsOfStockDocs(
  t: ReturnType<typeof stockTables>,
  changes: ProjectedChange[],
): Promise<StockLineRow[]> {
  const live = changes.filter((c) => c.doc);
  const rows: StockLineRow[] = live.flatMap((c) =>
    c.type === 'stockMove' ? rowsOfMove(c.doc as unknown as StockMove) : [],
  );
  const dispatched = new Map<string, DispatchRow>();
  for (const c of live)
    if (c.type === 'transferDispatch')
      for (const r of rowsOfDispatch(c.doc as unknown as TransferDispatch)) {
        dispatched.set(r.id, r);
        rows.push(r);
      }
  const receipts = live
    .filter((c) => c.type === 'transferReceipt')
    .map((c) => c.doc as unknown as TransferReceipt);
  const wanted = receipts.flatMap((r) => r.lines.map((l) => `${r.transfer}#${l.line}`));
  const missing = [...new Set(wanted.filter((id) => !dispatched.has(id)))];
  if (missing.length)
    for (const r of await t.lines.bulkGet(missing)) if (r) dispatched.set(r.id, r as DispatchRow);
  for (const r of receipts)
    rows.push(...rowsOfReceipt(r, (line) => dispatched.get(`${r.transfer}#${line}`)));
  return rows;
}
