import { OutpostError } from '../../../core/errors';
import {
  pageSizeFor,
  pdfFileName,
  type PdfDocument,
  type PdfFile,
} from '../../../core/pdf/document';
import { renderPdf } from '../../../core/pdf/render';
import type { ModuleContext } from '../../../core/module-context';
import type { Account } from '../domain/schemas';
import type { PdfOptions, ReportPdfRequest } from '../pdf-contract';
import { repos } from './ledger-repos';
import { agedDoc } from './aged-pdf';
import { agedReport } from './open-items';
import { pdfFormat } from './pdf-format';
import {
  balanceSheetDoc,
  generalLedgerDoc,
  profitAndLossDoc,
  taxSummaryDoc,
  trialBalanceDoc,
  type ReportHead,
} from './report-pdf-layout';
import { balanceSheet, generalLedger, profitAndLoss, trialBalance } from './reports';
import { withPaymentHeads } from './ledger-heads';
import { taxSummary } from './tax-summary';

export const CONSOLIDATED = 'All branches (consolidated)';

/** About 500 pages: beyond it a PDF is no longer read, and making it would hold the worker for minutes. */
export const MAX_LEDGER_PDF_LINES = 20_000;

// The same cache entry as the report handlers' chart (worker.ts).
const chartOf = (s: ModuleContext) =>
  s.cachedMaster<Account[]>('accounts', () => repos(s).accounts.list());

/** Company name, branch label and base currency for a PDF's heading. */
export async function pdfHead(
  s: ModuleContext,
  branch: string | null | undefined,
  options: PdfOptions,
): Promise<ReportHead> {
  const [company, branches] = await Promise.all([s.company(), s.branchList()]);
  let label = CONSOLIDATED;
  if (branch) {
    const b = branches.find((x) => x.code === branch);
    if (!b) throw new OutpostError('validation', `There is no branch "${branch}".`);
    label = `${b.code} — ${b.name}`;
  }
  return {
    company: company.name,
    branch: label,
    currency: company.baseCurrency,
    f: pdfFormat(options.locale),
  };
}

export function withPaper(doc: Omit<PdfDocument, 'pageSize'>, options: PdfOptions): PdfDocument {
  return { ...doc, pageSize: options.pageSize ?? pageSizeFor(options.locale) };
}

async function partyNames(s: ModuleContext): Promise<(id: string) => string> {
  const names = new Map((await repos(s).parties.list()).map((p) => [p._id, p.name]));
  return (id) => names.get(id) ?? 'Unknown party';
}

/** Builds one report from the index, as its query would, and renders it. */
export async function reportPdf(s: ModuleContext, q: ReportPdfRequest): Promise<PdfFile> {
  await s.settle();
  const branch = q.branch ?? null;
  const h = await pdfHead(s, branch, q);
  const scope = branch ?? undefined;
  let doc: Omit<PdfDocument, 'pageSize'>;
  let name: string;
  switch (q.report) {
    case 'trialBalance': {
      doc = trialBalanceDoc(h, await trialBalance(s.index, await chartOf(s), q.asOf, branch));
      name = pdfFileName('trial-balance', q.asOf, scope);
      break;
    }
    case 'profitAndLoss': {
      const { from, to, compareFrom, compareTo } = q;
      const pl = await profitAndLoss(s.index, await chartOf(s), {
        from,
        to,
        ...(compareFrom && compareTo ? { compareFrom, compareTo } : {}),
        branch,
      });
      doc = profitAndLossDoc(h, pl);
      name = pdfFileName('profit-and-loss', from, 'to', to, scope);
      break;
    }
    case 'balanceSheet': {
      const { fiscalYearStartMonth } = await s.company();
      const bs = await balanceSheet(s.index, await chartOf(s), {
        asOf: q.asOf,
        ...(q.compareAsOf ? { compareAsOf: q.compareAsOf } : {}),
        branch,
        fiscalYearStartMonth,
      });
      doc = balanceSheetDoc(h, bs);
      name = pdfFileName('balance-sheet', q.asOf, scope);
      break;
    }
    case 'generalLedger': {
      const account = (await chartOf(s)).find((a) => a.code === q.account);
      if (!account) throw new OutpostError('not-found', `There is no account ${q.account}.`);
      const range = { from: q.from, to: q.to, branch };
      const count = await generalLedger(s.index, account, { ...range, limit: 1 });
      if (count.total > MAX_LEDGER_PDF_LINES)
        throw new OutpostError(
          'validation',
          `Account ${account.code} has ${count.total.toLocaleString(h.f.locale)} lines in this period; a PDF holds at most ${MAX_LEDGER_PDF_LINES.toLocaleString(h.f.locale)}. Choose a shorter period, or use Export CSV.`,
        );
      // Every line of the period: the count comes from the aggregates, then one read.
      const gl = await generalLedger(s.index, account, {
        ...range,
        limit: Math.max(count.total, 1),
      });
      doc = generalLedgerDoc(h, await withPaymentHeads(s.index, gl), await partyNames(s));
      name = pdfFileName('ledger', account.code, q.from, 'to', q.to, scope);
      break;
    }
    case 'taxSummary': {
      const tax = await taxSummary(s.index, await chartOf(s), { from: q.from, to: q.to, branch });
      doc = taxSummaryDoc(h, tax);
      name = pdfFileName('tax-summary', q.from, 'to', q.to, scope);
      break;
    }
    case 'aged': {
      const rows = await agedReport(s.index, { side: q.side, asOf: q.asOf, branch });
      doc = agedDoc(h, q.side, q.asOf, rows, await partyNames(s));
      name = pdfFileName(q.side === 'sales' ? 'aged-receivables' : 'aged-payables', scope, q.asOf);
      break;
    }
  }
  return { fileName: name, bytes: await renderPdf(withPaper(doc, q)) };
}
