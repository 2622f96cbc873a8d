import { toCsv } from '../../../../core/csv';
import { money, toDecimalString } from '../../../../core/money';
import type { AgedRow } from '../../domain/aging';

/** The aged report's columns, its totals row and its CSV (exact decimals). */

export const AGED_COLUMNS = [
  { key: 'current', label: 'Current' },
  { key: '1-30', label: '1–30' },
  { key: '31-60', label: '31–60' },
  { key: '61-90', label: '61–90' },
  { key: '90+', label: '90+' },
] as const;

export function agedTotals(rows: readonly AgedRow[]): AgedRow {
  const total: AgedRow = {
    partyId: '',
    buckets: { current: 0, '1-30': 0, '31-60': 0, '61-90': 0, '90+': 0 },
    total: 0,
  };
  for (const r of rows) {
    for (const c of AGED_COLUMNS) total.buckets[c.key] += r.buckets[c.key];
    total.total += r.total;
  }
  return total;
}

export function agedCsv(
  rows: readonly AgedRow[],
  partyName: (id: string) => string,
  currency: string,
): string {
  const dec = (minor: number) => toDecimalString(money(minor, currency));
  const line = (name: string, r: AgedRow) => [
    name,
    ...AGED_COLUMNS.map((c) => dec(r.buckets[c.key])),
    dec(r.total),
  ];
  const header = ['Party', 'Current', '1-30', '31-60', '61-90', '90+', 'Total'];
  return toCsv([
    header,
    ...rows.map((r) => line(partyName(r.partyId), r)),
    line('Total', agedTotals(rows)),
  ]);
}
