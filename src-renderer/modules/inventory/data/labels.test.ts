import { describe, expect, it } from 'vitest';
import { OutpostError } from '../../../core/errors';
import type { PdfBlock, PdfSvg } from '../../../core/pdf/document';
import { pdfPages } from '../../../core/pdf/testing/pdf-text';
import { barcodeSvg, buildLabelSheet, labelSheetPdf, type LabelRequest } from './labels';
import { decodeCode128, decodeEan, svgModules } from './testing/bars';

const coffee = {
  name: 'Kaffee Crema ganze Bohne 1 kg',
  sku: 'KAF-1000',
  barcode: '4006381333931',
  price: { minor: 1499, currency: 'EUR' },
};
const mug = {
  name: 'Becher Steinzeug 0,3 l',
  sku: 'BEC-0300',
  price: { minor: 650, currency: 'EUR' },
};
const cable = {
  name: 'USB-C charging cable, braided, 2 m, with a name far too long for any label on the shelf',
  sku: 'CAB-USBC-2M',
  barcode: '036000291452',
  price: { minor: 1299, currency: 'USD' },
};

const svgOf = (blocks: PdfBlock[]): PdfSvg => blocks.find((b): b is PdfSvg => b.kind === 'svg')!;

async function refusal(p: Promise<unknown>): Promise<string> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(OutpostError);
  return (e as OutpostError).message;
}

describe('barcode bars (bwip-js), read back by the published tables', () => {
  it('draws the GS1 example EAN-13 with its quiet zones', async () => {
    const { modules, quietLeft, quietRight } = svgModules(
      await barcodeSvg('4006381333931', 'ean13'),
    );
    expect(decodeEan(modules)).toBe('4006381333931');
    expect(quietLeft).toBeGreaterThanOrEqual(11);
    expect(quietRight).toBeGreaterThanOrEqual(7);
  });

  it('draws an EAN-8, a UPC-A (as the EAN-13 with a leading 0) and Code 128 with digits and letters', async () => {
    expect(decodeEan(svgModules(await barcodeSvg('96385074', 'ean8')).modules)).toBe('96385074');
    expect(decodeEan(svgModules(await barcodeSvg('036000291452', 'upca')).modules)).toBe(
      '0036000291452',
    );
    for (const text of ['KAF-1000', 'CAB-USBC-2M', '20250042', 'Lot 7/b']) {
      const { modules, quietLeft } = svgModules(await barcodeSvg(text, 'code128'));
      expect(decodeCode128(modules)).toBe(text);
      expect(quietLeft).toBeGreaterThanOrEqual(10);
    }
  });
});

describe('label sheets', () => {
  it("prints each item's name, SKU, price and code as many times as asked, page after page", async () => {
    const requests: LabelRequest[] = [
      { item: coffee, copies: 20 },
      { item: mug, copies: 6 },
    ];
    const file = await labelSheetPdf(requests, {
      layout: 'a4-3x8',
      company: 'Müller & Sohn GmbH',
      locale: 'de-DE',
      date: '2026-12-02',
    });
    expect(file.fileName).toBe('muller-sohn-gmbh-labels-2026-12-02.pdf');
    const pages = await pdfPages(file.bytes);
    expect(pages).toHaveLength(2); // 26 labels, 24 to an A4 sheet
    const all = pages.join('\n');
    expect(all.match(/Kaffee Crema ganze Bohne 1 kg/g)).toHaveLength(20);
    expect(all.match(/KAF-1000 14,99 €/g)).toHaveLength(20);
    expect(all.match(/4006381333931/g)).toHaveLength(20);
    expect(all.match(/BEC-0300 6,50 €/g)).toHaveLength(6); // no barcode: its SKU is printed
    expect(pages[1]!.match(/Becher Steinzeug/g)).toHaveLength(2);
  });

  it('fits Avery 5160 on Letter, cuts a long name and starts after labels already used', async () => {
    const sheet = await buildLabelSheet([{ item: cable, copies: 2 }], {
      layout: 'letter-5160',
      company: 'Outpost Demo Inc.',
      locale: 'en-US',
      skip: 29,
    });
    expect(sheet.layout.pageSize).toBe('LETTER');
    const [first] = sheet.labels;
    const svg = svgOf(first!);
    expect(decodeEan(svgModules(svg.svg).modules)).toBe('0036000291452');
    expect(svg.width).toBeLessThanOrEqual(sheet.layout.labelWidth - 2 * sheet.layout.padding);
    const pages = await pdfPages(
      (
        await labelSheetPdf([{ item: cable, copies: 2 }], {
          layout: 'letter-5160',
          company: 'Outpost Demo Inc.',
          locale: 'en-US',
          skip: 29,
          date: '2026-12-02',
        })
      ).bytes,
    );
    expect(pages).toHaveLength(2); // the 30th place of the first sheet, then a new sheet
    expect(pages[0]).toContain('CAB-USBC-2M $12.99');
    expect(pages[0]).toContain('…');
    expect(pages[0]).not.toContain('on the shelf');
  });

  it('refuses bad requests with what to do, and makes nothing', async () => {
    const options = { layout: 'a4-3x8' as const, company: 'Outpost Demo Ltd' };
    expect(await refusal(buildLabelSheet([], options))).toBe(
      'Choose at least one item to print labels for.',
    );
    expect(await refusal(buildLabelSheet([{ item: mug, copies: 0 }], options))).toBe(
      'Enter a whole number of labels from 1 to 1000 for BEC-0300 Becher Steinzeug 0,3 l.',
    );
    expect(
      await refusal(
        buildLabelSheet([{ item: { ...coffee, barcode: '4006381333932' }, copies: 1 }], options),
      ),
    ).toBe(
      'KAF-1000 Kaffee Crema ganze Bohne 1 kg: 4006381333932 is not a valid EAN-13: its last digit should be 1. Check the number on the pack, or print it as Code 128 if it is your own code.',
    );
    expect(
      await refusal(
        buildLabelSheet(
          [{ item: { ...mug, barcode: 'BECHER-STEINZEUG-0300-BLAU-3' }, copies: 1 }],
          options,
        ),
      ),
    ).toMatch(/too long to scan on a A4, 3 × 8 labels \(63\.5 × 33\.9 mm\) label/);
    expect(
      await refusal(buildLabelSheet([{ item: mug, copies: 1 }], { ...options, skip: 24 })),
    ).toBe('Labels already used on the first sheet must be a whole number from 0 to 23.');
    expect(
      await refusal(
        buildLabelSheet(
          Array.from({ length: 6 }, () => ({ item: mug, copies: 1000 })),
          options,
        ),
      ),
    ).toBe(
      'That is 6,000 labels; one print can hold at most 5000. Print the items in smaller groups.',
    );
  });
});
