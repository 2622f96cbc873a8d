import { afterEach, describe, expect, it } from 'vitest';
import type { TestDevice } from '../../../core/testing/node-core';
import { pdfPages, pdfText } from '../../../core/pdf/testing/pdf-text';
import { delivery, inventoryCompany, receipt } from '../testing/setup';

/**
 * Label sheets and stock report PDFs made through the RPC from saved items and moves, read back
 * with pdf.js: what a clerk would see on the printed page.
 */
const devices: TestDevice[] = [];
afterEach(async () => {
  for (const d of devices.splice(0)) await d.close();
});

async function shop() {
  const c = await inventoryCompany('fifo');
  devices.push(c.d);
  const { d, main, back, beans } = c;
  const mugs = await d.call('inventory.saveItem', {
    fields: {
      sku: 'MUG-350',
      name: 'Stoneware mug 350 ml',
      group: 'Tableware',
      kind: 'stock',
      barcodes: [],
      baseUnit: 'pc',
      units: [],
      valuation: 'average',
    },
  });
  await d.call('inventory.saveStockMove', receipt(main, '2026-03-02', beans, '8', 1000, 'PO-101'));
  await d.call('inventory.saveStockMove', receipt(main, '2026-03-03', beans, '4', 1600, 'PO-102'));
  await d.call('inventory.saveStockMove', delivery(main, '2026-03-04', beans, '10', 'SO-201'));
  await d.call('inventory.saveStockMove', receipt(back, '2026-03-05', mugs._id, '1250', 399));
  return { ...c, mugs: mugs._id };
}

describe('inventory PDFs', () => {
  it('a label sheet prints each item’s name, SKU, list price and code', async () => {
    const { d, beans, mugs } = await shop();
    const list = await d.call('inventory.savePriceList', {
      fields: { name: 'Shop prices', currency: 'USD', prices: [{ item: beans, price: 1899 }] },
    });
    const file = await d.call('inventory.labelsPdf', {
      items: [
        { item: beans, copies: 2 },
        { item: mugs, copies: 1 },
      ],
      layout: 'letter-5160',
      skip: 3,
      priceList: list._id,
      locale: 'en-US',
      today: '2026-03-06',
    });
    expect(file.fileName).toMatch(/labels-2026-03-06\.pdf$/);
    const text = await pdfText(file.bytes);
    expect(text.match(/Colombian coffee beans 1 kg/g)).toHaveLength(2);
    expect(text.match(/\$18\.99/g)).toHaveLength(2);
    expect(text).toContain('5012345678900');
    // The mug has no barcode and no list price: its SKU is the code, and no price is made up.
    expect(text.match(/MUG-350/g)).toHaveLength(2);
    expect(text).toContain('Stoneware mug 350 ml');
  });

  it('a label sheet with a wrong number of labels is refused in words', async () => {
    const { d, beans } = await shop();
    await expect(
      d.call('inventory.labelsPdf', {
        items: [{ item: beans, copies: 0 }],
        layout: 'a4-3x8',
        today: '2026-03-06',
      }),
    ).rejects.toThrow(/whole number of labels from 1 to 1000 for BEAN-1KG/);
  });

  it('a locale Intl does not know prints in the worker’s own rather than failing', async () => {
    const { d, beans } = await shop();
    const list = await d.call('inventory.savePriceList', {
      fields: { name: 'Shop prices', currency: 'USD', prices: [{ item: beans, price: 1899 }] },
    });
    const file = await d.call('inventory.labelsPdf', {
      items: [{ item: beans, copies: 1 }],
      layout: 'a4-3x8',
      priceList: list._id,
      locale: 'not_a-locale!',
      today: '2026-03-06',
    });
    expect(await pdfText(file.bytes)).toMatch(/18[.,]99/);
  });

  it('stock on hand: company, branch, date, each row and the total, page numbered', async () => {
    const { d } = await shop();
    const file = await d.call('inventory.reportPdf', {
      report: 'stockOnHand',
      branch: 'NYC',
      locale: 'en-US',
      today: '2026-03-06',
    });
    expect(file.fileName).toBe('stock-on-hand-nyc-2026-03-06.pdf');
    const pages = await pdfPages(file.bytes);
    expect(pages).toHaveLength(1);
    const text = pages[0]!;
    expect(text).toContain('Acme');
    expect(text).toContain('Stock on hand');
    expect(text).toMatch(/NYC — New York/);
    expect(text).toContain('As of the end of 03/06/2026');
    // FIFO: the 2 bags left are the last receipt's, at $16.00; 1,250 mugs at $3.99.
    expect(text).toMatch(/BEAN-1KG Colombian coffee beans 1 kg NYC-MAIN 2 bag \$32\.00/);
    expect(text).toMatch(/MUG-350 Stoneware mug 350 ml NYC-BACK 1,250 pc \$4,987\.50/);
    expect(text).toMatch(/Total \$5,019\.50/);
    expect(text).toContain('Page 1 of 1');
  });

  it('valuation, item ledger and negative stock PDFs carry the report’s figures', async () => {
    const { d, beans, main } = await shop();
    await d.call('inventory.saveSettings', { negativeStock: 'warn' });
    await d.call('inventory.saveStockMove', delivery(main, '2026-03-06', beans, '5', 'SO-202'));
    const pdf = async (q: Parameters<typeof d.call<'inventory.reportPdf'>>[1]) =>
      pdfText((await d.call('inventory.reportPdf', q)).bytes);
    const today = '2026-03-07';
    const v = await pdf({ report: 'valuation', asOf: '2026-03-04', locale: 'en-US', today });
    expect(v).toContain('As of the end of 03/04/2026');
    expect(v).toMatch(/BEAN-1KG Colombian coffee beans 1 kg FIFO 2 \$32\.00/);
    const l = await pdf({ report: 'itemLedger', item: beans, locale: 'en-US', today });
    expect(l).toContain('Stock ledger — BEAN-1KG Colombian coffee beans 1 kg');
    expect(l).toMatch(/03\/06\/2026 Delivery \(went below zero\) SO-202 NYC-MAIN -5/);
    const n = await pdf({ report: 'negativeStock', locale: 'en-US', today });
    expect(n).toMatch(/BEAN-1KG Colombian coffee beans 1 kg NYC-MAIN -3/);
    expect(n).toContain('SO-202');
    const t = await pdf({ report: 'goodsInTransit', locale: 'en-US', today });
    expect(t).toContain('Nothing is on the way.');
  });

  it('goods in transit: each line on the way at the cost it left with, and the total', async () => {
    const { d, main, beans } = await shop();
    await d.call('org.addBranch', { code: 'MNL', name: 'Manila', currency: 'USD' });
    await d.call('inventory.dispatchTransfer', {
      date: '2026-03-05',
      fromWarehouse: main,
      toBranch: 'MNL',
      lines: [{ item: beans, qty: '2' }],
    });
    const pdf = async (branch: string | null) =>
      pdfText(
        (
          await d.call('inventory.reportPdf', {
            report: 'goodsInTransit',
            branch,
            locale: 'en-US',
            today: '2026-03-06',
          })
        ).bytes,
      );
    const all = await pdf(null);
    expect(all).toContain('All branches');
    expect(all).toMatch(
      /NYC-A-TRF-000001 03\/05\/2026 New York Manila BEAN-1KG Colombian coffee beans 1 kg 2 bag \$32\.00/,
    );
    expect(all).toMatch(/Total \$32\.00/);
    expect(await pdf('MNL')).toContain('MNL — Manila');
  });
});
