import type { Table } from 'dexie';
import type { IndexDb } from '../../../core/index/index-db';
import { parseQty, QTY_SCALE } from '../domain/quantity';
import { shareOf, type ValuationMethod, type ValuationState } from '../domain/valuation';
import type { MoveKind, StockMove } from '../domain/schemas';

/**
 * The stock projection's tables (DESIGN §4). `stockLines` holds one row per move line per
 * warehouse it touches, in the order every device agrees on (`order` = date, then valuation id),
 * with the valuation state after it, so a back-dated move re-values from its own position on
 * and reads the state just before it instead of folding from the first move.
 */
export const STOCK_STORES = {
  stockKeys: 'key, item, branch',
  stockItems: 'id',
  // lockedOut is set only on moves valued after the lock (stock-lock.ts), so its index holds just those.
  // order: the rows of one month, for "as of a day" on top of the month totals (stock-months.ts).
  stockLines: 'id, [key+order], lockedOut, order',
  stockLock: 'id',
  // What stock moves post to (stock-ledger.ts): read inside the index transaction, never PouchDB.
  stockPosting: 'id',
  // Each transfer's dispatch and receipts: a receipt closing it short posts what never came.
  stockTransfers: 'id, *receiptIds',
};

export interface StockLineRow {
  /** Valuation id: `<moveId>#<line index>`; the receiving side of an internal move adds `>`. */
  id: string;
  moveId: string;
  /** `<item>|<warehouse>`: one valuation fold. */
  key: string;
  /** `<date>|<id>`: sorts as compareMoves does. */
  order: string;
  item: string;
  warehouse: string;
  branch: string;
  date: string;
  kind: MoveKind;
  reference: string;
  /** The move's own number (`NYC-A-GR-000012`), when it has one: the ledger names it by it. */
  number?: string;
  /** Scaled base-unit quantity, signed: in positive, out negative. */
  qty: number;
  /** Known value of an inbound line (a receipt at its cost); null: the method values it. */
  inValue: number | null;
  /** Receiving side of an internal move: the row whose cost it arrives with. */
  from: string | null;
  /** Receiving side of an internal move, on the sending row. */
  to: string | null;
  /** Valuation after the fold (see valuation.ts MoveValuation). */
  value: number;
  cogsAdjustment: number;
  qtyAfter: number;
  valueAfter: number;
  wentNegative: boolean;
  state: ValuationState;
  /** False until the fold has valued it once. */
  valued: boolean;
  /** What this row changed the key's quantity and value by (after minus before): set by the fold. */
  dQty?: number;
  dValue?: number;
  /** When the move was saved (its document's createdAt): tells a move the lock missed. */
  createdAt?: string;
  /**
   * Set only on a move dated on or before the lock date that was saved after the lock was set
   * (stock-lock.ts): the lock date it is valued after; `order` then starts the day after it.
   */
  lockedOut?: string;
}

export interface StockKeyRow {
  key: string;
  item: string;
  warehouse: string;
  branch: string;
  /** After the last move (kept by the fold): "on hand now" reads these, not every key's lines. */
  qty: number;
  value: number;
  /**
   * The order of the key's last row ('' while it has none): a batch whose rows all come after
   * it folds them from that row without reading the key's range (stock-fold.ts). Absent on a
   * key row an older build wrote, until its next fold.
   */
  last?: string;
}

export interface StockItemRow {
  id: string;
  method: ValuationMethod;
  /** The item's own accounts ('' or absent: Inventory settings' defaults; stock-ledger.ts). */
  inventoryAccount?: string;
  cogsAccount?: string;
}

/** A lock date and since when it holds (the settings revision that set it). */
export interface LockStep {
  date: string;
  since: string;
}

/** The locks the projection values by, oldest first (see stock-lock.ts). */
export interface StockLockRow {
  id: 'lock';
  date: string | null;
  steps: LockStep[];
}

export function stockTables(index: IndexDb) {
  return {
    lock: index.table('stockLock') as Table<StockLockRow, string>,
    lines: index.table('stockLines') as Table<StockLineRow, string>,
    keys: index.table('stockKeys') as Table<StockKeyRow, string>,
    items: index.table('stockItems') as Table<StockItemRow, string>,
  };
}

