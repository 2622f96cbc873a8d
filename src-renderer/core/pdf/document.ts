/**
 * The platform's printable document: what a report, an invoice or (later) a payslip says, with
 * no knowledge of how a PDF is drawn. `layout.ts` turns it into the PDF library's definition and
 * `render.ts` into bytes, in the worker or in Node; modules build these from their own data.
 */

export type PageSize = 'A4' | 'LETTER';
export type Align = 'left' | 'right' | 'center';

export interface PdfColumn {
  header: string;
  /** Amounts are right-aligned so their decimals line up. */
  align?: Align;
  /** 'auto' fits the content, '*' shares what is left, a number is points (72 per inch). */
  width?: 'auto' | '*' | number;
}

/** section: a heading row inside a table; total: a bold row with a rule above it. */
export type PdfRowStyle = 'normal' | 'section' | 'total';

export interface PdfRow {
  cells: string[];
  style?: PdfRowStyle;
}

export interface PdfTable {
  kind: 'table';
  title?: string;
  columns: PdfColumn[];
  rows: PdfRow[];
  /** Shown instead of an empty table. */
  emptyText?: string;
}

export interface PdfText {
  kind: 'text';
  text: string;
  style?: 'normal' | 'muted' | 'strong' | 'heading';
  align?: Align;
}

/** Label and value pairs side by side (an invoice's number, dates, amount due). */
export interface PdfFields {
  kind: 'fields';
  pairs: [label: string, value: string][];
  align?: Align;
}

/** Blocks placed next to each other (the seller's and the customer's addresses). */
export interface PdfColumns {
  kind: 'columns';
  columns: PdfBlock[][];
  /** No space below and a narrow gap: a line of a small label rather than a page's section. */
  tight?: boolean;
}

/**
 * A drawing given as SVG markup (a barcode, a logo), drawn as vectors at `width` × `height`
 * points: it stays sharp at any printer's resolution, which a scanner needs of a barcode.
 */
export interface PdfSvg {
  kind: 'svg';
  svg: string;
  width: number;
  height: number;
  align?: Align;
}

export type PdfBlock = PdfTable | PdfText | PdfFields | PdfColumns | PdfSvg;

export interface PdfDocument {
  /** The document's name: "Trial balance", "Invoice NYC-A-INV-000042". */
  title: string;
  company: string;
  /** Branch name, or the whole company ("All branches (consolidated)"). */
  branch?: string;
  /** "1 Jan 2025 to 31 Dec 2025", "As of 31 Dec 2025". */
  period?: string;
  /** Extra lines under the heading ("Amounts in EUR"). */
  notes?: string[];
  pageSize?: PageSize;
  /** Wide tables (a ledger with many columns) read better across the page. */
  orientation?: 'portrait' | 'landscape';
  blocks: PdfBlock[];
}

/** A PDF made on request, as the RPC sends it to the UI thread. */
export interface PdfFile {
  fileName: string;
  bytes: Uint8Array;
}

// Regions that use US Letter rather than A4 (ISO 216 is everywhere else).
const LETTER_REGIONS = new Set(['US', 'CA', 'MX', 'PH', 'CL', 'CO', 'VE', 'CR', 'GT', 'PR', 'DO']);

/** Letter where the locale's region uses it, A4 elsewhere (and when the locale is unknown). */
export function pageSizeFor(locale: string | undefined): PageSize {
  if (!locale) return 'A4';
  try {
    const region = new Intl.Locale(locale).maximize().region;
    return region && LETTER_REGIONS.has(region) ? 'LETTER' : 'A4';
  } catch {
    return 'A4';
  }
}

/** A name that is safe as a download on every system ("trial-balance-2025-12-31.pdf"). */
export function pdfFileName(...parts: (string | null | undefined)[]): string {
  const base = parts
    .filter((p): p is string => !!p && p.trim() !== '')
    .join('-')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\w.-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase();
  return `${base || 'document'}.pdf`;
}
