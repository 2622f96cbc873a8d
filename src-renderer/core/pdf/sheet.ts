import type { PageSize, PdfBlock } from './document';
import { block, type Definition } from './layout';

/**
 * Sheets of sticky labels (price and barcode labels, shelf tags): every label is a fixed box at
 * the place the label stock's die cut puts it, so nothing flows and there is no heading or page
 * footer. A caller fills the boxes with ordinary blocks (text, svg); names no module.
 */

const MM = 72 / 25.4;
const INCH = 72;

/** Where the labels sit on a page, in points (72 per inch), as the label maker publishes it. */
export interface SheetLayout {
  /** Shown to the clerk: "A4, 3 × 8 (63.5 × 33.9 mm)". */
  name: string;
  pageSize: PageSize;
  columns: number;
  rows: number;
  labelWidth: number;
  labelHeight: number;
  /** The first label's top-left corner from the page's top-left corner. */
  left: number;
  top: number;
  /** Between two labels side by side / one above the other. */
  gapX: number;
  gapY: number;
  /** Kept clear inside each label: the die cut is never exact. */
  padding: number;
}

export const SHEET_LAYOUTS = {
  // 24 labels of 63.5 × 33.9 mm on A4 (the Avery L7159 / J8159 cut): 7.25 + 3 × 63.5 + 2 × 2.5 +
  // 7.25 = 210 mm across, 12.9 + 8 × 33.9 + 12.9 = 297 mm down.
  'a4-3x8': {
    name: 'A4, 3 × 8 labels (63.5 × 33.9 mm)',
    pageSize: 'A4',
    columns: 3,
    rows: 8,
    labelWidth: 63.5 * MM,
    labelHeight: 33.9 * MM,
    left: 7.25 * MM,
    top: 12.9 * MM,
    gapX: 2.5 * MM,
    gapY: 0,
    padding: 2.5 * MM,
  },
  // Avery 5160 on US Letter: 30 labels of 2⅝ × 1 in, 3⁄16 in side margins, ⅛ in between
  // columns, ½ in top margin.
  'letter-5160': {
    name: 'Letter, 3 × 10 labels (2⅝ × 1 in, Avery 5160)',
    pageSize: 'LETTER',
    columns: 3,
    rows: 10,
    labelWidth: 2.625 * INCH,
    labelHeight: 1 * INCH,
    left: 0.1875 * INCH,
    top: 0.5 * INCH,
    gapX: 0.125 * INCH,
    gapY: 0,
    padding: 0.06 * INCH,
  },
} as const satisfies Record<string, SheetLayout>;

export type SheetLayoutId = keyof typeof SHEET_LAYOUTS;

export interface PdfLabelSheet {
  /** The file's title ("Labels — 3 items"). */
  title: string;
  author: string;
  layout: SheetLayout;
  /** One entry per label, in reading order (left to right, then down, page after page). */
  labels: PdfBlock[][];
  /** Labels already peeled off a part-used first sheet: printing starts after them. */
  skip?: number;
}

/** The inside of a label: its width less the padding on both sides. */
export function labelContentWidth(layout: SheetLayout): number {
  return layout.labelWidth - 2 * layout.padding;
}

export function sheetDefinition(sheet: PdfLabelSheet): Definition {
  const { layout } = sheet;
  const perPage = layout.columns * layout.rows;
  const skip = Math.max(0, Math.floor(sheet.skip ?? 0)) % perPage;
  const content: Record<string, unknown>[] = [];
  sheet.labels.forEach((blocks, i) => {
    const slot = (i + skip) % perPage;
    // Each new page is started by an empty node that breaks before it; the labels themselves are
    // placed absolutely and take no room in the flow.
    if (slot === 0 && i > 0) content.push({ text: '', pageBreak: 'before' });
    const col = slot % layout.columns;
    const row = Math.floor(slot / layout.columns);
    content.push({
      absolutePosition: {
        x: layout.left + col * (layout.labelWidth + layout.gapX) + layout.padding,
        y: layout.top + row * (layout.labelHeight + layout.gapY) + layout.padding,
      },
      columns: [{ width: labelContentWidth(layout), stack: blocks.map(block) }],
    });
  });
  return {
    pageSize: layout.pageSize,
    pageOrientation: 'portrait',
    pageMargins: [0, 0, 0, 0],
    info: { title: sheet.title, author: sheet.author, creator: 'Outpost', producer: 'Outpost' },
    defaultStyle: { font: 'Roboto', fontSize: 8, lineHeight: 1.1 },
    styles: { muted: { color: '#555555' }, strong: { bold: true }, heading: { bold: true } },
    content,
  };
}
