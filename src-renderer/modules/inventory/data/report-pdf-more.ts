import { formatMoney } from '../../../core/format';
import type { PdfRow } from '../../../core/pdf/document';
import { AGE_BUCKETS } from '../domain/ageing';
import type { AgeingResult, MovementResult, OpenOrdersResult, ReorderRow } from './report-types';
import { asOfWords, base, formats, right, type Doc, type StockPdfHead } from './report-pdf-layout';

/**
 * The movement, ageing, reorder and open-order reports as printable documents: the same rows,
 * totals and words as their pages (report-pdf-layout.ts has the older reports).
 */

const total = (cells: string[]): PdfRow => ({ cells, style: 'total' });

export function movementDoc(h: StockPdfHead, m: MovementResult): Doc {
  const f = formats(h);
  return base(h, 'Stock movement summary', `${f.date(m.from)} to ${f.date(m.to)}`, {
    orientation: 'landscape',
    blocks: [
      {
        kind: 'table',
        columns: [
          { header: 'SKU' },
          { header: 'Item' },
          { header: 'Warehouse' },
          right('Opening'),
          right('Opening value'),
          right('In'),
          right('In value'),
          right('Out'),
          right('Out value'),
          right('Closing'),
          right('Closing value'),
        ],
        rows: m.rows.length
          ? [
              ...m.rows.map((r) => ({
                cells: [
                  r.sku,
                  r.name,
                  r.warehouseCode,
                  f.qty(r.openingQty, r.unit),
                  f.money(r.openingValue),
                  f.qty(r.inQty),
                  f.money(r.inValue),
                  f.qty(r.outQty),
                  f.money(r.outValue),
                  f.qty(r.closingQty, r.unit),
                  f.money(r.closingValue),
                ],
              })),
              total([
                '',
                'Total',
                '',
                '',
                f.money(m.totals.opening),
                '',
                f.money(m.totals.in),
                '',
                f.money(m.totals.out),
                '',
                f.money(m.totals.closing),
              ]),
            ]
          : [],
        emptyText: 'No stock and no moves in this period.',
      },
    ],
  });
}

export function ageingDoc(h: StockPdfHead, a: AgeingResult): Doc {
  const f = formats(h);
  const never = 'never';
  return base(h, 'Stock ageing and slow movers', asOfWords(h, a.asOf, a.asOf), {
    orientation: 'landscape',
    notes: [
      `Values in ${h.currency}; age in days since the receipt`,
      `Slow: nothing went out for more than ${a.slowDays} days`,
    ],
    blocks: [
      {
        kind: 'table',
        columns: [
          { header: 'SKU' },
          { header: 'Item' },
          { header: 'Warehouse' },
          right('On hand'),
          ...AGE_BUCKETS.map((b) => right(`${b} days`)),
          right('Value'),
          { header: 'Last out' },
          { header: 'Slow' },
        ],
        rows: a.rows.length
          ? [
              ...a.rows.map((r) => ({
                cells: [
                  r.sku,
                  r.name,
                  r.warehouseCode,
                  f.qty(r.qty, r.unit),
                  ...r.buckets.map((b) => (b.qty === '0' ? '' : f.qty(b.qty))),
                  f.money(r.value),
                  r.lastOut ? f.date(r.lastOut) : never,
                  r.slow ? 'Slow' : '',
                ],
              })),
              total([
                '',
                'Total',
                '',
                '',
                ...a.totals.buckets.map((v) => f.money(v)),
                f.money(a.totals.value),
                '',
                '',
              ]),
            ]
          : [],
        emptyText: 'Nothing in stock on this date.',
      },
    ],
  });
}

export function reorderDoc(h: StockPdfHead, rows: ReorderRow[], today: string): Doc {
  const f = formats(h);
  return base(h, 'Reorder suggestions', asOfWords(h, null, today), {
    orientation: 'landscape',
    notes: ['Quantities in each item’s base unit'],
    blocks: [
      {
        kind: 'table',
        columns: [
          { header: 'SKU' },
          { header: 'Item' },
          { header: 'Warehouse' },
          right('On hand'),
          right('On order'),
          right('On sales orders'),
          right('Level'),
          right('Suggested'),
          { header: 'Last supplier' },
        ],
        rows: rows.map((r) => ({
          cells: [
            r.sku,
            r.name,
            r.warehouseCode,
            f.qty(r.onHand),
            f.qty(r.onOrder),
            f.qty(r.committed),
            f.qty(r.level),
            f.qty(r.suggested, r.unit),
            r.supplier?.name ?? '',
          ],
        })),
        emptyText: 'Nothing needs reordering.',
      },
    ],
  });
}

export function openOrdersDoc(h: StockPdfHead, o: OpenOrdersResult, today: string): Doc {
  const f = formats(h);
  const sides = [
    ['purchase', 'Purchase orders still to receive'],
    ['sales', 'Sales orders still to deliver'],
  ] as const;
  return base(h, 'Open purchase and sales orders', asOfWords(h, o.asOf, today), {
    orientation: 'landscape',
    notes: ['Values in each order’s currency'],
    blocks: sides.map(([side, title]) => {
      const rows = o.rows.filter((r) => r.side === side);
      return {
        kind: 'table' as const,
        title,
        columns: [
          { header: 'Order' },
          { header: side === 'purchase' ? 'Supplier' : 'Customer' },
          { header: 'Date' },
          { header: 'Expected' },
          { header: 'Item' },
          right('Ordered'),
          right('Still open'),
          right('Open value'),
        ],
        rows: rows.length
          ? [
              ...rows.map((r) => ({
                cells: [
                  r.number,
                  r.party,
                  f.date(r.date),
                  r.expectedDate ? `${f.date(r.expectedDate)}${r.late ? ' (late)' : ''}` : '',
                  `${r.sku} ${r.name}`,
                  f.qty(r.ordered, r.unit),
                  f.qty(r.open, r.unit),
                  formatMoney(r.openValue, r.currency, h.locale),
                ],
              })),
              ...o.totals
                .filter((t) => t.side === side)
                .map((t) =>
                  total([
                    '',
                    '',
                    '',
                    '',
                    `Total ${t.currency}`,
                    '',
                    '',
                    formatMoney(t.value, t.currency, h.locale),
                  ]),
                ),
            ]
          : [],
        emptyText: 'No open orders.',
      };
    }),
  });
}
