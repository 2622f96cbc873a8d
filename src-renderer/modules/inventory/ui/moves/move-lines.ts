import { formatQty, parseQty } from '../../domain/quantity';
import type { Item, MoveKind, StockMove } from '../../domain/schemas';
import type { StockMoveInput } from '../../rpc-contract';

/** One line as typed: quantity as canonical decimal text ('' while empty), cost in minor units. */
export interface LineDraft {
  key: number;
  item: string;
  qty: string;
  unit: string;
  unitCost: number | null;
  /** Counts only: what is on the shelf; the move is the difference from the books. */
  counted: string;
}

let nextKey = 1;
export function newLine(patch: Partial<LineDraft> = {}): LineDraft {
  return { key: nextKey++, item: '', qty: '', unit: '', unitCost: null, counted: '', ...patch };
}

/** Adds one of the scanned item, or one more on the line already holding it in its base unit. */
export function addScanned(lines: LineDraft[], item: Item, kind: MoveKind): LineDraft[] {
  const field = kind === 'count' ? 'counted' : 'qty';
  const i = lines.findIndex(
    (l) => l.item === item._id && (l.unit === '' || l.unit === item.baseUnit),
  );
  if (i < 0) {
    const blank = lines.findIndex((l) => l.item === '');
    const line = newLine({ item: item._id, unit: item.baseUnit, [field]: '1' });
    return blank < 0
      ? [...lines, line]
      : lines.map((l, j) => (j === blank ? { ...line, key: l.key } : l));
  }
  return lines.map((l, j) => (j === i ? { ...l, [field]: plusOne(l[field]) } : l));
}

function plusOne(qty: string): string {
  return formatQty((parseQty(qty || '0') ?? 0) + 10_000);
}

/** Counted minus on hand, in base units; null when the count is not a readable quantity. */
export function countDifference(counted: string, onHand: string): string | null {
  const c = parseQty(counted);
  const h = parseQty(onHand || '0');
  return c === null || h === null ? null : formatQty(c - h);
}

/**
 * The move to send, and for each line sent the row it came from (a counted line that matches the
 * books moves nothing and is left out), so a refusal about "lines.2" lands on the right row.
 */
export function moveInput(
  head: Omit<StockMoveInput, 'lines'>,
  lines: LineDraft[],
  onHand: ReadonlyMap<string, string>,
): { input: StockMoveInput; rows: number[] } {
  const rows: number[] = [];
  const out: StockMoveInput['lines'] = [];
  lines.forEach((l, row) => {
    if (l.item === '' && l.qty === '' && l.counted === '') return;
    if (head.kind === 'count') {
      const diff = countDifference(l.counted, onHand.get(l.item) ?? '0');
      if (diff === '0') return;
      out.push({ item: l.item, qty: diff ?? l.counted });
    } else {
      out.push({ item: l.item, qty: l.qty, unit: l.unit || undefined, unitCost: l.unitCost });
    }
    rows.push(row);
  });
  return { input: { ...head, lines: out }, rows };
}

/** A refusal's field paths moved from the sent lines back to the rows on screen. */
export function fieldsOnRows(
  fields: Record<string, string>,
  rows: number[],
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, message] of Object.entries(fields)) {
    const m = /^lines\.(\d+)\.(.*)$/.exec(path);
    out[m ? `lines.${rows[Number(m[1])] ?? m[1]}.${m[2]}` : path] = message;
  }
  return out;
}

/**
 * The lines of a correction: what undoes the saved move, for the clerk to change into what
 * should have been. A move between warehouses is undone by moving the goods back.
 */
export function correctionOf(move: StockMove): {
  kind: MoveKind;
  warehouse: string;
  toWarehouse: string | null;
  lines: LineDraft[];
} {
  const internal = move.kind === 'internal';
  const sign = move.kind === 'delivery' ? '' : '-';
  return {
    kind: internal ? 'internal' : 'adjustment',
    warehouse: internal ? (move.toWarehouse ?? move.warehouse) : move.warehouse,
    toWarehouse: internal ? move.warehouse : null,
    lines: move.lines.map((l) =>
      newLine({
        item: l.item,
        unit: l.unit,
        qty: internal ? l.qty : negate(l.qty, sign),
        unitCost: move.kind === 'delivery' ? l.unitCost : null,
      }),
    ),
  };
}

function negate(qty: string, sign: '' | '-'): string {
  if (sign === '') return qty;
  return qty.startsWith('-') ? qty.slice(1) : `-${qty}`;
}
