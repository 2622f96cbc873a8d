import { afterEach, describe, expect, it } from 'vitest';
import { pdfText } from '../../../core/pdf/testing/pdf-text';
import { ACME_INPUT, startTestDevice, type TestDevice } from '../../../core/testing/node-core';
import { accountsModule } from '../index';

let device: TestDevice | null = null;
afterEach(async () => {
  await device?.close();
  device = null;
});

/** A customer's invoice paid by bank transfer, and the landlord's bill paid by cheque. */
async function books() {
  const d = await startTestDevice(undefined, [accountsModule]);
  device = d;
  await d.call('setup.createCompany', ACME_INPUT);
  await d.call('accounts.setupStarterChart', undefined);
  const customer = await d.call('accounts.saveParty', {
    fields: { kind: 'customer', code: 'C-001', name: 'Bayside Cafe', currency: 'USD' },
  });
  const landlord = await d.call('accounts.saveParty', {
    fields: { kind: 'supplier', code: 'S-001', name: 'Harbor Properties', currency: 'USD' },
  });
  const line = (description: string, unitPrice: number, account: string) => ({
    description,
    quantity: '1',
    unitPrice,
    taxCode: null,
    account,
    discountBp: 0,
    itemCode: '',
  });
  const invoice = await d.call('accounts.issueTradeDoc', {
    side: 'sales',
    kind: 'invoice',
    partyId: customer._id,
    date: '2026-03-02',
    currency: 'USD',
    lines: [line('Espresso beans, 20 kg', 48_000, '4100')],
  });
  const receipt = await d.call('accounts.recordPayment', {
    side: 'receipt',
    partyId: customer._id,
    date: '2026-03-09',
    currency: 'USD',
    amount: 48_000,
    account: '1200',
    reference: 'ACH 0309-7741',
    allocations: [{ documentId: invoice._id, amount: 48_000 }],
  });
  const bill = await d.call('accounts.issueTradeDoc', {
    side: 'purchase',
    kind: 'invoice',
    partyId: landlord._id,
    date: '2026-03-01',
    currency: 'USD',
    lines: [line('March rent', 125_000, '6100')],
  });
  const cheque = await d.call('accounts.recordPayment', {
    side: 'payment',
    partyId: landlord._id,
    date: '2026-03-04',
    currency: 'USD',
    amount: 125_000,
    account: '1200',
    reference: 'Cheque 1187',
    memo: 'Rent, March',
    allocations: [{ documentId: bill._id, amount: 125_000 }],
  });
  return { d, customer, landlord, invoice, receipt, bill, cheque };
}

describe('receipts and payments in the general ledger', () => {
  it("the bank account's rows name the party and the payment's reference", async () => {
    const { d, customer, landlord, receipt, cheque } = await books();
    const gl = await d.call('accounts.generalLedger', {
      account: '1200',
      from: '2026-03-01',
      to: '2026-03-31',
    });
    expect(gl.rows.map((r) => [r.docId, r.docType, r.party, r.memo])).toEqual([
      [cheque._id, 'payment', landlord._id, 'Cheque 1187 · Rent, March'],
      [receipt._id, 'payment', customer._id, 'ACH 0309-7741'],
    ]);
  });

  it('the general ledger PDF says the same', async () => {
    const { d } = await books();
    const file = await d.call('accounts.reportPdf', {
      report: 'generalLedger',
      account: '1200',
      from: '2026-03-01',
      to: '2026-03-31',
      locale: 'en-US',
    });
    const text = (await pdfText(file.bytes)).replace(/\s+/g, ' ');
    expect(text).toContain('Harbor Properties — Cheque 1187 · Rent, March');
    expect(text).toContain('Bayside Cafe — ACH 0309-7741');
  });

  it('a recorded payment reads back with its party and the bills it settled', async () => {
    const { d, bill, cheque } = await books();
    const view = await d.call('accounts.getPayment', { id: cheque._id });
    expect(view.doc).toMatchObject({ number: cheque.number, amount: 125_000, side: 'payment' });
    expect(view.partyName).toBe('Harbor Properties');
    expect(view.allocations).toEqual([
      { documentId: bill._id, number: bill.number, date: '2026-03-01', amount: 125_000 },
    ]);
    await expect(d.call('accounts.getPayment', { id: bill._id })).rejects.toThrow(
      /not on this device/,
    );
  });
});
