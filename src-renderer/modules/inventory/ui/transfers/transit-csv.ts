import { toCsv } from '../../../../core/csv';
import { money, toDecimalString } from '../../../../core/money';
import type { TransitRow } from '../../rpc-contract';

/**
 * Goods in transit for a spreadsheet (the rules of the reports' CSVs: plain decimals, YYYY-MM-DD
 * dates): branches by name as on screen, and their codes beside them for another program.
 */
export function transitCsv(t: { rows: TransitRow[]; total: number }, currency: string): string {
  const amount = (minor: number) => toDecimalString(money(minor, currency));
  return toCsv([
    [
      'Transfer',
      'Sent',
      'From',
      'From code',
      'To',
      'To code',
      'SKU',
      'Item',
      'Unit',
      'On the way',
      `Value (${currency})`,
    ],
    ...t.rows.map((r) => [
      r.number,
      r.date,
      r.fromName,
      r.from,
      r.toName,
      r.to,
      r.sku,
      r.name,
      r.unit,
      r.qty,
      amount(r.value),
    ]),
  ]);
}
