import { afterEach, describe, expect, it } from 'vitest';
import { ACME_INPUT, startTestDevice, type TestDevice } from '../../../core/testing/node-core';
import { accountsModule } from '../index';
import { todayLocal } from '../../../core/dates';

// Status depends on today's date (overdue or not), so these invoices are dated today.
const TODAY = todayLocal();
const plusDays = (n: number) =>
  new Date(Date.parse(`${TODAY}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

let device: TestDevice | null = null;
afterEach(async () => {
  await device?.close();
  device = null;
});

async function company(): Promise<{
  d: TestDevice;
  customer: string;
  supplier: string;
  euroCustomer: string;
}> {
  const d = await startTestDevice(undefined, [accountsModule]);
  device = d;
  await d.call('setup.createCompany', ACME_INPUT);
  await d.call('accounts.setupStarterChart', undefined);
  const customer = await d.call('accounts.saveParty', {
    fields: {
      kind: 'customer',
      code: 'C-001',
      name: 'Bayside Cafe',
      currency: 'USD',
      paymentTermsDays: 14,
    },
  });
  const supplier = await d.call('accounts.saveParty', {
    fields: { kind: 'supplier', code: 'S-001', name: 'Harbour Beans Co', currency: 'USD' },
  });
  const euro = await d.call('accounts.saveParty', {
    fields: { kind: 'customer', code: 'C-002', name: 'Café de Lyon', currency: 'EUR' },
  });
  return { d, customer: customer._id, supplier: supplier._id, euroCustomer: euro._id };
}

const line = (
  description: string,
  quantity: string,
  unitPrice: number,
  taxCode: string | null = 'STD',
  account = '4100',
) => ({
  description,
  quantity,
  unitPrice,
  taxCode,
  account,
  discountBp: 0,
  itemCode: '',
});

describe('sales invoices and receipts', () => {
  it('issues an invoice that posts receivable, sales and tax in the same write, due from the terms', async () => {
    const { d, customer } = await company();
    const inv = await d.call('accounts.issueTradeDoc', {
      side: 'sales',
      kind: 'invoice',
      partyId: customer,
      date: TODAY,
      currency: 'USD',
      lines: [line('Espresso beans 1 kg', '3', 1999), line('Grinder service', '1', 4500)],
    });
    expect(inv).toMatchObject({
      status: 'posted',
      number: 'NYC-A-INV-000001',
      dueDate: plusDays(14),
    });
    expect(inv.totals).toEqual({ net: 10_497, tax: 2_099, gross: 12_596 });
    expect(inv.posting.map((l) => [l.account, l.baseDebit, l.baseCredit])).toEqual(
      expect.arrayContaining([
        ['1100', 12_596, 0],
        ['4100', 0, 10_497],
        ['2200', 0, 2_099],
      ]),
    );
    const tb = await d.call('accounts.trialBalance', { asOf: plusDays(1) });
    expect(tb.totalDebit).toBe(tb.totalCredit);
    const [item] = await d.call('accounts.openItems', { side: 'sales' });
    expect(item).toMatchObject({ open: 12_596, status: 'open' });
  });

  it('a partial receipt leaves the invoice partly paid; the rest makes it paid; an overpayment stays on account', async () => {
    const { d, customer } = await company();
    const inv = await d.call('accounts.issueTradeDoc', {
      side: 'sales',
      kind: 'invoice',
      partyId: customer,
      date: TODAY,
      currency: 'USD',
      lines: [line('Beans', '10', 1000)],
    });
    expect(inv.totals.gross).toBe(12_000);
    await d.call('accounts.recordPayment', {
      side: 'receipt',
      partyId: customer,
      date: TODAY,
      currency: 'USD',
      amount: 5_000,
      account: '1200',
    });
    let view = await d.call('accounts.getTradeDoc', { id: inv._id });
    expect(view).toMatchObject({ open: 7_000, status: 'partly-paid' });
    const rest = await d.call('accounts.recordPayment', {
      side: 'receipt',
      partyId: customer,
      date: TODAY,
      currency: 'USD',
      amount: 8_000,
      account: '1200',
      allocations: [{ documentId: inv._id, amount: 7_000 }],
    });
    expect(rest.number).toBe('NYC-A-RCPT-000002');
    view = await d.call('accounts.getTradeDoc', { id: inv._id });
    expect(view).toMatchObject({ open: 0, status: 'paid' });
    expect(view.payments.map((p) => p.amount)).toEqual([5_000, 7_000]);
    // The 1,000 not allocated is a credit on the customer's account: receivable is -10.00.
    const tb = await d.call('accounts.trialBalance', { asOf: plusDays(1) });
    expect(tb.rows.find((r) => r.code === '1100')).toMatchObject({ debit: 0, credit: 1_000 });
  });

  it('refuses to allocate more than is open on an invoice, and records nothing', async () => {
    const { d, customer } = await company();
    const inv = await d.call('accounts.issueTradeDoc', {
      side: 'sales',
      kind: 'invoice',
      partyId: customer,
      date: '2026-05-04',
      currency: 'USD',
      lines: [line('Beans', '1', 1000, null)],
    });
    await expect(
      d.call('accounts.recordPayment', {
        side: 'receipt',
        partyId: customer,
        date: '2026-05-10',
        currency: 'USD',
        amount: 5_000,
        account: '1200',
        allocations: [{ documentId: inv._id, amount: 2_000 }],
      }),
    ).rejects.toMatchObject({
      code: 'validation',
      message: expect.stringMatching(/only 10\.00 .*open/),
    });
    expect((await d.call('accounts.listDocs', { type: 'payment' })).total).toBe(0);
  });

  it('a credit note against an invoice reduces what is open on it', async () => {
    const { d, customer } = await company();
    const inv = await d.call('accounts.issueTradeDoc', {
      side: 'sales',
      kind: 'invoice',
      partyId: customer,
      date: '2026-05-04',
      currency: 'USD',
      lines: [line('Beans', '2', 5000)],
    });
    const cn = await d.call('accounts.issueTradeDoc', {
      side: 'sales',
      kind: 'credit',
      partyId: customer,
      date: '2026-05-06',
      currency: 'USD',
      creditFor: inv._id,
      lines: [line('Beans returned', '1', 5000)],
    });
    expect(cn.number).toBe('NYC-A-CN-000001');
    const view = await d.call('accounts.getTradeDoc', { id: inv._id });
    expect(view.open).toBe(6_000);
    expect(view.credits.map((c) => c.number)).toEqual(['NYC-A-CN-000001']);
  });

  it('settling a EUR invoice at a better rate books a realised exchange gain', async () => {
    const { d, euroCustomer } = await company();
    const inv = await d.call('accounts.issueTradeDoc', {
      side: 'sales',
      kind: 'invoice',
      partyId: euroCustomer,
      date: '2026-06-01',
      currency: 'EUR',
      rate: '1.0825',
      lines: [line('Beans', '1', 100_000, null)],
    });
    await d.call('accounts.recordPayment', {
      side: 'receipt',
      partyId: euroCustomer,
      date: '2026-06-30',
      currency: 'EUR',
      rate: '1.0950',
      amount: 100_000,
      account: '1200',
    });
    expect((await d.call('accounts.getTradeDoc', { id: inv._id })).status).toBe('paid');
    const pl = await d.call('accounts.profitAndLoss', { from: '2026-06-01', to: '2026-06-30' });
    const income = pl.sections.find((s) => s.title === 'Income')!;
    expect(income.rows.find((r) => r.code === '4900')?.amount).toBe(1_250);
    const tb = await d.call('accounts.trialBalance', { asOf: '2026-06-30' });
    expect(tb.totalDebit).toBe(tb.totalCredit);
    expect(tb.rows.find((r) => r.code === '1100')).toBeUndefined();
  });
});

describe('purchases and aged payables', () => {
  it('a bill posts expense, reclaimable tax and payable; aged payables buckets it by due date', async () => {
    const { d, supplier } = await company();
    const bill = await d.call('accounts.issueTradeDoc', {
      side: 'purchase',
      kind: 'invoice',
      partyId: supplier,
      date: '2026-01-10',
      dueDate: '2026-02-09',
      currency: 'USD',
      reference: 'HB-7781',
      lines: [line('Green beans 60 kg', '60', 850, 'STD', '5100')],
    });
    expect(bill.number).toBe('NYC-A-BILL-000001');
    expect(bill.posting.map((l) => [l.account, l.baseDebit, l.baseCredit])).toEqual(
      expect.arrayContaining([
        ['5100', 51_000, 0],
        ['1400', 10_200, 0],
        ['2100', 0, 61_200],
      ]),
    );
    const aged = await d.call('accounts.agedReport', { side: 'purchase', asOf: '2026-03-20' });
    expect(aged).toEqual([
      {
        partyId: supplier,
        buckets: { current: 0, '1-30': 0, '31-60': 61_200, '61-90': 0, '90+': 0 },
        total: 61_200,
      },
    ]);
    await d.call('accounts.recordPayment', {
      side: 'payment',
      partyId: supplier,
      date: '2026-03-21',
      currency: 'USD',
      amount: 61_200,
      account: '1200',
    });
    expect(await d.call('accounts.agedReport', { side: 'purchase', asOf: '2026-03-31' })).toEqual(
      [],
    );
  });

  it('refuses a customer on a bill and an unknown tax code, writing nothing', async () => {
    const { d, customer, supplier } = await company();
    await expect(
      d.call('accounts.issueTradeDoc', {
        side: 'purchase',
        kind: 'invoice',
        partyId: customer,
        date: '2026-01-10',
        currency: 'USD',
        lines: [line('x', '1', 100, null, '5100')],
      }),
    ).rejects.toThrow(/not set up as a supplier/);
    await expect(
      d.call('accounts.issueTradeDoc', {
        side: 'purchase',
        kind: 'invoice',
        partyId: supplier,
        date: '2026-01-10',
        currency: 'USD',
        lines: [line('x', '1', 100, 'NOPE', '5100')],
      }),
    ).rejects.toMatchObject({
      fields: { 'lines.0.taxCode': expect.stringMatching(/no tax code NOPE/) },
    });
    expect((await d.call('accounts.listDocs', { type: 'tradeDoc' })).total).toBe(0);
  });
});

describe('tax summary', () => {
  it('sums output and input tax per code from issued documents, credit notes reducing, and ties to the ledger', async () => {
    const { d, customer, supplier } = await company();
    const inv = await d.call('accounts.issueTradeDoc', {
      side: 'sales',
      kind: 'invoice',
      partyId: customer,
      date: '2026-07-02',
      currency: 'USD',
      lines: [line('Beans', '10', 1_000, 'STD'), line('Cups', '10', 200, 'RED')],
    });
    expect(inv.taxBreakdown).toEqual([
      { code: 'STD', rateBp: 2000, net: 10_000, tax: 2_000, baseNet: 10_000, baseTax: 2_000 },
      { code: 'RED', rateBp: 500, net: 2_000, tax: 100, baseNet: 2_000, baseTax: 100 },
    ]);
    await d.call('accounts.issueTradeDoc', {
      side: 'sales',
      kind: 'credit',
      partyId: customer,
      date: '2026-07-03',
      currency: 'USD',
      creditFor: inv._id,
      lines: [line('Beans back', '1', 1_000, 'STD')],
    });
    await d.call('accounts.issueTradeDoc', {
      side: 'purchase',
      kind: 'invoice',
      partyId: supplier,
      date: '2026-07-04',
      currency: 'USD',
      lines: [line('Green beans', '1', 5_000, 'STD', '5100')],
    });
    const summary = await d.call('accounts.taxSummary', { from: '2026-07-01', to: '2026-07-31' });
    expect(summary.rows).toEqual([
      { code: 'RED', rateBp: 500, salesNet: 2_000, salesTax: 100, purchaseNet: 0, purchaseTax: 0 },
      {
        code: 'STD',
        rateBp: 2000,
        salesNet: 9_000,
        salesTax: 1_800,
        purchaseNet: 5_000,
        purchaseTax: 1_000,
      },
    ]);
    expect(summary.netTax).toBe(900);
    expect(summary.ledgerMovement).toEqual([
      { code: '1400', name: 'Tax receivable', amount: 1_000 },
      { code: '2200', name: 'Tax payable', amount: 1_900 },
    ]);
  });
});

describe('exchange rate table', () => {
  it('documents without a typed rate take the latest rate on or before their date', async () => {
    const { d, euroCustomer } = await company();
    await d.call('accounts.saveRate', { date: '2026-06-01', currency: 'EUR', rate: '1.0800' });
    await d.call('accounts.saveRate', { date: '2026-06-15', currency: 'EUR', rate: '1.0900' });
    expect((await d.call('accounts.rateFor', { currency: 'EUR', date: '2026-06-14' }))?.rate).toBe(
      '1.0800',
    );
    const inv = await d.call('accounts.issueTradeDoc', {
      side: 'sales',
      kind: 'invoice',
      partyId: euroCustomer,
      date: '2026-06-20',
      currency: 'EUR',
      lines: [line('Beans', '1', 10_000, null)],
    });
    expect(inv.rate).toBe('1.0900');
    expect(inv.posting.find((l) => l.account === '1100')?.baseDebit).toBe(10_900);
    // A typed rate wins over the table.
    const typed = await d.call('accounts.issueTradeDoc', {
      side: 'sales',
      kind: 'invoice',
      partyId: euroCustomer,
      date: '2026-06-20',
      currency: 'EUR',
      rate: '1.1',
      lines: [line('Beans', '1', 10_000, null)],
    });
    expect(typed.rate).toBe('1.1');
  });

  it('refuses a foreign-currency document when there is no rate, saying what to do', async () => {
    const { d, euroCustomer } = await company();
    await expect(
      d.call('accounts.issueTradeDoc', {
        side: 'sales',
        kind: 'invoice',
        partyId: euroCustomer,
        date: '2026-06-20',
        currency: 'EUR',
        lines: [line('Beans', '1', 10_000, null)],
      }),
    ).rejects.toMatchObject({
      code: 'validation',
      message: expect.stringMatching(/no EUR rate on or before 2026-06-20.*rate table/),
    });
    await expect(
      d.call('accounts.saveRate', { date: '2026-06-20', currency: 'USD', rate: '1' }),
    ).rejects.toThrow(/base currency/);
  });
});
