import { toCsv } from '../../../../core/csv';
import { money, toDecimalString } from '../../../../core/money';
import type {
  ItemLedgerRow,
  NegativeStockRow,
  StockOnHandRow,
  ValuationResult,
} from '../../rpc-contract';

/**
 * Inventory's CSV files, for a spreadsheet or another program: quantities as plain decimals in
 * base units, values as plain decimals of the base currency, dates as YYYY-MM-DD. Every cell
 * goes through core/csv's toCsv, which defuses formula-like names.
 */
const amount = (minor: number, currency: string) => toDecimalString(money(minor, currency));

export function stockOnHandCsv(rows: readonly StockOnHandRow[], currency: string): string {
  return toCsv([
    ['Branch', 'Warehouse', 'SKU', 'Item', 'Unit', 'Quantity', `Value (${currency})`],
    ...rows.map((r) => [
      r.branch,
      r.warehouseCode,
      r.sku,
      r.name,
      r.unit,
      r.qty,
      amount(r.value, currency),
    ]),
  ]);
}

export function itemLedgerCsv(rows: readonly ItemLedgerRow[], currency: string): string {
  const a = (n: number) => amount(n, currency);
  return toCsv([
    [
      'Date',
      'Kind',
      'Reference',
      'Warehouse',
      'Quantity',
      `Value (${currency})`,
      'Running quantity',
      `Running value (${currency})`,
    ],
    ...rows.map((r) => [
      r.date,
      r.kind,
      r.reference,
      r.warehouseCode,
      r.qty,
      a(r.value),
      r.runningQty,
      a(r.runningValue),
    ]),
  ]);
}

export function valuationCsv(v: ValuationResult, currency: string): string {
  const a = (n: number) => amount(n, currency);
  return toCsv([
    ['SKU', 'Item', 'Method', 'Quantity', `Value (${currency})`],
    ...v.rows.map((r) => [r.sku, r.name, r.method, r.qty, a(r.value)]),
    ['', 'Total', '', '', a(v.total)],
  ]);
}

export function negativeStockCsv(rows: readonly NegativeStockRow[], currency: string): string {
  return toCsv([
    [
      'Branch',
      'Warehouse',
      'SKU',
      'Item',
      'Quantity',
      `Value (${currency})`,
      'Move date',
      'Move kind',
      'Move reference',
      'Move quantity',
    ],
    ...rows.flatMap((r) =>
      (r.moves.length ? r.moves : [null]).map((m) => [
        r.branch,
        r.warehouseCode,
        r.sku,
        r.name,
        r.qty,
        amount(r.value, currency),
        m?.date ?? '',
        m?.kind ?? '',
        m?.reference ?? '',
        m?.qty ?? '',
      ]),
    ),
  ]);
}
