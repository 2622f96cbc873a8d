import type * as BwipJs from 'bwip-js/generic';
import { OutpostError } from '../../../core/errors';
import { countOf, formatMoney } from '../../../core/format';
import { pdfFileName, type PdfBlock, type PdfFile } from '../../../core/pdf/document';
import { renderLabelSheet } from '../../../core/pdf/render';
import {
  SHEET_LAYOUTS,
  labelContentWidth,
  type PdfLabelSheet,
  type SheetLayout,
  type SheetLayoutId,
} from '../../../core/pdf/sheet';
import { BARCODE_WORDS, checkBarcode, printableKind, type BarcodeKind } from '../domain/barcode';

/**
 * Price and barcode labels for items, on sheets of sticky labels. Built from plain item data the
 * caller has read (name, SKU, price, barcode), so the same code serves a goods receipt ("labels
 * for what came in") and the item list ("labels for these items").
 */

/** What a label prints of an item. */
export interface LabelItem {
  name: string;
  sku: string;
  /** The item's barcode; without one the SKU is printed as Code 128. */
  barcode?: string | null;
  price?: { minor: number; currency: string } | null;
}

export interface LabelRequest {
  item: LabelItem;
  copies: number;
}

export interface LabelOptions {
  layout: SheetLayoutId;
  company: string;
  /** Writes the price the clerk's way ("$4.99", "4,99 €"). */
  locale?: string;
  /** Labels already used on the first sheet. */
  skip?: number;
}

export const MAX_COPIES = 1000;
export const MAX_LABELS = 5000;
// Narrowest bar a shop's hand scanner reads off a thermal or laser print (about 0.2 mm): a
// longer code squeezed into a label's width below this would print but never scan.
const MIN_MODULE = 0.55;
// EAN and UPC at 100 % are 0.33 mm a bar; labels print them at about 80 %, still in the spec.
const MAX_MODULE = 0.8;
const FONT_SIZE = 8;
// A line of Roboto at the sheet's line height (1.1), ascenders to descenders, plus a margin.
const LINE = FONT_SIZE * 1.1 * 1.2 + 2;

type Bwip = Pick<typeof BwipJs, 'ean13' | 'ean8' | 'upca' | 'code128' | 'drawingSVG'>;
let library: Promise<Bwip> | null = null;

/**
 * bwip-js is loaded on the first sheet only. Taking the four symbologies by name lets the
 * bundler leave out the library's other hundred (QR, DataMatrix, postal codes…).
 */
function loadBwip(): Promise<Bwip> {
  library ??= import('bwip-js/generic')
    .then(({ ean13, ean8, upca, code128, drawingSVG }) => ({
      ean13,
      ean8,
      upca,
      code128,
      drawingSVG,
    }))
    .catch((e: unknown) => {
      library = null;
      throw e;
    });
  return library;
}

/** The bars of one code as SVG, with the quiet zones a scanner needs on either side. */
export async function barcodeSvg(code: string, kind: BarcodeKind): Promise<string> {
  const bwip = await loadBwip();
  const draw = bwip.drawingSVG();
  const base = { text: code, scale: 1, height: 10, includetext: false };
  switch (kind) {
    case 'ean13':
      return bwip.ean13({ ...base, bcid: 'ean13', paddingleft: 11, paddingright: 7 }, draw);
    case 'ean8':
      return bwip.ean8({ ...base, bcid: 'ean8', paddingleft: 7, paddingright: 7 }, draw);
    case 'upca':
      return bwip.upca({ ...base, bcid: 'upca', paddingleft: 9, paddingright: 9 }, draw);
    case 'code128':
      return bwip.code128({ ...base, bcid: 'code128', paddingwidth: 10 }, draw);
  }
}

/** The SVG's width in bar modules, from its viewBox. */
function modulesOf(svg: string): number {
  const m = /viewBox="0 0 ([\d.]+) [\d.]+"/.exec(svg);
  if (!m) throw new Error('bwip-js returned an SVG without a viewBox');
  return Number(m[1]);
}

/** A name cut to what fits on its lines of the label, so the barcode keeps its place. */
function fitName(name: string, width: number, lines: number): string {
  // Roboto's widest common letters are about 0.6 em; a cut a little early beats an extra line.
  const limit = Math.floor((lines * width) / (FONT_SIZE * 0.6));
  const text = name.trim().replace(/\s+/g, ' ');
  return text.length <= limit ? text : `${text.slice(0, limit - 1).trimEnd()}…`;
}

