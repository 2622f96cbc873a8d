import { formatQty, parseQty, QTY_SCALE } from './quantity';
import type { ReceiptLine, TransferDispatch, TransferReceipt } from './transfer-schemas';

/**
 * Where a transfer stands, folded from its dispatch and the receipts recorded against it. Pure:
 * every device computes the same state from the same facts, whatever order they synced in.
 *
 * All receipts count, in any order: two devices of the destination may each record a receipt
 * offline, and goods that arrived did arrive. Once any receipt closes the transfer as short,
 * what has not arrived is the shortage and nothing is in transit any more. More received than
 * dispatched (only possible offline, the worker refuses it otherwise) is shown as `over`,
 * never hidden.
 */

export type TransferStatus = 'dispatched' | 'partlyReceived' | 'received';

export interface TransferLineState {
  line: number;
  item: string;
  unitCost: number;
  /** Scaled quantities (ten-thousandths, domain/quantity.ts). */
  dispatched: number;
  received: number;
  /** Still on the way: dispatched − received while the transfer is open, else 0. */
  inTransit: number;
  /** Reported missing when the destination closed the transfer short. */
  short: number;
  /** Received beyond what was dispatched (offline double receipts). */
  over: number;
}

export interface TransferState {
  id: string;
  number: string;
  from: string;
  to: string;
  status: TransferStatus;
  /** Closed by a receipt with `closesShort`, and which one (the earliest, by date then id). */
  closedShort: boolean;
  closedBy: string | null;
  lines: TransferLineState[];
  /** Minor units of base currency still on the way, at the value the goods left with. */
  inTransitValue: number;
  shortValue: number;
  /** Receipts that do not belong to this dispatch or its destination: listed, never counted. */
  ignored: { id: string; reason: string }[];
}

type ReceiptFacts = Pick<
  TransferReceipt,
  '_id' | 'transfer' | 'branch' | 'toBranch' | 'date' | 'lines' | 'closesShort'
>;
type DispatchFacts = Pick<
  TransferDispatch,
  '_id' | 'number' | 'branch' | 'toBranch' | 'lines' | 'status'
>;

const byDateThenId = (a: ReceiptFacts, b: ReceiptFacts) =>
  a.date < b.date ? -1 : a.date > b.date ? 1 : a._id < b._id ? -1 : a._id > b._id ? 1 : 0;

/** Value of a scaled quantity at a unit cost, to the nearest minor unit (half away from zero). */
function valueOf(scaledQty: number, unitCost: number): number {
  return Math.round((scaledQty * unitCost) / QTY_SCALE);
}

function whyIgnored(dispatch: DispatchFacts, r: ReceiptFacts): string | null {
  if (r.transfer !== dispatch._id) return `it is for another transfer (${r.transfer})`;
  if (r.branch !== dispatch.toBranch || r.toBranch !== dispatch.toBranch)
    return `it was recorded by branch ${r.branch}, but the goods were sent to ${dispatch.toBranch}`;
  const bad = r.lines.find((l) => !dispatch.lines[l.line] || parseQty(l.qty) === null);
  if (bad) return `its line ${bad.line + 1} is not on transfer ${dispatch.number}`;
  return null;
}

export function transferState(
  dispatch: DispatchFacts,
  receipts: readonly ReceiptFacts[],
): TransferState {
  const lines: TransferLineState[] = dispatch.lines.map((l, i) => ({
    line: i,
    item: l.item,
    unitCost: l.unitCost,
    dispatched: parseQty(l.qty) ?? 0,
    received: 0,
    inTransit: 0,
    short: 0,
    over: 0,
  }));
  const ignored: TransferState['ignored'] = [];
  let closedBy: string | null = null;
  for (const r of [...receipts].sort(byDateThenId)) {
    const why = whyIgnored(dispatch, r);
    if (why) {
      ignored.push({ id: r._id, reason: `Receipt ${r._id} is not counted: ${why}.` });
      continue;
    }
    for (const l of r.lines) lines[l.line]!.received += parseQty(l.qty)!;
    if (r.closesShort && !closedBy) closedBy = r._id;
  }
  let inTransitValue = 0;
  let shortValue = 0;
  for (const l of lines) {
    const missing = Math.max(0, l.dispatched - l.received);
    l.over = Math.max(0, l.received - l.dispatched);
    if (closedBy) l.short = missing;
    else l.inTransit = missing;
    inTransitValue += valueOf(l.inTransit, l.unitCost);
    shortValue += valueOf(l.short, l.unitCost);
  }
  const anyReceived = lines.some((l) => l.received > 0);
  const allArrived = lines.every((l) => l.received >= l.dispatched);
  const status: TransferStatus =
    closedBy || allArrived ? 'received' : anyReceived ? 'partlyReceived' : 'dispatched';
  return {
    id: dispatch._id,
    number: dispatch.number,
    from: dispatch.branch,
    to: dispatch.toBranch,
    status,
    closedShort: closedBy !== null,
    closedBy,
    lines,
    inTransitValue,
    shortValue,
    ignored,
  };
}

export interface ReceiptInput {
  transfer: string;
  /** The branch recording the receipt (the device's own). */
  branch: string;
  lines: readonly ReceiptLine[];
  closesShort: boolean;
}

/**
 * Why a new receipt may not be recorded against this transfer, in a clerk's words, or null when
 * it may: only the destination receives, never more than is still on the way, nothing after
 * the transfer is complete or closed.
 */
export function receiptProblem(
  dispatch: DispatchFacts,
  receipts: readonly ReceiptFacts[],
  input: ReceiptInput,
): string | null {
  const n = dispatch.number;
  if (input.transfer !== dispatch._id) return `This receipt is not for transfer ${n}.`;
  if (input.branch !== dispatch.toBranch)
    return `Transfer ${n} goes to branch ${dispatch.toBranch}; only ${dispatch.toBranch} can record what arrived.`;
  const state = transferState(dispatch, receipts);
  if (state.closedShort)
    return `Transfer ${n} was closed as short; nothing more can be received against it.`;
  if (state.status === 'received') return `Everything on transfer ${n} has been received already.`;
  if (input.lines.length === 0 && !input.closesShort)
    return 'Enter what arrived, or close the transfer as short if nothing did.';
  const seen = new Set<number>();
  for (const l of input.lines) {
    const on = state.lines[l.line];
    if (!on) return `Line ${l.line + 1} is not on transfer ${n}.`;
    if (seen.has(l.line)) return `Line ${l.line + 1} appears twice; enter it once with the total.`;
    seen.add(l.line);
    const qty = parseQty(l.qty);
    if (qty === null || qty <= 0)
      return `Line ${l.line + 1}: write the quantity received as a number above zero.`;
    if (qty > on.inTransit)
      return `Line ${l.line + 1}: ${l.qty} received, but only ${formatQty(on.inTransit)} ${on.inTransit === QTY_SCALE ? 'is' : 'are'} still on the way.`;
  }
  return null;
}
