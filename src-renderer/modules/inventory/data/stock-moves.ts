import { OutpostError } from '../../../core/errors';
import { parseOrThrow } from '../../../core/db/validation';
import { takeNextNumber } from '../../../core/db/series';
import type { ModuleContext } from '../../../core/module-context';
import { formatDate } from '../../../core/format';
import { loadLockDate } from '../../accounts';
import { formatQty, QTY_SCALE } from '../domain/quantity';
import { MOVE_SERIES, stockMoveFieldsSchema, type Item, type StockMove } from '../domain/schemas';
import { cachedItems, cachedWarehouses, inventoryRepos, loadInventorySettings } from './repos';
import { baseQty, endOfDay, rowsOfMove, stockTables } from './stock-rows';

export interface StockMoveLineInput {
  item: string;
  qty: string;
  /** Defaults to the item's base unit. */
  unit?: string;
  unitCost?: number | null;
  batch?: string;
  serial?: string;
  expiry?: string | null;
}

export interface StockMoveInput {
  kind: StockMove['kind'];
  date: string;
  warehouse: string;
  toWarehouse?: string | null;
  lines: StockMoveLineInput[];
  reference?: string;
  memo?: string;
  corrects?: string | null;
}

export interface SavedStockMove {
  move: StockMove;
  /** Said when the company allows negative stock and this move takes more than is on hand. */
  warnings: string[];
}

/** Base units one line may move: beyond this a scaled quantity is no longer an exact integer. */
const MAX_UNITS = Number.MAX_SAFE_INTEGER / QTY_SCALE;

const refuse = (message: string, fields?: Record<string, string>): never => {
  throw new OutpostError('validation', `${message} Nothing was saved.`, fields);
};

/** Saves a stock move of this device's branch once every rule holds; the move is then a fact. */
export async function saveStockMove(
  s: ModuleContext,
  input: StockMoveInput,
): Promise<SavedStockMove> {
  const items = new Map((await cachedItems(s)).map((i) => [i._id, i]));
  const lines = Array.isArray(input?.lines) ? input.lines : [];
  const withUnits = lines.map((l, i) => {
    const item = items.get(l?.item);
    if (!item)
      return refuse(`Line ${i + 1}: choose an item from the catalogue.`, {
        [`lines.${i}.item`]: 'Unknown item.',
      });
    const unit = l.unit?.trim() || item.baseUnit;
    const factor = unit === item.baseUnit ? '1' : item.units.find((u) => u.unit === unit)?.factor;
    if (!factor)
      return refuse(
        `Line ${i + 1}: ${item.sku} is not counted in "${unit}". Use ${[item.baseUnit, ...item.units.map((u) => u.unit)].join(', ')}.`,
      );
    return { ...l, unit, factor };
  });
  const fields = parseOrThrow(
    stockMoveFieldsSchema,
    { ...input, lines: withUnits, status: 'posted' },
    'The stock move was not saved.',
  );

  await checkLock(s, fields.date);
  const warehouses = new Map((await cachedWarehouses(s)).map((w) => [w._id, w]));
  const branch = s.config.branchCode;
  for (const [field, id] of [
    ['warehouse', fields.warehouse],
    ['toWarehouse', fields.toWarehouse],
  ] as const) {
    if (!id) continue;
    const w = warehouses.get(id);
    if (!w) refuse('Choose a warehouse from the list.', { [field]: 'Unknown warehouse.' });
    else if (w.branchCode !== branch)
      refuse(
        `Warehouse ${w.code} belongs to branch ${w.branchCode}; this device books for ${branch}.`,
        {
          [field]: 'Not a warehouse of this branch.',
        },
      );
    else if (w.archived)
      refuse(
        `Warehouse ${w.code} is archived. Choose another one, or ask head office to reopen it.`,
        {
          [field]: 'Archived.',
        },
      );
  }
  fields.lines.forEach((l, i) => checkLine(items.get(l.item)!, l, i + 1));
  const serials = new Set<string>();
  fields.lines.forEach((l, i) => {
    if (!l.serial) return;
    const key = `${l.item}|${l.serial}`;
    if (serials.has(key))
      refuse(`Line ${i + 1}: serial number ${l.serial} is already on this move.`);
    serials.add(key);
  });
  if (fields.corrects) {
    const found = await s.read(fields.corrects);
    if (!found || found.doc.type !== 'stockMove')
      refuse('The move this one corrects is not on this device.');
  }

  const repo = inventoryRepos(s).moves;
  const move = repo.build(fields, branch);
  const warnings = await negativeStock(s, move, items);
  // Taken last, once nothing can refuse the move, so a refusal leaves no gap in the series.
  move.number = await takeNextNumber(s.pouch(s.homeBranchDbName), {
    branchCode: branch,
    deviceLetter: s.config.letter,
    kind: MOVE_SERIES[move.kind],
  });
  const [saved] = await repo.createMany([move]);
  return { move: saved!, warnings };
}

