import type { AgedRow } from '../domain/aging';
import { base, right, type Doc, type ReportHead } from './report-pdf-layout';

/** The aged receivables or payables as a PDF: one row per party, by days past the due date. */
export const AGED_HEADERS = ['Current', '1–30', '31–60', '61–90', '90+'] as const;
const AGED_KEYS = ['current', '1-30', '31-60', '61-90', '90+'] as const;

export function agedDoc(
  h: ReportHead,
  side: 'sales' | 'purchase',
  asOf: string,
  rows: readonly AgedRow[],
  partyName: (id: string) => string,
): Doc {
  const a = (n: number) => h.f.amountOrBlank(n, h.currency);
  const sorted = [...rows].sort((x, y) => partyName(x.partyId).localeCompare(partyName(y.partyId)));
  const total = { buckets: { current: 0, '1-30': 0, '31-60': 0, '61-90': 0, '90+': 0 }, total: 0 };
  for (const r of sorted) {
    for (const k of AGED_KEYS) total.buckets[k] += r.buckets[k];
    total.total += r.total;
  }
  const line = (name: string, r: Pick<AgedRow, 'buckets' | 'total'>) => [
    name,
    ...AGED_KEYS.map((k) => a(r.buckets[k])),
    h.f.amount(r.total, h.currency),
  ];
  const doc = base(
    h,
    side === 'sales' ? 'Aged receivables' : 'Aged payables',
    `As of ${h.f.date(asOf)}`,
    [
      {
        kind: 'table',
        columns: [
          { header: side === 'sales' ? 'Customer' : 'Supplier' },
          ...AGED_HEADERS.map(right),
          right('Total'),
        ],
        rows: sorted.length
          ? [
              ...sorted.map((r) => ({ cells: line(partyName(r.partyId), r) })),
              { cells: line('Total', total), style: 'total' as const },
            ]
          : [],
        emptyText: 'Nothing is open on this date.',
      },
    ],
  );
  doc.notes = [
    `Open amounts in ${h.currency} by days past the due date. Unapplied credits reduce the balance.`,
  ];
  return doc;
}
