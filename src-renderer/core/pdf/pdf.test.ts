import { describe, expect, it } from 'vitest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { pageSizeFor, pdfFileName, type PdfDocument } from './document';
import { renderPdf, renderPdfs } from './render';
import { pdfPages } from './testing/pdf-text';

const customers = [
  'Zoë Ångström',
  'Łukasz Żółć',
  'Ngô Bảo Châu',
  'Дмитрий Иванов',
  'Σοφία Παπαδοπούλου',
];

function ledger(lines: number): PdfDocument {
  return {
    title: 'General ledger — 1100 Receivables',
    company: 'Müller & Søn GmbH',
    branch: 'MUC — München',
    period: '2025-01-01 to 2025-12-31',
    notes: ['Amounts in EUR'],
    blocks: [
      {
        kind: 'table',
        columns: [
          { header: 'Date' },
          { header: 'Number' },
          { header: 'Memo', width: '*' },
          { header: 'Debit', align: 'right' },
          { header: 'Balance', align: 'right' },
        ],
        rows: [
          ...Array.from({ length: lines }, (_, i) => ({
            cells: [
              `2025-${String((i % 12) + 1).padStart(2, '0')}-15`,
              `MUC-A-INV-${String(i + 1).padStart(6, '0')}`,
              `Invoice to ${customers[i % customers.length]}`,
              '1.234,50 €',
              `${(i + 1) * 1234},50 €`,
            ],
          })),
          { cells: ['', '', 'Closing balance', '', '370.350,00 €'], style: 'total' as const },
        ],
      },
    ],
  };
}

describe('PDF documents (core/pdf)', () => {
  it('numbers every page, repeats the table header and says whose report it is', async () => {
    const pages = await pdfPages(await renderPdf(ledger(300)));
    expect(pages.length).toBeGreaterThanOrEqual(3);
    pages.forEach((text, i) => {
      expect(text).toContain(`Page ${i + 1} of ${pages.length}`);
      expect(text).toMatch(/Date Number Memo Debit Balance/);
      expect(text).toContain('Müller & Søn GmbH');
    });
    expect(pages[0]).toContain('General ledger — 1100 Receivables');
    expect(pages[0]).toContain('MUC — München · 2025-01-01 to 2025-12-31');
    expect(pages[0]).toContain('Amounts in EUR');
    // Later pages name the report and period in their header.
    expect(pages[1]).toContain('General ledger — 1100 Receivables · 2025-01-01 to 2025-12-31');
    expect(pages.at(-1)).toContain('Closing balance 370.350,00 €');
    expect(pages.join('\n')).toContain('MUC-A-INV-000300');
  });

  it('embeds a font that writes accented and non-Latin names and currency symbols', async () => {
    const doc: PdfDocument = {
      title: 'Invoice',
      company: 'Outpost Demo Ltd',
      blocks: [
        { kind: 'text', text: customers.join(' / ') },
        { kind: 'text', text: '€ 12,00 · £ 9.99 · ₹ 1,23,456.00 · ¥ 1,200 · ₩ 5,000' },
      ],
    };
    const [text] = await pdfPages(await renderPdf(doc));
    for (const name of customers) expect(text).toContain(name);
    expect(text).toContain('€ 12,00 · £ 9.99 · ₹ 1,23,456.00 · ¥ 1,200 · ₩ 5,000');
  });

  it('uses Letter where the locale does and A4 elsewhere', async () => {
    expect(pageSizeFor('en-US')).toBe('LETTER');
    expect(pageSizeFor('es-MX')).toBe('LETTER');
    expect(pageSizeFor('en-GB')).toBe('A4');
    expect(pageSizeFor('de')).toBe('A4');
    expect(pageSizeFor('not a locale')).toBe('A4');
    expect(pageSizeFor(undefined)).toBe('A4');
    const size = async (pageSize: 'A4' | 'LETTER') => {
      const bytes = await renderPdf({ title: 't', company: 'c', pageSize, blocks: [] });
      const pdf = await getDocument({ data: bytes.slice() }).promise;
      const view = (await pdf.getPage(1)).view.map(Math.round);
      await pdf.destroy();
      return view;
    };
    expect(await size('LETTER')).toEqual([0, 0, 612, 792]);
    expect(await size('A4')).toEqual([0, 0, 595, 842]);
  });

  it('makes many documents in one call, each its own PDF', async () => {
    const docs = customers.map((c, i) => ({
      title: `Payslip ${i + 1}`,
      company: 'Outpost Demo Ltd',
      blocks: [{ kind: 'text' as const, text: c }],
    }));
    const files = await renderPdfs(docs);
    expect(files).toHaveLength(customers.length);
    for (const [i, bytes] of files.entries()) {
      expect(new TextDecoder().decode(bytes.subarray(0, 5))).toBe('%PDF-');
      const [text] = await pdfPages(bytes);
      expect(text).toContain(`Payslip ${i + 1}`);
      expect(text).toContain(customers[i]);
    }
  });

  it('names files safely', () => {
    expect(pdfFileName('Trial balance', '2025-12-31', 'MÜN')).toBe(
      'trial-balance-2025-12-31-mun.pdf',
    );
    expect(pdfFileName('invoice', 'NYC-A-INV-000042')).toBe('invoice-nyc-a-inv-000042.pdf');
    expect(pdfFileName('', null)).toBe('document.pdf');
  });
});
