import type { Align, PdfBlock, PdfDocument, PdfRow, PdfTable } from './document';

/**
 * The PDF library's document definition for one of our documents. Plain data (pdfmake's
 * declarative format), so it is built and tested without loading the library.
 */
export type Definition = Record<string, unknown>;
type Node = Record<string, unknown> | string;

const MARGIN_X = 40;
const GREY = '#555555';
const SECTION_FILL = '#f1f3f5';
const HEADER_FILL = '#e9ecef';

interface LayoutNode {
  table: { body: unknown[][]; headerRows?: number };
}

export function docDefinition(doc: PdfDocument): Definition {
  const identity = [doc.company, doc.branch].filter(Boolean).join(' · ');
  return {
    pageSize: doc.pageSize ?? 'A4',
    pageOrientation: doc.orientation ?? 'portrait',
    pageMargins: [MARGIN_X, 54, MARGIN_X, 48],
    info: { title: doc.title, author: doc.company, creator: 'Outpost', producer: 'Outpost' },
    defaultStyle: { font: 'Roboto', fontSize: 9, lineHeight: 1.15 },
    styles: {
      title: { fontSize: 16, bold: true },
      company: { fontSize: 11, bold: true },
      heading: { fontSize: 11, bold: true, margin: [0, 10, 0, 4] },
      muted: { color: GREY },
      strong: { bold: true },
      tableHeader: { bold: true, fillColor: HEADER_FILL },
    },
    // Every page after the first says what it belongs to: a loose page of a 40-page ledger
    // must still name the company, the report and the period.
    header: (page: number): Node | null =>
      page === 1
        ? null
        : {
            text: [doc.company, doc.title, doc.period].filter(Boolean).join(' · '),
            style: 'muted',
            fontSize: 8,
            margin: [MARGIN_X, 24, MARGIN_X, 0],
          },
    footer: (page: number, pages: number): Node => ({
      columns: [
        { text: identity, style: 'muted' },
        { text: `Page ${page} of ${pages}`, alignment: 'right', style: 'muted' },
      ],
      fontSize: 8,
      margin: [MARGIN_X, 16, MARGIN_X, 0],
    }),
    content: [...heading(doc), ...doc.blocks.map(block)],
  };
}

function heading(doc: PdfDocument): Node[] {
  const lines: Node[] = [
    { text: doc.company, style: 'company' },
    { text: doc.title, style: 'title', margin: [0, 2, 0, 2] },
  ];
  const sub = [doc.branch, doc.period].filter(Boolean).join(' · ');
  if (sub) lines.push({ text: sub, style: 'muted' });
  for (const note of doc.notes ?? []) lines.push({ text: note, style: 'muted' });
  lines.push({ text: '', margin: [0, 0, 0, 8] });
  return lines;
}

/** One block's pdfmake node (label sheets place the same blocks in their own cells). */
export function block(b: PdfBlock): Node {
  switch (b.kind) {
    case 'svg':
      return {
        svg: b.svg,
        width: b.width,
        height: b.height,
        alignment: b.align ?? 'left',
        margin: [0, 1, 0, 1],
      };
    case 'text':
      return {
        text: b.text,
        style: b.style && b.style !== 'normal' ? b.style : undefined,
        alignment: b.align ?? 'left',
        margin: [0, 0, 0, 2],
      };
    case 'fields':
      return {
        layout: 'noBorders',
        table: {
          widths: ['auto', 'auto'],
          body: b.pairs.map(([label, value]) => [
            { text: label, style: 'muted' },
            { text: value, bold: true, alignment: b.align ?? 'left' },
          ]),
        },
        margin: [0, 0, 0, 6],
      };
    case 'columns':
      return {
        columns: b.columns.map((stack) => ({ width: '*', stack: stack.map(block) })),
        columnGap: b.tight ? 4 : 24,
        margin: [0, 0, 0, b.tight ? 0 : 10],
      };
    case 'table':
      return table(b);
  }
}

function table(t: PdfTable): Node {
  const parts: Node[] = [];
  if (t.title) parts.push({ text: t.title, style: 'heading' });
  if (t.rows.length === 0 && t.emptyText) {
    parts.push({ text: t.emptyText, style: 'muted' });
    return { stack: parts };
  }
  const n = t.columns.length;
  const align = (i: number): Align => t.columns[i]?.align ?? 'left';
  const head = t.columns.map((c, i) => ({
    text: c.header,
    style: 'tableHeader',
    alignment: align(i),
  }));
  const body = t.rows.map((r) => row(r, n, align));
  // A rule under the header and above each total; nothing between ordinary rows.
  const ruleAbove = new Set<number>();
  t.rows.forEach((r, i) => {
    if (r.style === 'total') ruleAbove.add(i + 1);
  });
  parts.push({
    table: {
      // Repeated at the top of every page the table runs onto.
      headerRows: 1,
      dontBreakRows: true,
      widths: widths(t),
      body: [head, ...body],
    },
    layout: {
      hLineWidth: (i: number, node: LayoutNode) =>
        i === 1 ? 0.8 : ruleAbove.has(i) || i === node.table.body.length ? 0.5 : 0,
      vLineWidth: () => 0,
      hLineColor: () => '#868e96',
      paddingTop: () => 2,
      paddingBottom: () => 2,
      paddingLeft: () => 4,
      paddingRight: () => 4,
    },
    margin: [0, 0, 0, 10],
  });
  return { stack: parts };
}

/** Columns fit their content; one text column (the last left-aligned one, unless one is marked '*') takes the rest of the line. */
function widths(t: PdfTable): (string | number)[] {
  const out: (string | number)[] = t.columns.map((c) => c.width ?? 'auto');
  if (!out.includes('*')) {
    const last = t.columns.findLastIndex((c) => !c.width && (c.align ?? 'left') === 'left');
    if (last >= 0) out[last] = '*';
  }
  return out;
}

function row(r: PdfRow, n: number, align: (i: number) => Align): Node[] {
  const cells = Array.from({ length: n }, (_, i) => r.cells[i] ?? '');
  if (r.style === 'section') {
    // A section heading spans the row, as on screen.
    return cells.map((text, i) =>
      i === 0
        ? {
            text: r.cells.filter(Boolean).join(' '),
            bold: true,
            fillColor: SECTION_FILL,
            colSpan: n,
          }
        : '',
    );
  }
  return cells.map((text, i) => ({
    text,
    alignment: align(i),
    // An amount is never split over two lines.
    noWrap: align(i) === 'right' ? true : undefined,
    bold: r.style === 'total' ? true : undefined,
  }));
}
