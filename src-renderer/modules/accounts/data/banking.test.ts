import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ACME_INPUT, startTestDevice, type TestDevice } from '../../../core/testing/node-core';
import { accountsModule } from '../index';
import type { ReconciliationView } from '../banking-contract';

const fixture = (name: string) =>
  readFileSync(join(__dirname, '../domain/io/fixtures', name), 'utf8');
const OFX = fixture('ofx1-checking.ofx');
const CSV_DE = fixture('statement-de.csv');

let device: TestDevice | null = null;
afterEach(async () => {
  await device?.close();
  device = null;
});

const line = (description: string, unitPrice: number) => ({
  description,
  quantity: '1',
  unitPrice,
  taxCode: null,
  account: '4100',
  discountBp: 0,
  itemCode: '',
});

/**
 * The books before the March statement arrives: an opening balance equal to the bank's, two
 * invoices paid separately (the bank shows one receipt of 12,500.00 for both) and a bill paid
 * by cheque 1187. The bank's fee and a card coffee are not in the books yet.
 */
async function booksWithReceipts(): Promise<{ d: TestDevice; receipts: string[]; cheque: string }> {
  const d = await startTestDevice(undefined, [accountsModule]);
  device = d;
  await d.call('setup.createCompany', ACME_INPUT);
  await d.call('accounts.setupStarterChart', undefined);
  const customer = await d.call('accounts.saveParty', {
    fields: {
      kind: 'customer',
      code: 'C-001',
      name: 'Acme Trading LLC',
      currency: 'USD',
      paymentTermsDays: 14,
    },
  });
  const landlord = await d.call('accounts.saveParty', {
    fields: { kind: 'supplier', code: 'S-001', name: 'Harbor Properties', currency: 'USD' },
  });
  await d.call('accounts.postJournal', {
    date: '2026-02-28',
    memo: 'Opening balance',
    currency: 'USD',
    lines: [
      { account: '1200', debit: 3_400_050, credit: 0 },
      { account: '3100', debit: 0, credit: 3_400_050 },
    ],
  });
  const receipts: string[] = [];
  for (const [amount, ref] of [
    [750_000, 'PO-1043'],
    [500_000, 'PO-1044'],
  ] as const) {
    const inv = await d.call('accounts.issueTradeDoc', {
      side: 'sales',
      kind: 'invoice',
      partyId: customer._id,
      date: '2026-02-10',
      currency: 'USD',
      reference: ref,
      lines: [line('Beans', amount)],
    });
    const r = await d.call('accounts.recordPayment', {
      side: 'receipt',
      partyId: customer._id,
      date: '2026-03-01',
      currency: 'USD',
      amount,
      account: '1200',
      reference: ref,
      allocations: [{ documentId: inv._id, amount }],
    });
    receipts.push(`${r._id}#0`);
  }
  const bill = await d.call('accounts.issueTradeDoc', {
    side: 'purchase',
    kind: 'invoice',
    partyId: landlord._id,
    date: '2026-03-01',
    currency: 'USD',
    lines: [{ ...line('March rent', 125_000), account: '6100' }],
  });
  const cheque = await d.call('accounts.recordPayment', {
    side: 'payment',
    partyId: landlord._id,
    date: '2026-03-04',
    currency: 'USD',
    amount: 125_000,
    account: '1200',
    reference: 'Cheque 1187',
    allocations: [{ documentId: bill._id, amount: 125_000 }],
  });
  return { d, receipts, cheque: `${cheque._id}#0` };
}

const byAmount = (v: ReconciliationView, amount: number) =>
  v.statementLines.find((l) => l.amount === amount)!;
const suggestionFor = (v: ReconciliationView, id: string) =>
  v.suggestions.find((s) => s.statementLine === id)?.suggestions[0];

