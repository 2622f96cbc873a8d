import { OutpostError } from '../../../core/errors';
import type { ModuleContext } from '../../../core/module-context';
import { seesEveryBranch } from '../../../core/roles';
import { branchNamer } from '../domain/branch-names';
import { formatQty } from '../domain/quantity';
import type { TransferDispatch, TransferReceipt } from '../domain/transfer-schemas';
import { transferState, type TransferStatus } from '../domain/transfer-state';
import { cachedItems, cachedWarehouses } from './repos';
import { lineValue } from './stock-rows';
import { allFacts } from './transfers';

/**
 * Transfers as the pages read them: quantities as decimal text in base units, values in minor
 * units of the base currency, items and warehouses by code and name.
 */

export type TransferDirection = 'incoming' | 'outgoing' | 'all';

export interface TransferLineView {
  line: number;
  item: string;
  sku: string;
  name: string;
  unit: string;
  unitCost: number;
  dispatched: string;
  received: string;
  inTransit: string;
  short: string;
  over: string;
  inTransitValue: number;
  shortValue: number;
}

export interface TransferView {
  id: string;
  number: string;
  date: string;
  from: string;
  to: string;
  /** The branches as a clerk knows them (domain/branch-names.ts). */
  fromName: string;
  toName: string;
  fromWarehouse: string;
  fromWarehouseCode: string;
  memo: string;
  status: TransferStatus;
  closedShort: boolean;
  value: number;
  inTransitValue: number;
  shortValue: number;
  lines: TransferLineView[];
  receipts: {
    id: string;
    date: string;
    warehouseCode: string;
    closesShort: boolean;
    memo: string;
    lines: { line: number; qty: string }[];
  }[];
  /** Receipts not counted (another branch's, or for lines not on it), with why. */
  ignored: { id: string; reason: string }[];
}

async function views(s: ModuleContext): Promise<TransferView[]> {
  const [{ dispatches, receipts }, items, warehouses, branches] = await Promise.all([
    allFacts(s),
    cachedItems(s),
    cachedWarehouses(s),
    s.branchList(),
  ]);
  const branchName = branchNamer(branches);
  const item = new Map(items.map((i) => [i._id, i]));
  const whCode = new Map(warehouses.map((w) => [w._id, w.code]));
  const byTransfer = new Map<string, TransferReceipt[]>();
  for (const r of receipts) byTransfer.set(r.transfer, [...(byTransfer.get(r.transfer) ?? []), r]);
  return dispatches.map((d: TransferDispatch) => {
    const got = byTransfer.get(d._id) ?? [];
    const st = transferState(d, got);
    return {
      id: d._id,
      number: d.number,
      date: d.date,
      from: d.branch,
      to: d.toBranch,
      fromName: branchName(d.branch),
      toName: branchName(d.toBranch),
      fromWarehouse: d.fromWarehouse,
      fromWarehouseCode: whCode.get(d.fromWarehouse) ?? '',
      memo: d.memo,
      status: st.status,
      closedShort: st.closedShort,
      value: d.lines.reduce((n, l) => n + lineValue(l.qty, l.unitCost), 0),
      inTransitValue: st.inTransitValue,
      shortValue: st.shortValue,
      lines: st.lines.map((l) => {
        const it = item.get(l.item);
        const money = (q: number) => Math.round((q * l.unitCost) / 10_000);
        return {
          line: l.line,
          item: l.item,
          sku: it?.sku ?? '',
          name: it?.name ?? '(item not on this device yet)',
          unit: it?.baseUnit ?? '',
          unitCost: l.unitCost,
          dispatched: formatQty(l.dispatched),
          received: formatQty(l.received),
          inTransit: formatQty(l.inTransit),
          short: formatQty(l.short),
          over: formatQty(l.over),
          inTransitValue: money(l.inTransit),
          shortValue: money(l.short),
        };
      }),
      receipts: [...got]
        .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a._id < b._id ? -1 : 1))
        .map((r) => ({
          id: r._id,
          date: r.date,
          warehouseCode: whCode.get(r.warehouse) ?? '',
          closesShort: r.closesShort,
          memo: r.memo,
          lines: r.lines.map((l) => ({ line: l.line, qty: l.qty })),
        })),
      ignored: st.ignored,
    };
  });
}

/**
 * Transfers this branch sent (outgoing), is sent (incoming) or both, newest first; head office
 * sees every branch's under 'all'.
 */
export async function transferList(
  s: ModuleContext,
  q: { direction?: TransferDirection },
): Promise<TransferView[]> {
  const own = s.config.branchCode;
  const every = seesEveryBranch(s.config.user?.roles ?? []);
  const direction = q.direction ?? 'all';
  return (await views(s))
    .filter((t) =>
      direction === 'incoming'
        ? t.to === own
        : direction === 'outgoing'
          ? t.from === own
          : every || t.from === own || t.to === own,
    )
    .sort((a, b) => (a.date === b.date ? (a.id < b.id ? 1 : -1) : a.date < b.date ? 1 : -1));
}

/**
 * One transfer, by its id or by one of its receipts' (a ledger line of a receipt names only the
 * receipt; the general ledger opens its transfer through this).
 */
export async function getTransfer(s: ModuleContext, id: string): Promise<TransferView> {
  const found = (await views(s)).find(
    (t) => t.id === id || t.receipts.some((r) => r.id === id) || t.ignored.some((r) => r.id === id),
  );
  if (!found)
    throw new OutpostError(
      'not-found',
      'That transfer is not on this device yet. Wait for sync to bring it in, then try again.',
    );
  return found;
}

export interface TransitRow {
  transfer: string;
  number: string;
  date: string;
  from: string;
  to: string;
  fromName: string;
  toName: string;
  sku: string;
  name: string;
  unit: string;
  qty: string;
  value: number;
}

/**
 * Goods on the way now, line by line, for transfers to or from `branch` (absent: the whole
 * company, for head office), at the value they left with.
 */
export async function goodsInTransit(
  s: ModuleContext,
  q: { branch?: string | null },
): Promise<{ rows: TransitRow[]; total: number }> {
  const all = await transferList(s, { direction: 'all' });
  const rows = all
    .filter((t) => !q.branch || t.from === q.branch || t.to === q.branch)
    .flatMap((t) =>
      t.lines
        .filter((l) => l.inTransit !== '0')
        .map((l) => ({
          transfer: t.id,
          number: t.number,
          date: t.date,
          from: t.from,
          to: t.to,
          fromName: t.fromName,
          toName: t.toName,
          sku: l.sku,
          name: l.name,
          unit: l.unit,
          qty: l.inTransit,
          value: l.inTransitValue,
        })),
    );
  return { rows, total: rows.reduce((n, r) => n + r.value, 0) };
}
