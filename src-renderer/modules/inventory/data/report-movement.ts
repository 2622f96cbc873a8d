import { OutpostError } from '../../../core/errors';
import type { ModuleContext } from '../../../core/module-context';
import { formatQty } from '../domain/quantity';
import type { MoveKind } from '../domain/schemas';
import type { MovementPart, MovementQuery, MovementResult, MovementRow } from './report-types';
import { bySkuThenWarehouse, checkedDate, described, keysInScope, names } from './report-common';
import { endOfDay, stockTables } from './stock-rows';

/**
 * Movement summary for a period per item × warehouse, read off the stock projection: the
 * opening is the state after the last row before the first day, the closing the state after the
 * last row of the last day, and in between only the period's rows are read. Each row's value is
 * the change it made to the stock's value, so opening + in − out = closing to the cent, and a
 * period's closing is the next period's opening (both are the same row's state).
 */
const PARTS: MovementPart[] = [
  'receiptsIn',
  'transfersIn',
  'adjustmentsIn',
  'deliveriesOut',
  'transfersOut',
  'adjustmentsOut',
];

// Transfers between branches are folded as moves between warehouses (transfer-rows.ts).
function partOf(kind: MoveKind, qty: number): MovementPart {
  const group =
    kind === 'internal'
      ? 'transfers'
      : kind === 'receipt' || kind === 'delivery'
        ? ''
        : 'adjustments';
  if (qty > 0) return group ? (`${group}In` as MovementPart) : 'receiptsIn';
  return group ? (`${group}Out` as MovementPart) : 'deliveriesOut';
}

export async function movementSummary(s: ModuleContext, q: MovementQuery): Promise<MovementResult> {
  const from = checkedDate(q?.from, 'the first day of the period');
  const to = checkedDate(q?.to, 'the last day of the period');
  if (to < from)
    throw new OutpostError('validation', 'The period ends before it starts: swap the two dates.');
  const keys = await keysInScope(s, q);
  const lines = stockTables(s.index).lines;
  const n = await names(s);
  const start = `${from}|`;
  const end = endOfDay(to);
  const rows: MovementRow[] = [];
  for (const k of keys) {
    const range = lines.where('[key+order]');
    const opening = await range.between([k.key, ''], [k.key, start], true, false).last();
    let inQty = 0;
    let inValue = 0;
    let outQty = 0;
    let outValue = 0;
    let closing = opening;
    let moved = false;
    const parts = new Map(PARTS.map((p) => [p, { qty: 0, value: 0 }]));
    // Read one by one: a busy key's period is never held in memory whole.
    await range.between([k.key, start], [k.key, end], true, true).each((r) => {
      moved = true;
      closing = r;
      const part = parts.get(partOf(r.kind, r.qty))!;
      part.qty += Math.abs(r.qty);
      part.value += r.qty > 0 ? r.value : -r.value;
      if (r.qty > 0) {
        inQty += r.qty;
        inValue += r.value;
      } else {
        outQty -= r.qty;
        outValue -= r.value;
      }
    });
    const open = { qty: opening?.qtyAfter ?? 0, value: opening?.valueAfter ?? 0 };
    const close = { qty: closing?.qtyAfter ?? 0, value: closing?.valueAfter ?? 0 };
    if (!moved && open.qty === 0 && open.value === 0) continue;
    rows.push({
      item: k.item,
      warehouse: k.warehouse,
      branch: k.branch,
      ...described(n, k),
      openingQty: formatQty(open.qty),
      openingValue: open.value,
      inQty: formatQty(inQty),
      inValue,
      outQty: formatQty(outQty),
      outValue,
      closingQty: formatQty(close.qty),
      closingValue: close.value,
      parts: Object.fromEntries(
        [...parts].map(([p, v]) => [p, { qty: formatQty(v.qty), value: v.value }]),
      ) as MovementRow['parts'],
    });
  }
  rows.sort(bySkuThenWarehouse);
  const sum = (f: (r: MovementRow) => number) => rows.reduce((t, r) => t + f(r), 0);
  return {
    from,
    to,
    rows,
    totals: {
      opening: sum((r) => r.openingValue),
      in: sum((r) => r.inValue),
      out: sum((r) => r.outValue),
      closing: sum((r) => r.closingValue),
    },
  };
}