describe('bank statement import', () => {
  it('imports an OFX statement once; the same file again is skipped line by line', async () => {
    const { d } = await booksWithReceipts();
    const first = await d.call('banking.importStatement', {
      account: '1200',
      fileName: 'march.ofx',
      text: OFX,
    });
    expect(first).toMatchObject({ kind: 'imported', imported: 4, skipped: 0 });
    const again = await d.call('banking.importStatement', {
      account: '1200',
      fileName: 'march.ofx',
      text: OFX,
    });
    expect(again).toEqual({
      kind: 'imported',
      statementId: null,
      imported: 0,
      skipped: 4,
      warnings: [],
    });
    const statements = await d.call('banking.listStatements', { account: '1200' });
    expect(statements).toHaveLength(1);
    expect(statements[0]).toMatchObject({
      format: 'ofx',
      fileName: 'march.ofx',
      lines: 4,
      statementDate: '2026-03-31',
      closingBalance: 4_523_025,
      from: '2026-03-02',
      to: '2026-03-31',
    });
    const view = await d.call('banking.reconciliation', { account: '1200' });
    expect(view.statementLines.map((l) => [l.date, l.amount])).toEqual([
      ['2026-03-02', 1_250_000],
      ['2026-03-05', -125_000],
      ['2026-03-18', -475],
      ['2026-03-31', -1_550],
    ]);
  });

  it('refuses a bad file with line-numbered problems and writes nothing', async () => {
    const { d } = await booksWithReceipts();
    const bad = OFX.replace('<TRNAMT>-1250.00', '<TRNAMT>twelve');
    const res = await d.call('banking.importStatement', {
      account: '1200',
      fileName: 'bad.ofx',
      text: bad,
    });
    expect(res.kind).toBe('refused');
    if (res.kind === 'refused')
      expect(res.problems[0]).toMatchObject({
        line: expect.any(Number),
        message: expect.stringMatching(/twelve/),
      });
    expect(await d.call('banking.listStatements', {})).toEqual([]);
    await expect(
      d.call('banking.importStatement', { account: '4100', fileName: 'x.ofx', text: OFX }),
    ).rejects.toMatchObject({
      code: 'validation',
      message: expect.stringMatching(/not a bank or cash account/),
    });
  });

  it('asks for the CSV columns once, then remembers them for that account', async () => {
    const { d } = await booksWithReceipts();
    const ask = await d.call('banking.importStatement', {
      account: '1210',
      fileName: 'kasse.csv',
      text: CSV_DE,
    });
    expect(ask).toMatchObject({
      kind: 'needs-mapping',
      needsMapping: true,
      header: ['Buchungstag', 'Verwendungszweck', 'Auftraggeber', 'Betrag', 'Saldo'],
      guess: {
        date: 'Buchungstag',
        description: 'Verwendungszweck',
        counterparty: 'Auftraggeber',
        amount: 'Betrag',
        balance: 'Saldo',
      },
    });
    const mapping = {
      date: 'Buchungstag',
      description: 'Verwendungszweck',
      counterparty: 'Auftraggeber',
      amount: 'Betrag',
      balance: 'Saldo',
      dateFormat: 'DD.MM.YYYY',
      decimalSeparator: ',',
    } as const;
    const done = await d.call('banking.importStatement', {
      account: '1210',
      fileName: 'kasse.csv',
      text: CSV_DE,
      mapping,
    });
    expect(done).toMatchObject({ kind: 'imported', imported: 4, skipped: 0 });
    const [st] = await d.call('banking.listStatements', { account: '1210' });
    // Opening is read back from the first running balance: 8,750.00 after paying 1,250.00 out.
    expect(st).toMatchObject({
      openingBalance: 1_000_000,
      closingBalance: 1_231_100,
      statementDate: '2026-03-03',
    });
    const again = await d.call('banking.importStatement', {
      account: '1210',
      fileName: 'kasse.csv',
      text: CSV_DE,
    });
    expect(again).toMatchObject({ kind: 'imported', imported: 0, skipped: 4 });
  });
});

