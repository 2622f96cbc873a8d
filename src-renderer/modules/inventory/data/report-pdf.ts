import { OutpostError } from '../../../core/errors';
import type { ModuleContext } from '../../../core/module-context';
import { pageSizeFor, pdfFileName, type PdfFile } from '../../../core/pdf/document';
import { renderPdf } from '../../../core/pdf/render';
import type { InventoryReportPdfRequest, ItemLedgerRow } from '../rpc-contract';
import { cachedItems } from './repos';
import {
  itemLedgerDoc,
  negativeStockDoc,
  stockOnHandDoc,
  transitDoc,
  valuationDoc,
  type Doc,
  type StockPdfHead,
} from './report-pdf-layout';
import { itemStockLedger, negativeStock, stockOnHand, valuation } from './stock-queries';
import { goodsInTransit } from './transfer-queries';
import { ageingDoc, movementDoc, openOrdersDoc, reorderDoc } from './report-pdf-more';
import { movementSummary } from './report-movement';
import { stockAgeing } from './report-ageing';
import { openOrders, reorderSuggestions } from './report-orders';

// The words the report pages use for the whole company (ui/reports/ReportBar.tsx).
export const ALL_BRANCHES = 'All branches (consolidated)';
/** About 500 pages: beyond it a PDF is no longer read, and making it would hold the worker for minutes. */
export const MAX_LEDGER_PDF_LINES = 20_000;
// The ledger query hands out at most this many lines a call (stock-queries.ts).
const LEDGER_PAGE = 1000;

async function head(
  s: ModuleContext,
  branch: string | null | undefined,
  locale: string | undefined,
): Promise<StockPdfHead> {
  const [company, branches] = await Promise.all([s.company(), s.branchList()]);
  let label = ALL_BRANCHES;
  if (branch) {
    const b = branches.find((x) => x.code === branch);
    if (!b) throw new OutpostError('validation', `There is no branch "${branch}".`);
    label = `${b.code} — ${b.name}`;
  }
  return { company: company.name, branch: label, currency: company.baseCurrency, locale };
}

/** A locale Intl accepts, or undefined (the worker's own): a bad one must not stop a PDF. */
export function validLocale(locale: string | undefined): string | undefined {
  if (!locale) return undefined;
  try {
    return Intl.getCanonicalLocales(locale)[0];
  } catch {
    return undefined;
  }
}

async function wholeLedger(
  s: ModuleContext,
  q: { item: string; branch?: string | null; warehouse?: string | null },
) {
  const first = await itemStockLedger(s, { ...q, offset: 0, limit: LEDGER_PAGE });
  if (first.total > MAX_LEDGER_PDF_LINES)
    throw new OutpostError(
      'validation',
      `This item has ${first.total} stock moves; a PDF holds at most ${MAX_LEDGER_PDF_LINES}. Choose one branch or warehouse, or use Export CSV.`,
    );
  const rows: ItemLedgerRow[] = [...first.rows];
  while (rows.length < first.total) {
    const next = await itemStockLedger(s, { ...q, offset: rows.length, limit: LEDGER_PAGE });
    if (next.rows.length === 0) break;
    rows.push(...next.rows);
  }
  return rows;
}

/** Reads one report as its query does and renders it: the same rows as the page, every line. */
export async function inventoryReportPdf(
  s: ModuleContext,
  q: InventoryReportPdfRequest,
): Promise<PdfFile> {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(q.today ?? ''))
    throw new OutpostError('validation', 'The PDF needs today’s date (YYYY-MM-DD).');
  const locale = validLocale(q.locale);
  const branch = q.branch ?? null;
  const h = await head(s, branch, locale);
  const scope = branch ?? undefined;
  let doc: Doc;
  let name: string;
  switch (q.report) {
    case 'stockOnHand': {
      const rows = await stockOnHand(s, { asOf: q.asOf, branch, warehouse: q.warehouse });
      doc = stockOnHandDoc(h, rows, q.asOf, q.today);
      name = pdfFileName('stock-on-hand', scope, q.asOf ?? q.today);
      break;
    }
    case 'valuation': {
      doc = valuationDoc(h, await valuation(s, { asOf: q.asOf, branch }), q.today);
      name = pdfFileName('stock-valuation', scope, q.asOf ?? q.today);
      break;
    }
    case 'itemLedger': {
      const item = (await cachedItems(s)).find((i) => i._id === q.item);
      if (!item) throw new OutpostError('not-found', 'That item is not on this device.');
      const rows = await wholeLedger(s, { item: q.item, branch, warehouse: q.warehouse });
      doc = itemLedgerDoc(
        h,
        { sku: item.sku, name: item.name, unit: item.baseUnit },
        rows,
        q.today,
      );
      name = pdfFileName('stock-ledger', item.sku, scope, q.today);
      break;
    }
    case 'negativeStock': {
      doc = negativeStockDoc(h, await negativeStock(s, { branch }), q.today);
      name = pdfFileName('negative-stock', scope, q.today);
      break;
    }
    case 'goodsInTransit': {
      doc = transitDoc(h, await goodsInTransit(s, { branch }), q.today);
      name = pdfFileName('goods-in-transit', scope, q.today);
      break;
    }
    case 'movement': {
      doc = movementDoc(h, await movementSummary(s, { ...q, branch }));
      name = pdfFileName('stock-movement', scope, q.from, q.to);
      break;
    }
    case 'ageing': {
      doc = ageingDoc(h, await stockAgeing(s, { ...q, branch }));
      name = pdfFileName('stock-ageing', scope, q.asOf);
      break;
    }
    case 'reorder': {
      doc = reorderDoc(h, await reorderSuggestions(s, { branch }), q.today);
      name = pdfFileName('reorder-suggestions', scope, q.today);
      break;
    }
    case 'openOrders': {
      const orders = await openOrders(s, { ...q, branch });
      doc = openOrdersDoc(h, orders, q.today);
      name = pdfFileName('open-orders', scope, orders.asOf);
      break;
    }
    default:
      throw new OutpostError('validation', 'There is no such inventory report.');
  }
  return {
    fileName: name,
    bytes: await renderPdf({ ...doc, pageSize: q.pageSize ?? pageSizeFor(locale) }),
  };
}