/**
 * Stock value is part of the books, so a move may not be dated on or before Accounts' lock date;
 * a correction of a locked move is a new move dated after it.
 */
export async function checkLock(s: ModuleContext, date: string): Promise<void> {
  // A malformed date is left to the schema, which says what is wrong with it.
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return;
  const lock = await loadLockDate(s);
  if (lock !== null && date <= lock)
    refuse(
      `The books are locked up to ${formatDate(lock)}: date the move after that, or ask an administrator to move the lock date.`,
      { date: `On or before the lock date ${formatDate(lock)}.` },
    );
}

function checkLine(item: Item, l: StockMove['lines'][number], n: number) {
  if (item.kind !== 'stock')
    refuse(`Line ${n}: ${item.sku} ${item.name} is not a stock item, so it has no stock to move.`);
  const base = baseQty(l.qty, l.factor);
  // A float is fine to tell which message applies; the quantity itself is counted exactly.
  if (base === null && Math.abs(Number(l.qty) * Number(l.factor)) >= MAX_UNITS)
    refuse(`Line ${n}: ${l.qty} ${l.unit} is more than Outpost can count in one line.`);
  if (base === null)
    refuse(
      `Line ${n}: ${l.qty} ${l.unit} is not a whole number of ten-thousandths of a ${item.baseUnit}.`,
    );
  if (item.tracking === 'batch' && !l.batch)
    refuse(`Line ${n}: ${item.sku} is tracked by batch; enter the batch number.`);
  if (item.tracking === 'serial') {
    if (!l.serial) refuse(`Line ${n}: ${item.sku} is tracked by serial number; enter it.`);
    if (Math.abs(base!) !== 10_000)
      refuse(`Line ${n}: a serial number is one ${item.baseUnit}; put each on its own line.`);
  }
}

/**
 * The company's policy for taking more than is on hand, checked against the projection: the
 * balance at the move's date and every balance after it (a back-dated delivery must not leave
 * a later day short either).
 */
async function negativeStock(
  s: ModuleContext,
  move: StockMove,
  items: Map<string, Item>,
): Promise<string[]> {
  const delta = new Map<string, { item: string; qty: number }>();
  for (const r of rowsOfMove(move)) {
    const d = delta.get(r.key) ?? { item: r.item, qty: 0 };
    d.qty += r.qty;
    delta.set(r.key, d);
  }
  const short: string[] = [];
  await s.settle();
  const lines = stockTables(s.index).lines.where('[key+order]');
  for (const [key, d] of delta) {
    if (d.qty >= 0) continue;
    const at = await lines.between([key, ''], [key, endOfDay(move.date)], true, true).last();
    const later = await lines
      .between([key, endOfDay(move.date)], [key, '\uffff'], false, true)
      .toArray();
    const low = Math.min(at?.qtyAfter ?? 0, ...later.map((r) => r.qtyAfter));
    if (low + d.qty < 0) {
      const item = items.get(d.item)!;
      const onHand = formatQty(Math.max(at?.qtyAfter ?? 0, 0));
      short.push(
        `${item.sku} ${item.name}: ${formatQty(-d.qty)} ${item.baseUnit} taken, ${onHand} on hand on ${formatDate(move.date)}${low < (at?.qtyAfter ?? 0) ? ' (and less on a later day)' : ''}.`,
      );
    }
  }
  if (!short.length) return [];
  const policy = (await loadInventorySettings(s))?.negativeStock ?? 'refuse';
  if (policy === 'refuse')
    refuse(`Not enough stock: ${short.join(' ')} The company does not allow negative stock.`);
  return short.map((m) => `Stock goes below zero: ${m}`);
}
