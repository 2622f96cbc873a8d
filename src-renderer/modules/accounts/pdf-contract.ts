import type { PageSize, PdfFile } from '../../core/pdf/document';
import type { Contract } from '../../core/rpc/define';
import { mutation } from '../../core/rpc/define';

export type { PdfFile };

/** How a PDF is written: the reader's locale for money and dates, and the paper. */
export interface PdfOptions {
  /** BCP 47 ("en-US", "de-DE"); the worker's own when absent. */
  locale?: string;
  /** Letter or A4; from the locale's region when absent. */
  pageSize?: PageSize;
}

type Scope = { branch?: string | null };

/** Which report, with the same parameters as its query. */
export type ReportPdfRequest = PdfOptions &
  Scope &
  (
    | { report: 'trialBalance'; asOf: string }
    | {
        report: 'profitAndLoss';
        from: string;
        to: string;
        compareFrom?: string;
        compareTo?: string;
      }
    | { report: 'balanceSheet'; asOf: string; compareAsOf?: string }
    | { report: 'generalLedger'; account: string; from: string; to: string }
    | { report: 'taxSummary'; from: string; to: string }
    | { report: 'aged'; side: 'sales' | 'purchase'; asOf: string }
  );

export type ReportKind = ReportPdfRequest['report'];

/**
 * PDFs are made in the worker from the same data as the screens (a general ledger PDF has every
 * line of the period, not the page on screen). Files made on request, never cached: mutations
 * that write nothing.
 */
export const pdfContract = {
  'accounts.reportPdf': mutation<ReportPdfRequest, PdfFile>()({ writes: [] }),
  /** An issued invoice or credit note (or bill) laid out for the customer. */
  'accounts.tradeDocPdf': mutation<PdfOptions & { id: string }, PdfFile>()({ writes: [] }),
  /** Many documents in one call, one PDF each (a batch to send or print). */
  'accounts.tradeDocPdfs': mutation<PdfOptions & { ids: string[] }, PdfFile[]>()({ writes: [] }),
} satisfies Contract;