describe('reconciliation', () => {
  it('suggests the receipts recorded for the invoices and the cheque paid for the bill', async () => {
    const { d, receipts, cheque } = await booksWithReceipts();
    await d.call('banking.importStatement', { account: '1200', fileName: 'march.ofx', text: OFX });
    const view = await d.call('banking.reconciliation', { account: '1200' });
    expect(suggestionFor(view, byAmount(view, 1_250_000).id)).toMatchObject({
      ledgerLines: receipts,
      reason: expect.stringMatching(/^Two entries add up to the amount, 1 day apart/),
    });
    expect(suggestionFor(view, byAmount(view, -125_000).id)).toMatchObject({
      ledgerLines: [cheque],
      reason: 'Same amount, 1 day apart, reference Cheque 1187',
    });
    expect(suggestionFor(view, byAmount(view, -1_550).id)).toBeUndefined();
    // Opening balance, two receipts, the cheque: all in the books, none matched yet.
    expect(view.unmatchedBook).toHaveLength(4);
    expect(view.summary).toMatchObject({
      statementBalance: 4_523_025,
      bookBalance: 4_525_050,
      difference: -2_025,
      reconciled: 0,
    });
  });

  it('matches one receipt to two payments, refuses a mismatch with the difference, books the fee, and ends at zero', async () => {
    const { d, receipts, cheque } = await booksWithReceipts();
    await d.call('banking.importStatement', { account: '1200', fileName: 'march.ofx', text: OFX });
    let view = await d.call('banking.reconciliation', { account: '1200' });
    const receipt = byAmount(view, 1_250_000).id;

    await expect(
      d.call('banking.match', {
        account: '1200',
        statementLines: [receipt],
        ledgerLines: [receipts[0]!],
      }),
    ).rejects.toMatchObject({
      code: 'validation',
      message: expect.stringMatching(
        /12500\.00 USD but the entries in the books to 7500\.00 USD: a difference of 5000\.00 USD/,
      ),
    });
    await d.call('banking.match', {
      account: '1200',
      statementLines: [receipt],
      ledgerLines: receipts,
    });
    await expect(
      d.call('banking.match', {
        account: '1200',
        statementLines: [byAmount(view, -125_000).id],
        ledgerLines: [receipts[0]!],
      }),
    ).rejects.toMatchObject({ code: 'validation' });
    await d.call('banking.match', {
      account: '1200',
      statementLines: [byAmount(view, -125_000).id],
      ledgerLines: [cheque],
    });

    const fee = await d.call('banking.createEntry', {
      account: '1200',
      statementLine: byAmount(view, -1_550).id,
      contraAccount: '6700',
      memo: 'Monthly service fee',
    });
    expect(fee.number).toMatch(/JE-/);
    const entry = await d.call('accounts.getJournal', { id: fee.entryId });
    expect(entry.entry).toMatchObject({
      date: '2026-03-31',
      memo: 'Monthly service fee',
      status: 'posted',
    });
    expect(entry.entry.lines.map((l) => [l.account, l.baseDebit, l.baseCredit])).toEqual([
      ['1200', 0, 1_550],
      ['6700', 1_550, 0],
    ]);
    await d.call('banking.createEntry', {
      account: '1200',
      statementLine: byAmount(view, -475).id,
      contraAccount: '6400',
    });

    view = await d.call('banking.reconciliation', { account: '1200' });
    expect(view.statementLines.every((l) => l.matchId !== null)).toBe(true);
    expect(view.matches).toHaveLength(4);
    expect(view.matches[0]!.ledgerLines.map((l) => l.id)).toEqual(receipts);
    expect(view.unmatchedBook.map((l) => l.memo)).toEqual(['Opening balance']);
    expect(view.summary).toMatchObject({
      statementBalance: 4_523_025,
      bookBalance: 4_523_025,
      difference: 0,
      balanced: true,
      reconciled: 1_250_000 - 125_000 - 1_550 - 475,
    });

    // Unmatching puts both sides back, with the suggestion.
    const chequeMatch = view.matches.find((m) => m.ledgerLines[0]?.id === cheque)!;
    await d.call('banking.unmatch', { matchId: chequeMatch.id });
    const after = await d.call('banking.reconciliation', { account: '1200' });
    expect(byAmount(after, -125_000).matchId).toBeNull();
    expect(after.unmatchedBook.map((l) => l.id)).toContain(cheque);
    expect(suggestionFor(after, byAmount(after, -125_000).id)?.ledgerLines).toEqual([cheque]);
    await expect(d.call('banking.unmatch', { matchId: chequeMatch.id })).rejects.toMatchObject({
      code: 'not-found',
    });

    // The index is disposable: rebuilt from the documents it shows exactly the same.
    await d.call('index.rebuild', undefined);
    expect(await d.call('banking.reconciliation', { account: '1200' })).toEqual(after);
  });

  it('refuses to create an entry against the bank account itself or for a matched line', async () => {
    const { d } = await booksWithReceipts();
    await d.call('banking.importStatement', { account: '1200', fileName: 'march.ofx', text: OFX });
    const view = await d.call('banking.reconciliation', { account: '1200' });
    const fee = byAmount(view, -1_550).id;
    await expect(
      d.call('banking.createEntry', { account: '1200', statementLine: fee, contraAccount: '1200' }),
    ).rejects.toMatchObject({ code: 'validation' });
    await d.call('banking.createEntry', {
      account: '1200',
      statementLine: fee,
      contraAccount: '6700',
    });
    await expect(
      d.call('banking.createEntry', { account: '1200', statementLine: fee, contraAccount: '6700' }),
    ).rejects.toMatchObject({ message: expect.stringMatching(/already matched/) });
  });
});
