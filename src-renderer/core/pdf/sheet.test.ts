import { describe, expect, it } from 'vitest';
import type { PdfBlock } from './document';
import { SHEET_LAYOUTS, sheetDefinition, type SheetLayout } from './sheet';

const MM = 72 / 25.4;

/** Each label node's page (counting page breaks) and top-left corner, in points. */
function placements(content: Record<string, unknown>[]) {
  let page = 1;
  const out: { page: number; x: number; y: number }[] = [];
  for (const node of content) {
    if (node.pageBreak === 'before') page++;
    const at = node.absolutePosition as { x: number; y: number } | undefined;
    if (at) out.push({ page, x: Math.round(at.x * 10) / 10, y: Math.round(at.y * 10) / 10 });
  }
  return out;
}

const label = (n: number): PdfBlock[] => [{ kind: 'text', text: `Label ${n}` }];

describe('label sheets (core/pdf/sheet.ts)', () => {
  it('describes paper the way the label makers publish it: the labels fill the page exactly', () => {
    const fits = (l: SheetLayout, width: number, height: number) => {
      const across = 2 * l.left + l.columns * l.labelWidth + (l.columns - 1) * l.gapX;
      const down = 2 * l.top + l.rows * l.labelHeight + (l.rows - 1) * l.gapY;
      expect(across).toBeCloseTo(width, 1);
      expect(down).toBeCloseTo(height, 1);
    };
    fits(SHEET_LAYOUTS['a4-3x8'], 210 * MM, 297 * MM);
    fits(SHEET_LAYOUTS['letter-5160'], 8.5 * 72, 11 * 72);
  });

  it('places labels left to right, then down, after the used ones, and starts a new page when full', () => {
    const layout = SHEET_LAYOUTS['letter-5160'];
    const def = sheetDefinition({
      title: 'Labels',
      author: 'Outpost Demo Inc.',
      layout,
      labels: Array.from({ length: 33 }, (_, i) => label(i)),
      skip: 28,
    });
    expect(def.pageSize).toBe('LETTER');
    expect(def.pageMargins).toEqual([0, 0, 0, 0]);
    const at = placements(def.content as Record<string, unknown>[]);
    expect(at).toHaveLength(33);
    const pad = layout.padding;
    const col = (c: number) =>
      Math.round((layout.left + c * (layout.labelWidth + layout.gapX) + pad) * 10) / 10;
    const row = (r: number) => Math.round((layout.top + r * layout.labelHeight + pad) * 10) / 10;
    // Places 29 and 30 of the first sheet (row 10, columns 2 and 3), then a new sheet from its top-left.
    expect(at[0]).toEqual({ page: 1, x: col(1), y: row(9) });
    expect(at[1]).toEqual({ page: 1, x: col(2), y: row(9) });
    expect(at[2]).toEqual({ page: 2, x: col(0), y: row(0) });
    expect(at[31]).toEqual({ page: 2, x: col(2), y: row(9) });
    expect(at[32]).toEqual({ page: 3, x: col(0), y: row(0) });
  });
});
