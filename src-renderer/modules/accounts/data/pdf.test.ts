import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { ACME_INPUT, startTestDevice, type TestDevice } from '../../../core/testing/node-core';
import { pdfPages, pdfText } from '../../../core/pdf/testing/pdf-text';
import { accountsModule } from '../index';

// One company for every test: 130 receipts into the bank (a ledger of several pages), a
// customer with an accented name and an address, and two issued invoices.
let d: TestDevice;
let customer: string;
const ENTRIES = 130;
const CUSTOMERS = ['Zoë Ångström AB', 'Łukasz Żółć', 'Дмитрий Иванов', 'Ngô Bảo Châu'];

beforeAll(async () => {
  d = await startTestDevice(undefined, [accountsModule]);
  await d.call('setup.createCompany', ACME_INPUT);
  await d.call('accounts.setupStarterChart', undefined);
  const party = await d.call('accounts.saveParty', {
    fields: {
      kind: 'customer',
      code: 'C-001',
      name: 'Zoë Ångström AB',
      address: 'Storgatan 12\n114 55 Stockholm',
      taxId: 'SE556677889901',
      currency: 'USD',
      paymentTermsDays: 14,
    },
  });
  customer = party._id;
  for (let i = 0; i < ENTRIES; i++) {
    await d.call('accounts.postJournal', {
      date: `2025-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
      memo: `Consulting for ${CUSTOMERS[i % CUSTOMERS.length]}`,
      currency: 'USD',
      lines: [
        { account: '1200', debit: 123_456, credit: 0 },
        { account: '4200', debit: 0, credit: 123_456 },
      ],
    });
  }
}, 120_000);

afterAll(async () => {
  await d?.close();
});

const line = (description: string, quantity: string, unitPrice: number) => ({
  description,
  quantity,
  unitPrice,
  taxCode: 'STD',
  account: '4100',
  discountBp: 0,
  itemCode: '',
});

async function pageSize(bytes: Uint8Array): Promise<number[]> {
  const pdf = await getDocument({ data: bytes.slice() }).promise;
  const view = (await pdf.getPage(1)).view.map(Math.round);
  await pdf.destroy();
  return view;
}

describe('report PDFs (accounts.reportPdf)', () => {
  it('a general ledger PDF has every line of the period, page numbers and the heading on each page', async () => {
    const file = await d.call('accounts.reportPdf', {
      report: 'generalLedger',
      account: '1200',
      from: '2025-01-01',
      to: '2025-12-31',
      branch: 'NYC',
      locale: 'de-DE',
    });
    expect(file.fileName).toBe('ledger-1200-2025-01-01-to-2025-12-31-nyc.pdf');
    const pages = await pdfPages(file.bytes);
    expect(pages.length).toBeGreaterThanOrEqual(3);
    pages.forEach((text, i) => {
      expect(text).toContain(`Page ${i + 1} of ${pages.length}`);
      expect(text).toContain('Acme Trading Ltd · NYC — New York');
      expect(text).toMatch(/Date Number Memo Debit Credit Balance/);
    });
    expect(pages[0]).toContain('General ledger — 1200 Bank');
    expect(pages[0]).toContain('NYC — New York · 01.01.2025 to 31.12.2025');
    expect(pages[0]).toContain('Amounts in USD');
    const all = pages.join('\n');
    for (const name of CUSTOMERS) expect(all).toContain(`Consulting for ${name}`);
    // 130 × 1,234.56 in German notation, as the closing balance.
    expect(pages.at(-1)).toContain('Closing balance 160.492,80');
    expect(all.match(/NYC-A-JE-\d{6}/g)?.length).toBe(ENTRIES);
    expect(await pageSize(file.bytes)).toEqual([0, 0, 595, 842]);
  });

  it('a trial balance in US English is on Letter paper with totals formatted', async () => {
    const file = await d.call('accounts.reportPdf', {
      report: 'trialBalance',
      asOf: '2025-12-31',
      locale: 'en-US',
    });
    const text = await pdfText(file.bytes);
    expect(text).toContain('Trial balance');
    expect(text).toContain('All branches (consolidated) · As of 12/31/2025');
    expect(text).toContain('1200 Bank 160,492.80');
    expect(text).toContain('Total 160,492.80 160,492.80');
    expect(text).toContain('Page 1 of 1');
    expect(await pageSize(file.bytes)).toEqual([0, 0, 612, 792]);
  });

  it('profit and loss, balance sheet, tax summary and aged receivables come out as PDFs', async () => {
    const pl = await pdfText(
      (
        await d.call('accounts.reportPdf', {
          report: 'profitAndLoss',
          from: '2025-01-01',
          to: '2025-12-31',
          locale: 'en-GB',
        })
      ).bytes,
    );
    expect(pl).toContain('Profit and loss');
    expect(pl).toContain('Net profit 160,492.80');
    const bs = await pdfText(
      (await d.call('accounts.reportPdf', { report: 'balanceSheet', asOf: '2025-12-31' })).bytes,
    );
    expect(bs).toContain('Balance sheet');
    expect(bs).toContain('Total assets 160,492.80');
    expect(bs).toContain('Total liabilities and equity 160,492.80');
    // Said once: the assets section's own total.
    expect(bs.match(/Total assets/g)).toHaveLength(1);
    const tax = await pdfText(
      (
        await d.call('accounts.reportPdf', {
          report: 'taxSummary',
          from: '2025-01-01',
          to: '2025-12-31',
        })
      ).bytes,
    );
    expect(tax).toContain('Tax summary');
    const aged = await d.call('accounts.reportPdf', {
      report: 'aged',
      side: 'sales',
      asOf: '2025-12-31',
    });
    expect(aged.fileName).toBe('aged-receivables-2025-12-31.pdf');
    expect(await pdfText(aged.bytes)).toContain('Aged receivables');
  });

  it('refuses an unknown branch or account in words, making nothing', async () => {
    await expect(
      d.call('accounts.reportPdf', { report: 'trialBalance', asOf: '2025-12-31', branch: 'XYZ' }),
    ).rejects.toThrow('There is no branch "XYZ".');
    await expect(
      d.call('accounts.reportPdf', {
        report: 'generalLedger',
        account: '9999',
        from: '2025-01-01',
        to: '2025-12-31',
      }),
    ).rejects.toThrow('There is no account 9999.');
    // A locale this computer cannot read falls back to its own rather than stopping the PDF.
    const file = await d.call('accounts.reportPdf', {
      report: 'trialBalance',
      asOf: '2025-12-31',
      locale: 'not a locale',
    });
    expect(await pdfText(file.bytes)).toContain('Trial balance');
  });
});

describe('invoice PDFs (accounts.tradeDocPdf, accounts.tradeDocPdfs)', () => {
  it('lays out an issued invoice for the customer: names, lines, tax, total and amount due', async () => {
    const inv = await d.call('accounts.issueTradeDoc', {
      side: 'sales',
      kind: 'invoice',
      partyId: customer,
      date: '2025-06-02',
      reference: 'PO-7781',
      currency: 'USD',
      lines: [line('Espresso beans 1 kg', '3', 1999), line('Grinder service', '1', 4500)],
    });
    const file = await d.call('accounts.tradeDocPdf', { id: inv._id, locale: 'en-US' });
    expect(file.fileName).toBe('invoice-nyc-a-inv-000001.pdf');
    const text = await pdfText(file.bytes);
    for (const expected of [
      'Acme Trading Ltd',
      'Invoice NYC-A-INV-000001',
      'Zoë Ångström AB',
      'Storgatan 12',
      'Tax ID SE556677889901',
      'Invoice number NYC-A-INV-000001',
      'Date 06/02/2025',
      'Due date 06/16/2025',
      'Reference PO-7781',
      'Espresso beans 1 kg 3 $19.99 STD 20 % $59.97',
      'Grinder service 1 $45.00 STD 20 % $45.00',
      'Net $104.97',
      'Total $125.96',
      'Amount due $125.96',
    ])
      expect(text).toContain(expected);
    // Part paid: the customer's copy shows what was paid and what is still due.
    await d.call('accounts.recordPayment', {
      side: 'receipt',
      partyId: customer,
      date: '2025-06-10',
      currency: 'USD',
      amount: 5_000,
      account: '1200',
      allocations: [{ documentId: inv._id, amount: 5_000 }],
    });
    // The reader's locale writes the same money its own way.
    const de = await pdfText(
      (await d.call('accounts.tradeDocPdf', { id: inv._id, locale: 'de-DE' })).bytes,
    );
    expect(de).toContain('Total 125,96 $');
    expect(de).toContain('Paid -50,00 $');
    expect(de).toContain('Amount due 75,96 $');
    expect(de).toContain('Date 02.06.2025');
  });

  it('makes a batch of invoices in one call, and refuses a batch with a draft', async () => {
    const issue = (description: string) =>
      d.call('accounts.issueTradeDoc', {
        side: 'sales',
        kind: 'invoice',
        partyId: customer,
        date: '2025-07-01',
        currency: 'USD',
        lines: [line(description, '2', 2500)],
      });
    const a = await issue('Barista training');
    const b = await issue('Descaling kit');
    const files = await d.call('accounts.tradeDocPdfs', { ids: [a._id, b._id] });
    expect(files.map((f) => f.fileName)).toEqual([
      `invoice-${a.number?.toLowerCase()}.pdf`,
      `invoice-${b.number?.toLowerCase()}.pdf`,
    ]);
    expect(await pdfText(files[0]!.bytes)).toContain('Barista training');
    expect(await pdfText(files[1]!.bytes)).toContain('Descaling kit');
    const draft = await d.call('accounts.saveTradeDraft', {
      side: 'sales',
      kind: 'invoice',
      partyId: customer,
      date: '2025-07-02',
      currency: 'USD',
      lines: [line('Not yet sent', '1', 100)],
    });
    await expect(d.call('accounts.tradeDocPdfs', { ids: [a._id, draft._id] })).rejects.toThrow(
      'Only an issued document can be downloaded as a PDF. Issue it first.',
    );
  });
});
