import { formatDate } from '../../../core/format';
import { takeNextNumber } from '../../../core/db/series';
import { OutpostError } from '../../../core/errors';
import type { ModuleContext } from '../../../core/module-context';
import { seesEveryBranch } from '../../../core/roles';
import type {
  DispatchLine,
  ReceiptLine,
  TransferDispatch,
  TransferReceipt,
} from '../domain/transfer-schemas';
import { branchNamer } from '../domain/branch-names';
import { receiptProblem, transferState, type TransferState } from '../domain/transfer-state';
import { TRANSFERS_KIND } from '../transfers-kind';
import { cachedItems, loadInventorySettings } from './repos';
import { dispatchUnitCosts } from './transfer-cost';
import { checkLock } from './stock-moves';

/**
 * Dispatching and receiving transfers on this device (docs/ARCHITECTURE.md, "Inventory: where a
 * transfer lives"). The server enforces who writes which part; here the rules it cannot see
 * (the receipt matches its dispatch, nothing received twice, warehouses of the right branch)
 * are checked before anything is written, so bad input changes nothing and burns no number.
 */

export interface DispatchInput {
  date: string;
  fromWarehouse: string;
  toBranch: string;
  /** The unit cost is the source warehouse's valuation's (transfer-cost.ts), never the caller's. */
  lines: Omit<DispatchLine, 'unitCost'>[];
  memo?: string;
}

export interface ReceiveInput {
  transfer: string;
  warehouse: string;
  date: string;
  lines: ReceiptLine[];
  closesShort?: boolean;
  memo?: string;
}

const refuse = (message: string): never => {
  throw new OutpostError('validation', message);
};

function transfersDb(s: ModuleContext): string {
  return (
    s.dbFor(TRANSFERS_KIND) ??
    refuse(
      'This device does not hold the transfers yet. Connect to the server once, then try again.',
    )
  );
}

/** A warehouse of this branch that is in use, or a clear refusal. */
async function ownWarehouse(s: ModuleContext, id: string, what: string): Promise<void> {
  const found = await s.read(id);
  const w = found?.doc;
  if (!w || w.type !== 'warehouse')
    refuse(`The warehouse ${what} is not on this device. Choose one from the list.`);
  if (w!.branchCode !== s.config.branchCode)
    refuse(
      `Warehouse ${String(w!.code)} belongs to branch ${String(w!.branchCode)}; choose one of ${s.config.branchCode}.`,
    );
  if (w!.archived === true) refuse(`Warehouse ${String(w!.code)} is archived; choose another.`);
}

/** Every dispatch and receipt held here (one pass over the transfers database). */
export async function allFacts(
  s: ModuleContext,
): Promise<{ dispatches: TransferDispatch[]; receipts: TransferReceipt[] }> {
  const rows = await s.pouch(transfersDb(s)).allDocs({ include_docs: true });
  const dispatches: TransferDispatch[] = [];
  const receipts: TransferReceipt[] = [];
  for (const r of rows.rows) {
    const decoded = r.doc ? s.registry.decode(r.doc as never) : null;
    if (decoded?.kind !== 'current') continue;
    if (decoded.doc.type === 'transferDispatch') dispatches.push(decoded.doc as TransferDispatch);
    if (decoded.doc.type === 'transferReceipt') receipts.push(decoded.doc as TransferReceipt);
  }
  return { dispatches, receipts };
}

