import type { IndexDb } from '../../../core/index/index-db';
import { formatQty } from '../domain/quantity';
import type { ValuedStockLine, ValuedStockMove } from '../domain/stock-postings';
import { transferState } from '../domain/transfer-state';
import type { TransferDispatch, TransferReceipt } from '../domain/transfer-schemas';
import { lineValue, rowsOfMoves, stockTables, type StockLineRow } from './stock-rows';
import type { DispatchRow, ReceiptRow } from './transfer-rows';

/**
 * The seam between the stock projection and the ledger: each move as the fold valued it, ready
 * for `stockPostings` (domain/stock-postings.ts). Call it after the fold, inside the same index
 * transaction, with the moves whose rows the batch wrote or re-valued (a back-dated receipt
 * re-values the deliveries after it, so their postings change too).
 *
 * A line's value is what the fold moved on its item × warehouse (value after it − value
 * before it), so what posts to inventory is what the valuation report shows. Moves with no
 * rows (deleted, or not counted: a receipt of another branch) come back with no lines.
 */
export async function valuedStockMoves(
  index: IndexDb,
  moveIds: readonly string[],
  /** Moves whose rows the caller holds, as the index has them now: not read again. */
  known?: ReadonlyMap<string, readonly StockLineRow[]>,
): Promise<ValuedMove[]> {
  if (moveIds.length === 0) return [];
  const unknown = known ? moveIds.filter((id) => !known.has(id)) : [...moveIds];
  const rows = unknown.length ? await rowsOfMoves(stockTables(index).lines, unknown).toArray() : [];
  // In the index's own order (by id): a move's ledger lines keep their numbers either way.
  for (const id of moveIds) {
    const held = known?.get(id);
    if (held) rows.push(...[...held].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)));
  }
  const byMove = new Map<string, ValuedMove>();
  for (const id of moveIds)
    byMove.set(id, {
      id,
      kind: kindOfId(id),
      date: '',
      lines: [],
      reference: '',
      branch: '',
      valuedOn: '',
    });
  for (const r of rows) {
    const move = byMove.get(r.moveId);
    if (!move) continue;
    if (r.moveId.startsWith('stockMove:')) move.kind = r.kind;
    move.date = r.date;
    move.reference = r.number || r.reference;
    move.valuedOn = r.order.slice(0, r.order.indexOf('|'));
    move.branch = r.branch;
    const line: ValuedStockLine = {
      item: r.item,
      warehouse: r.warehouse,
      branch: r.branch,
      value: r.value,
      cogsAdjustment: r.cogsAdjustment,
    };
    if (move.kind === 'transferDispatch') {
      // Goods in transit carries the dispatch's unit cost, as the transit report prints it.
      line.transitValue = lineValue(formatQty(-r.qty), (r as DispatchRow).unitCost ?? 0);
    } else if (move.kind === 'transferReceipt') {
      line.transitValue = r.inValue ?? 0;
      const from = (r as ReceiptRow).fromBranch;
      if (!from)
        throw new RangeError(
          `Receipt ${r.moveId} was indexed before receipts named their source branch; rebuild the index.`,
        );
      move.fromBranch = from;
    }
    move.lines.push(line);
  }
  return [...byMove.values()];
}

/**
 * The ledger's header needs what the move is called (`reference`: its number, or the clerk's
 * reference for a move saved before moves were numbered), whose books it is in and the day it is
 * valued on: its date, or the day after the lock for a move the lock missed (stock-lock.ts).
 */
export type ValuedMove = ValuedStockMove & { reference: string; branch: string; valuedOn: string };

function kindOfId(id: string): ValuedStockMove['kind'] {
  if (id.startsWith('transferDispatch:')) return 'transferDispatch';
  if (id.startsWith('transferReceipt:')) return 'transferReceipt';
  // A stock move's own kind is on its rows; a move without rows posts nothing whatever it is.
  return 'receipt';
}

/**
 * What a transfer closed short leaves in goods in transit, at the value the goods left with:
 * the source branch (`fromBranch`) clears it to stock adjustment (`shortValue` of the closing
 * receipt, `closedBy`). It depends on every receipt of the transfer, which the caller holds
 * (the transfers database), and is 0 while the transfer is open. Set both on the closing
 * receipt's valued move: one that closes with nothing received has no lines to name the source.
 */
export function closingShortValue(
  dispatch: TransferDispatch,
  receipts: readonly TransferReceipt[],
): { closedBy: string | null; shortValue: number; fromBranch: string } {
  const st = transferState(dispatch, receipts);
  return {
    closedBy: st.closedBy,
    shortValue: st.closedShort ? st.shortValue : 0,
    fromBranch: dispatch.branch,
  };
}
