import { toCsv } from '../../../../core/csv';
import { money, toDecimalString } from '../../../../core/money';
import { AGE_BUCKETS } from '../../domain/ageing';
import type {
  AgeingResult,
  MovementResult,
  MovementRow,
  OpenOrdersResult,
  ReorderRow,
} from '../../rpc-contract';

/**
 * CSV files of the movement, ageing, reorder and open-order reports, with the rules of csv.ts:
 * plain decimals, YYYY-MM-DD dates, every cell through core/csv's toCsv.
 */
const amount = (minor: number, currency: string) => toDecimalString(money(minor, currency));

const PART_WORDS: [keyof MovementRow['parts'], string][] = [
  ['receiptsIn', 'Received'],
  ['transfersIn', 'Transferred in'],
  ['adjustmentsIn', 'Counted or adjusted up'],
  ['deliveriesOut', 'Delivered'],
  ['transfersOut', 'Transferred out'],
  ['adjustmentsOut', 'Counted or adjusted down'],
];

/** The period's columns first, then in and out by kind of move (they add up to in and out). */
export function movementCsv(m: MovementResult, currency: string): string {
  const a = (n: number) => amount(n, currency);
  return toCsv([
    [
      'Branch',
      'Warehouse',
      'SKU',
      'Item',
      'Unit',
      'Opening quantity',
      `Opening value (${currency})`,
      'In quantity',
      `In value (${currency})`,
      'Out quantity',
      `Out value (${currency})`,
      'Closing quantity',
      `Closing value (${currency})`,
      ...PART_WORDS.flatMap(([, w]) => [`${w} quantity`, `${w} value (${currency})`]),
    ],
    ...m.rows.map((r) => [
      r.branch,
      r.warehouseCode,
      r.sku,
      r.name,
      r.unit,
      r.openingQty,
      a(r.openingValue),
      r.inQty,
      a(r.inValue),
      r.outQty,
      a(r.outValue),
      r.closingQty,
      a(r.closingValue),
      ...PART_WORDS.flatMap(([p]) => [r.parts[p].qty, a(r.parts[p].value)]),
    ]),
    [
      '',
      '',
      '',
      'Total',
      '',
      '',
      a(m.totals.opening),
      '',
      a(m.totals.in),
      '',
      a(m.totals.out),
      '',
      a(m.totals.closing),
    ],
  ]);
}

export function ageingCsv(r: AgeingResult, currency: string): string {
  const a = (n: number) => amount(n, currency);
  return toCsv([
    [
      'Branch',
      'Warehouse',
      'SKU',
      'Item',
      'Unit',
      'Quantity',
      `Value (${currency})`,
      ...AGE_BUCKETS.flatMap((b) => [`${b} days quantity`, `${b} days value (${currency})`]),
      'Oldest receipt',
      'Last out',
      'Slow',
    ],
    ...r.rows.map((x) => [
      x.branch,
      x.warehouseCode,
      x.sku,
      x.name,
      x.unit,
      x.qty,
      a(x.value),
      ...x.buckets.flatMap((b) => [b.qty, a(b.value)]),
      x.oldest ?? '',
      x.lastOut ?? '',
      x.slow ? 'yes' : 'no',
    ]),
  ]);
}

export function reorderCsv(rows: readonly ReorderRow[]): string {
  return toCsv([
    [
      'Branch',
      'Warehouse',
      'SKU',
      'Item',
      'Unit',
      'On hand',
      'On purchase orders',
      'On sales orders',
      'Projected',
      'Reorder level',
      'Reorder quantity',
      'Suggested',
      'Last supplier',
    ],
    ...rows.map((r) => [
      r.branch,
      r.warehouseCode,
      r.sku,
      r.name,
      r.unit,
      r.onHand,
      r.onOrder,
      r.committed,
      r.projected,
      r.level,
      r.ruleQty,
      r.suggested,
      r.supplier?.name ?? '',
    ]),
  ]);
}

export function openOrdersCsv(o: OpenOrdersResult): string {
  return toCsv([
    [
      'Side',
      'Order',
      'Branch',
      'Party',
      'Order date',
      'Expected',
      'Late',
      'SKU',
      'Item',
      'Unit',
      'Ordered',
      'Still open',
      'Currency',
      'Open value',
    ],
    ...o.rows.map((r) => [
      r.side,
      r.number,
      r.branch,
      r.party,
      r.date,
      r.expectedDate ?? '',
      r.late ? 'yes' : 'no',
      r.sku,
      r.name,
      r.unit,
      r.ordered,
      r.open,
      r.currency,
      amount(r.openValue, r.currency),
    ]),
  ]);
}
