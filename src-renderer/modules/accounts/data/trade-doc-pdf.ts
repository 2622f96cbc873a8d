import { OutpostError } from '../../../core/errors';
import {
  pdfFileName,
  type PdfBlock,
  type PdfDocument,
  type PdfFile,
} from '../../../core/pdf/document';
import { renderPdf } from '../../../core/pdf/render';
import type { ModuleContext } from '../../../core/module-context';
import type { Party, TaxCode } from '../domain/schemas';
import { lineAmounts } from '../domain/tax';
import type { PdfOptions } from '../pdf-contract';
import type { TradeDocView } from '../rpc-contract';
import { repos } from './ledger-repos';
import type { PdfFormat } from './pdf-format';
import { pdfHead, withPaper } from './report-pdf';
import { getTradeDoc } from './trade-documents';

const TITLES = {
  sales: { invoice: 'Invoice', credit: 'Credit note' },
  purchase: { invoice: 'Bill', credit: 'Supplier credit' },
} as const;

/** A batch is bounded so one call cannot hold thousands of documents' layouts at once. */
export const MAX_BATCH = 500;

export interface TradeDocPdfInput {
  company: string;
  /** Where the document was issued: "NYC — New York". */
  branch: string;
  view: TradeDocView;
  party: Party | null;
  taxCodes: readonly TaxCode[];
  /** The number of the invoice a credit note corrects. */
  creditForNumber: string | null;
  f: PdfFormat;
}

/** What the customer receives: seller, customer, number and dates, lines, tax, totals, amount due. */
export function tradeDocDocument(input: TradeDocPdfInput): Omit<PdfDocument, 'pageSize'> {
  const { view, party, f } = input;
  const doc = view.doc;
  const cur = doc.currency;
  const m = (n: number) => f.money(n, cur);
  const kind = TITLES[doc.side][doc.kind];
  const codes = new Map(input.taxCodes.map((t) => [t.code, t]));
  const qty = new Intl.NumberFormat(f.locale, { maximumFractionDigits: 4 });
  const pct = new Intl.NumberFormat(f.locale, { maximumFractionDigits: 2 });
  const discounts = doc.lines.some((l) => l.discountBp > 0);
  const lines = doc.lines.map((l) => {
    const a = lineAmounts(l, codes, doc.taxMode, cur);
    const rate = l.taxCode ? codes.get(l.taxCode)?.rateBp : undefined;
    return {
      cells: [
        l.description,
        qty.format(l.quantity as unknown as number),
        m(l.unitPrice),
        ...(discounts ? [l.discountBp ? `${pct.format(l.discountBp / 100)} %` : ''] : []),
        l.taxCode ? `${l.taxCode}${rate !== undefined ? ` ${pct.format(rate / 100)} %` : ''}` : '',
        m(doc.taxMode === 'inclusive' ? a.gross : a.net),
      ],
    };
  });
  const paid = view.payments.reduce((n, p) => n + p.amount, 0);
  const credited = view.credits.reduce((n, c) => n + c.gross, 0);
  const totals: [string, string][] = [
    [doc.taxMode === 'inclusive' ? 'Net (prices include tax)' : 'Net', m(doc.totals.net)],
    ...doc.taxBreakdown.map((t): [string, string] => [
      `Tax ${t.code} ${pct.format(t.rateBp / 100)} %`,
      m(t.tax),
    ]),
    ['Total', m(doc.totals.gross)],
  ];
  if (doc.kind === 'invoice') {
    if (paid) totals.push(['Paid', m(-paid)]);
    if (credited) totals.push(['Credited', m(-credited)]);
    totals.push(['Amount due', m(view.open)]);
  }
  const customer: PdfBlock[] = [
    { kind: 'text', text: doc.side === 'sales' ? 'Bill to' : 'Supplier', style: 'muted' },
    { kind: 'text', text: party?.name ?? 'Unknown party', style: 'strong' },
    ...(party?.address ? [{ kind: 'text' as const, text: party.address }] : []),
    ...(party?.taxId ? [{ kind: 'text' as const, text: `Tax ID ${party.taxId}` }] : []),
    ...(party?.email ? [{ kind: 'text' as const, text: party.email }] : []),
  ];
  const facts: [string, string][] = [
    [`${kind} number`, doc.number ?? ''],
    ['Date', f.date(doc.date)],
    ...(doc.kind === 'invoice' ? [['Due date', f.date(doc.dueDate)] as [string, string]] : []),
    ...(input.creditForNumber ? [['Credit for', input.creditForNumber] as [string, string]] : []),
    ...(doc.reference ? [['Reference', doc.reference] as [string, string]] : []),
    ['Currency', cur],
  ];
  return {
    title: `${kind} ${doc.number ?? ''}`.trim(),
    company: input.company,
    branch: input.branch,
    blocks: [
      {
        kind: 'columns',
        columns: [customer, [{ kind: 'fields', pairs: facts }]],
      },
      {
        kind: 'table',
        columns: [
          { header: 'Description', width: '*' },
          { header: 'Quantity', align: 'right' },
          { header: 'Unit price', align: 'right' },
          ...(discounts ? [{ header: 'Discount', align: 'right' as const }] : []),
          { header: 'Tax' },
          { header: 'Amount', align: 'right' },
        ],
        rows: lines,
      },
      {
        kind: 'columns',
        columns: [
          doc.memo ? [{ kind: 'text', text: doc.memo }] : [],
          [{ kind: 'fields', pairs: totals, align: 'right' }],
        ],
      },
    ],
  };
}

async function documentFor(s: ModuleContext, id: string, options: PdfOptions) {
  const view = await getTradeDoc(s, id);
  const doc = view.doc;
  if (doc.status !== 'posted' || !doc.number)
    throw new OutpostError(
      'validation',
      'Only an issued document can be downloaded as a PDF. Issue it first.',
    );
  const r = repos(s);
  const [party, taxCodes, head] = await Promise.all([
    r.parties.get(doc.partyId).catch(() => null),
    r.taxCodes.list(),
    pdfHead(s, doc.branch, options),
  ]);
  const original = doc.creditFor ? await s.read(doc.creditFor) : null;
  const creditForNumber = typeof original?.doc.number === 'string' ? original.doc.number : null;
  const body = tradeDocDocument({
    company: head.company,
    branch: head.branch,
    view,
    party,
    taxCodes,
    creditForNumber,
    f: head.f,
  });
  return {
    fileName: pdfFileName(TITLES[doc.side][doc.kind], doc.number),
    doc: withPaper(body, options),
  };
}

export async function tradeDocPdf(
  s: ModuleContext,
  id: string,
  options: PdfOptions,
): Promise<PdfFile> {
  const { fileName, doc } = await documentFor(s, id, options);
  return { fileName, bytes: await renderPdf(doc) };
}

/**
 * Many documents in one call, one PDF each, in the order asked. Every id is checked first, so
 * a batch with one draft or unknown id says which and makes nothing.
 */
export async function tradeDocPdfs(
  s: ModuleContext,
  ids: readonly string[],
  options: PdfOptions,
): Promise<PdfFile[]> {
  if (ids.length > MAX_BATCH)
    throw new OutpostError(
      'validation',
      `At most ${MAX_BATCH} documents can be made at once; choose fewer.`,
    );
  const docs = [];
  for (const id of ids) docs.push(await documentFor(s, id, options));
  const out: PdfFile[] = [];
  for (const d of docs) out.push({ fileName: d.fileName, bytes: await renderPdf(d.doc) });
  return out;
}
