import { formatDate, formatMoney } from '../../../core/format';
import type { PdfColumn, PdfDocument, PdfRow } from '../../../core/pdf/document';
import type { MoveKind } from '../domain/schemas';
import type {
  ItemLedgerRow,
  NegativeStockRow,
  StockOnHandRow,
  TransitRow,
  ValuationResult,
} from '../rpc-contract';

/**
 * Inventory's reports as printable documents: the same rows, totals and words as their pages.
 * Pure: the caller read the report and knows the company, branch, currency and locale.
 */
export interface StockPdfHead {
  company: string;
  /** "NYC — New York" or "All branches (consolidated)". */
  branch: string;
  currency: string;
  locale: string | undefined;
}

export type Doc = Omit<PdfDocument, 'pageSize'>;

export const right = (header: string): PdfColumn => ({ header, align: 'right' });

const MOVE_WORDS: Record<MoveKind, string> = {
  receipt: 'Receipt',
  delivery: 'Delivery',
  adjustment: 'Adjustment',
  count: 'Stock count',
  internal: 'Move between warehouses',
};

/** The formats of one document, in the reader's locale (core/format for money and dates). */
export function formats(h: StockPdfHead) {
  const plain = new Map<number, Intl.NumberFormat>();
  return {
    money: (minor: number) => formatMoney(minor, h.currency, h.locale),
    date: (iso: string) => formatDate(iso, h.locale),
    // Quantities are decimal text with at most 4 places; Intl is handed the text, not a float,
    // so a large count is not rounded.
    qty: (text: string, unit = '') => {
      const places = Math.min((text.split('.')[1] ?? '').length, 4);
      let f = plain.get(places);
      if (!f) {
        f = new Intl.NumberFormat(h.locale, {
          minimumFractionDigits: places,
          maximumFractionDigits: places,
        });
        plain.set(places, f);
      }
      const n = f.format(text as unknown as number);
      return unit ? `${n} ${unit}` : n;
    },
  };
}

export function base(h: StockPdfHead, title: string, period: string, doc: Partial<Doc>): Doc {
  return {
    title,
    company: h.company,
    branch: h.branch,
    period,
    notes: [`Values in ${h.currency}`],
    blocks: [],
    ...doc,
  };
}

export const asOfWords = (h: StockPdfHead, asOf: string | null | undefined, today: string) =>
  `As of the end of ${formats(h).date(asOf ?? today)}`;

export function stockOnHandDoc(
  h: StockPdfHead,
  rows: StockOnHandRow[],
  asOf: string | null | undefined,
  today: string,
): Doc {
  const f = formats(h);
  const total = rows.reduce((n, r) => n + r.value, 0);
  const body: PdfRow[] = rows.map((r) => ({
    cells: [r.sku, r.name, r.warehouseCode, f.qty(r.qty, r.unit), f.money(r.value)],
  }));
  return base(h, 'Stock on hand', asOfWords(h, asOf, today), {
    blocks: [
      {
        kind: 'table',
        columns: [
          { header: 'SKU' },
          { header: 'Item' },
          { header: 'Warehouse' },
          right('On hand'),
          right('Value'),
        ],
        rows: rows.length
          ? [...body, { cells: ['', 'Total', '', '', f.money(total)], style: 'total' }]
          : [],
        emptyText: 'Nothing in stock on this date.',
      },
    ],
  });
}

export function valuationDoc(h: StockPdfHead, v: ValuationResult, today: string): Doc {
  const f = formats(h);
  const method = { fifo: 'FIFO', average: 'Moving average' };
  return base(h, 'Stock valuation', asOfWords(h, v.asOf, today), {
    blocks: [
      {
        kind: 'table',
        columns: [
          { header: 'SKU' },
          { header: 'Item' },
          { header: 'Method' },
          right('Quantity'),
          right('Value'),
        ],
        rows: v.rows.length
          ? [
              ...v.rows.map((r) => ({
                cells: [r.sku, r.name, method[r.method], f.qty(r.qty), f.money(r.value)],
              })),
              { cells: ['', 'Total', '', '', f.money(v.total)], style: 'total' as const },
            ]
          : [],
        emptyText: 'Nothing in stock on this date.',
      },
    ],
  });
}

export function itemLedgerDoc(
  h: StockPdfHead,
  item: { sku: string; name: string; unit: string },
  rows: ItemLedgerRow[],
  today: string,
): Doc {
  const f = formats(h);
  return base(h, `Stock ledger — ${item.sku} ${item.name}`, `Up to ${f.date(today)}`, {
    orientation: 'landscape',
    notes: [`Values in ${h.currency}; quantities in ${item.unit || 'base units'}`],
    blocks: [
      {
        kind: 'table',
        columns: [
          { header: 'Date' },
          { header: 'Move' },
          { header: 'Reference' },
          { header: 'Warehouse' },
          right('Quantity'),
          right('Value'),
          right('Balance'),
          right('Balance value'),
        ],
        rows: rows.map((r) => ({
          cells: [
            f.date(r.date),
            `${MOVE_WORDS[r.kind]}${r.wentNegative ? ' (went below zero)' : ''}`,
            r.reference,
            r.warehouseCode,
            f.qty(r.qty),
            f.money(r.value),
            f.qty(r.runningQty),
            f.money(r.runningValue),
          ],
        })),
        emptyText: 'This item has no stock moves yet.',
      },
    ],
  });
}

export function negativeStockDoc(h: StockPdfHead, rows: NegativeStockRow[], today: string): Doc {
  const f = formats(h);
  return base(h, 'Negative stock', asOfWords(h, null, today), {
    blocks: [
      {
        kind: 'table',
        columns: [
          { header: 'SKU' },
          { header: 'Item' },
          { header: 'Warehouse' },
          right('On hand'),
          right('Value'),
        ],
        rows: rows.flatMap((r) => [
          { cells: [r.sku, r.name, r.warehouseCode, f.qty(r.qty), f.money(r.value)] },
          ...r.moves.map((m) => ({
            cells: [
              '',
              `${f.date(m.date)} ${MOVE_WORDS[m.kind]} ${m.reference}`.trim(),
              '',
              f.qty(m.qty),
              '',
            ],
          })),
        ]),
        emptyText: 'No item is below zero.',
      },
    ],
  });
}

export function transitDoc(
  h: StockPdfHead,
  t: { rows: TransitRow[]; total: number },
  today: string,
): Doc {
  const f = formats(h);
  return base(h, 'Goods in transit', asOfWords(h, null, today), {
    blocks: [
      {
        kind: 'table',
        columns: [
          { header: 'Transfer' },
          { header: 'Sent' },
          { header: 'From' },
          { header: 'To' },
          { header: 'Item' },
          right('On the way'),
          right('Value'),
        ],
        rows: t.rows.length
          ? [
              ...t.rows.map((r) => ({
                cells: [
                  r.number,
                  f.date(r.date),
                  r.fromName,
                  r.toName,
                  `${r.sku} ${r.name}`,
                  f.qty(r.qty, r.unit),
                  f.money(r.value),
                ],
              })),
              { cells: ['', '', '', '', 'Total', '', f.money(t.total)], style: 'total' as const },
            ]
          : [],
        emptyText: 'Nothing is on the way.',
      },
    ],
  });
}