export const stockKey = (item: string, warehouse: string) => `${item}|${warehouse}`;
export const orderOf = (date: string, id: string) => `${date}|${id}`;
/** Sorts after every order of `date`: "as of the end of that day". */
export const endOfDay = (date: string) => `${date}|\uffff`;

const FACTOR_SCALE = 1_000_000;

/** "12" → 12_000_000: a unit factor as whole millionths (item-schema allows 6 decimals). */
export function parseFactor(text: string): number {
  const [whole = '0', frac = ''] = text.split('.');
  return Number(whole) * FACTOR_SCALE + Number(frac.padEnd(6, '0'));
}

/**
 * A line's quantity in base units (scaled), or null when the conversion leaves more than 4
 * decimals or more than a safe integer can hold.
 */
export function baseQty(qty: string, factor: string): number | null {
  const q = parseQty(qty);
  if (q === null) return null;
  const f = parseFactor(factor);
  const product = BigInt(q) * BigInt(f);
  if (product % BigInt(FACTOR_SCALE) !== 0n) return null;
  const base = product / BigInt(FACTOR_SCALE);
  // Beyond 2^53 the fold cannot count exactly (valuation.ts refuses it): such a line is unreadable.
  return base <= BigInt(Number.MAX_SAFE_INTEGER) && -base <= BigInt(Number.MAX_SAFE_INTEGER)
    ? Number(base)
    : null;
}

/** Value of `qty` (entered units, text) at `unitCost` minor units each: rounded once, half away from zero. */
export function lineValue(qty: string, unitCost: number): number {
  return shareOf(unitCost, Math.abs(parseQty(qty) ?? 0), QTY_SCALE);
}

const OUT_KINDS: ReadonlySet<MoveKind> = new Set(['delivery', 'internal']);

/** The rows one move contributes (not yet valued). */
export function rowsOfMove(move: StockMove): StockLineRow[] {
  const rows: StockLineRow[] = [];
  const blank = { value: 0, cogsAdjustment: 0, qtyAfter: 0, valueAfter: 0, wentNegative: false };
  move.lines.forEach((l, i) => {
    // A line this build cannot count (only a forged or foreign document has one) is left out
    // rather than stopping the whole index.
    const signed = baseQty(l.qty, l.factor) ?? 0;
    if (signed === 0) return;
    const qty = OUT_KINDS.has(move.kind) ? -Math.abs(signed) : signed;
    const id = `${move._id}#${i}`;
    const base = {
      moveId: move._id,
      item: l.item,
      branch: move.branch,
      date: move.date,
      kind: move.kind,
      reference: move.reference,
      ...(move.number ? { number: move.number } : {}),
      ...blank,
      state: { qty: 0, value: 0, layers: [], lastCost: null },
      valued: false,
    };
    const inValue = qty > 0 && l.unitCost !== null ? lineValue(l.qty, l.unitCost) : null;
    const toId = move.kind === 'internal' && move.toWarehouse ? `${id}>` : null;
    rows.push({
      ...base,
      id,
      key: stockKey(l.item, move.warehouse),
      order: orderOf(move.date, id),
      warehouse: move.warehouse,
      qty,
      inValue,
      from: null,
      to: toId,
    });
    if (toId && move.toWarehouse) {
      rows.push({
        ...base,
        id: toId,
        key: stockKey(l.item, move.toWarehouse),
        order: orderOf(move.date, toId),
        warehouse: move.toWarehouse,
        qty: -qty,
        inValue: null,
        from: id,
        to: null,
      });
    }
  });
  return rows;
}

/** Rows whose id is `<moveId>#…` for any of `moveIds`, read off the primary key. */
export function rowsOfMoves(table: Table<StockLineRow, string>, moveIds: string[]) {
  return table.where(':id').inAnyRange(
    [...new Set(moveIds)].sort().map((id) => [`${id}#`, `${id}#\uffff`]),
    { includeLowers: true, includeUppers: true },
  );
}