export async function dispatchTransfer(
  s: ModuleContext,
  input: DispatchInput,
): Promise<TransferDispatch> {
  const db = transfersDb(s);
  const own = s.config.branchCode;
  const to = (await s.branchList()).find((b) => b.code === input.toBranch);
  if (!to || to.archived)
    refuse(`There is no branch "${input.toBranch}" to send goods to. Choose one from the list.`);
  await ownWarehouse(s, input.fromWarehouse, 'the goods leave');
  await checkLock(s, input.date);
  const { costs, short } = await dispatchUnitCosts(
    s,
    input.fromWarehouse,
    input.date,
    input.lines ?? [],
  );
  if (short.length && ((await loadInventorySettings(s))?.negativeStock ?? 'refuse') === 'refuse') {
    const items = new Map((await cachedItems(s)).map((i) => [i._id, i]));
    const words = short.map((l) => {
      const it = items.get(l.item);
      return `${it ? `${it.sku} ${it.name}` : l.item}: ${l.qty} ${it?.baseUnit ?? ''} sent, ${l.onHand} on hand on ${formatDate(input.date)}.`;
    });
    refuse(
      `Not enough stock: ${words.join(' ')} The company does not allow negative stock. Nothing was saved.`,
    );
  }
  const repo = s.repository<TransferDispatch>(db, 'transferDispatch');
  const fields = {
    number: '',
    date: input.date,
    fromWarehouse: input.fromWarehouse,
    toBranch: input.toBranch,
    lines: (input.lines ?? []).map((l, i) => ({
      item: l.item,
      qty: l.qty,
      unitCost: costs[i]!,
    })),
    memo: input.memo ?? '',
    status: 'posted' as const,
  };
  // Checked whole before a number is taken: a refused dispatch leaves no gap in the series.
  repo.build({ ...fields, number: 'unnumbered' }, own);
  const number = await takeNextNumber(s.pouch(s.homeBranchDbName), {
    branchCode: own,
    deviceLetter: s.config.letter,
    kind: 'TRF',
  });
  return repo.create({ ...fields, number }, own);
}

export async function receiveTransfer(
  s: ModuleContext,
  input: ReceiveInput,
): Promise<TransferReceipt> {
  const db = transfersDb(s);
  const own = s.config.branchCode;
  const { dispatches, receipts } = await allFacts(s);
  const dispatch = dispatches.find((d) => d._id === input.transfer);
  if (!dispatch)
    refuse(
      'That transfer is not on this device yet. Wait for sync to bring it in, then try again.',
    );
  if (dispatch!.toBranch !== own) {
    // Said here by name (receiptProblem's words name codes): the clerk knows branches by name.
    const name = branchNamer(await s.branchList());
    refuse(
      `Transfer ${dispatch!.number} goes to ${name(dispatch!.toBranch)}; only ${name(dispatch!.toBranch)} can record what arrived, not ${name(own)}. Nothing was saved.`,
    );
  }
  const problem = receiptProblem(
    dispatch!,
    receipts.filter((r) => r.transfer === dispatch!._id),
    {
      transfer: input.transfer,
      branch: own,
      lines: input.lines,
      closesShort: input.closesShort ?? false,
    },
  );
  if (problem) refuse(`${problem} Nothing was saved.`);
  await ownWarehouse(s, input.warehouse, 'the goods go into');
  await checkLock(s, input.date);
  return s.repository<TransferReceipt>(db, 'transferReceipt').create(
    {
      transfer: input.transfer,
      toBranch: own,
      warehouse: input.warehouse,
      date: input.date,
      lines: input.lines,
      closesShort: input.closesShort ?? false,
      memo: input.memo ?? '',
      status: 'posted',
    },
    own,
  );
}

/**
 * Transfers this device's branch sent or is sent (every one for head office), newest first,
 * each with where it stands: goods in transit until received.
 */
export async function listTransfers(s: ModuleContext): Promise<TransferState[]> {
  const { dispatches, receipts } = await allFacts(s);
  const everyBranch = seesEveryBranch(s.config.user?.roles ?? []);
  const own = s.config.branchCode;
  const byTransfer = new Map<string, TransferReceipt[]>();
  for (const r of receipts) byTransfer.set(r.transfer, [...(byTransfer.get(r.transfer) ?? []), r]);
  return dispatches
    .filter((d) => everyBranch || d.branch === own || d.toBranch === own)
    .sort((a, b) => (a.date === b.date ? (a._id < b._id ? 1 : -1) : a.date < b.date ? 1 : -1))
    .map((d) => transferState(d, byTransfer.get(d._id) ?? []));
}