function refuse(message: string): never {
  throw new OutpostError('validation', message);
}

function check(requests: readonly LabelRequest[], options: LabelOptions): SheetLayout {
  const layout: SheetLayout | undefined = SHEET_LAYOUTS[options.layout];
  if (!layout)
    refuse(`There is no label sheet "${options.layout}". Choose one of the sheets offered.`);
  if (requests.length === 0) refuse('Choose at least one item to print labels for.');
  for (const { item, copies } of requests) {
    if (!Number.isInteger(copies) || copies < 1 || copies > MAX_COPIES) {
      refuse(
        `Enter a whole number of labels from 1 to ${MAX_COPIES} for ${item.sku} ${item.name}.`,
      );
    }
  }
  const total = requests.reduce((n, r) => n + r.copies, 0);
  if (total > MAX_LABELS) {
    refuse(
      `That is ${countOf(total, 'label', 'labels', options.locale)}; one print can hold at most ${MAX_LABELS}. Print the items in smaller groups.`,
    );
  }
  const perPage = layout.columns * layout.rows;
  const skip = options.skip ?? 0;
  if (!Number.isInteger(skip) || skip < 0 || skip >= perPage) {
    refuse(
      `Labels already used on the first sheet must be a whole number from 0 to ${perPage - 1}.`,
    );
  }
  return layout;
}

/** The code printed for an item, checked: its barcode, else its SKU. */
function codeOf(item: LabelItem): { code: string; kind: BarcodeKind } {
  const own = item.barcode?.trim();
  const code = own || item.sku.trim();
  const checked = checkBarcode(code, own ? undefined : 'code128');
  if (!checked.ok) refuse(`${item.sku} ${item.name}: ${checked.message}`);
  return { code: checked.code, kind: own ? printableKind(checked.code) : 'code128' };
}

/** The label sheet's document: every request's copies, in order, after `skip` used labels. */
export async function buildLabelSheet(
  requests: readonly LabelRequest[],
  options: LabelOptions,
): Promise<PdfLabelSheet> {
  const layout = check(requests, options);
  const width = labelContentWidth(layout);
  const inner = layout.labelHeight - 2 * layout.padding;
  // The name (two lines where the label is tall enough), SKU and price, the digits under the
  // bars; the bars get the rest.
  const nameLines = inner >= 80 ? 2 : 1;
  const barHeight = Math.min(40, inner - (nameLines + 2) * LINE - 4);
  const svgs = new Map<string, string>();
  const labels: PdfBlock[][] = [];
  for (const { item, copies } of requests) {
    const { code, kind } = codeOf(item);
    let svg = svgs.get(`${kind}:${code}`);
    if (!svg) {
      svg = await barcodeSvg(code, kind);
      svgs.set(`${kind}:${code}`, svg);
    }
    const modules = modulesOf(svg);
    if (width / modules < MIN_MODULE) {
      refuse(
        `${item.sku} ${item.name}: the ${BARCODE_WORDS[kind]} barcode "${code}" is too long to scan on a ${layout.name} label. Give the item a shorter barcode or choose larger labels.`,
      );
    }
    const price = item.price
      ? formatMoney(item.price.minor, item.price.currency, options.locale)
      : '';
    const label: PdfBlock[] = [
      { kind: 'text', text: fitName(item.name, width, nameLines), style: 'strong' },
      {
        kind: 'columns',
        tight: true,
        columns: [
          [{ kind: 'text', text: item.sku, style: 'muted' }],
          [{ kind: 'text', text: price, style: 'strong', align: 'right' }],
        ],
      },
      {
        kind: 'svg',
        svg,
        width: Math.min(width, modules * MAX_MODULE),
        height: barHeight,
        align: 'center',
      },
      { kind: 'text', text: code, align: 'center' },
    ];
    for (let n = 0; n < copies; n++) labels.push(label);
  }
  const items = countOf(requests.length, 'item', 'items', options.locale);
  return {
    title: `Labels — ${items}`,
    author: options.company,
    layout,
    labels,
    skip: options.skip ?? 0,
  };
}

/** The sheet as a PDF file, named for the company and the day it was printed. */
export async function labelSheetPdf(
  requests: readonly LabelRequest[],
  options: LabelOptions & { date: string },
): Promise<PdfFile> {
  const sheet = await buildLabelSheet(requests, options);
  return {
    fileName: pdfFileName(options.company, 'labels', options.date),
    bytes: await renderLabelSheet(sheet),
  };
}
