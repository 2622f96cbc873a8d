import { afterEach, describe, expect, it } from 'vitest';
import type { OutpostError } from '../../../core/errors';
import { ACME_INPUT, type TestDevice } from '../../../core/testing/node-core';
import { startAppDevice } from '../../testing';

/**
 * A UK company that brings its own chart from its old package: codes 1100 Debtors, 2100
 * Creditors, 2200 VAT, 3200 Retained earnings — the starter chart's 2100 and 6100 mean other
 * things there. No sub-type column: the import guesses them.
 */
const UK_CHART = [
  'code,name,type',
  '1100,Debtors,asset',
  '1200,Bank current account,asset',
  '2100,Creditors,liability',
  '2200,VAT,liability',
  '3000,Ordinary shares,equity',
  '3200,Retained earnings,equity',
  '4000,Sales,income',
  '4910,Foreign exchange gains,income',
  '5000,Cost of sales,expense',
  '6100,Advertising,expense',
  '8210,Foreign exchange losses,expense',
  '8220,Rounding differences,expense',
].join('\r\n');

const PICKS = {
  receivableAccount: '1100',
  payableAccount: '2100',
  retainedEarningsAccount: '3200',
  fxGainAccount: '4910',
  fxLossAccount: '8210',
  roundingAccount: '8220',
  defaultSalesAccount: '4000',
  defaultPurchaseAccount: '5000',
};
const TAX = { taxPayableAccount: '2200', taxReceivableAccount: '2200' };

let device: TestDevice | null = null;
afterEach(async () => {
  await device?.close();
  device = null;
});

async function ukCompany(): Promise<TestDevice> {
  const d = await startAppDevice();
  device = d;
  await d.call('setup.createCompany', {
    ...ACME_INPUT,
    company: {
      ...ACME_INPUT.company,
      name: 'Thames Tea Ltd',
      orgCode: 'thames',
      baseCurrency: 'GBP',
    },
    branch: { code: 'LON', name: 'London', currency: 'GBP' },
  });
  const imported = await d.call('accounts.importChartCsv', { csv: UK_CHART });
  expect(imported).toMatchObject({ ok: true, written: 12 });
  return d;
}

const failure = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => e as OutpostError,
  );

describe('a company started from its own chart', () => {
  it('cannot post until the special accounts are picked, and says where to pick them', async () => {
    const d = await ukCompany();
    expect(await d.call('accounts.getSetup', undefined)).toMatchObject({
      ready: false,
      settings: null,
      accounts: 12,
    });
    const refused = await failure(
      d.call('accounts.postJournal', {
        date: '2025-06-10',
        currency: 'GBP',
        lines: [
          { account: '1200', debit: 10_000, credit: 0 },
          { account: '3000', debit: 0, credit: 10_000 },
        ],
      }),
    );
    expect(refused?.message).toMatch(/Ledger settings/);
  });

  it('refuses special accounts of the wrong kind and writes nothing', async () => {
    const d = await ukCompany();
    const refused = await failure(
      d.call('accounts.saveLedgerSettings', {
        accounts: { ...PICKS, receivableAccount: '2100', retainedEarningsAccount: '' },
        tax: TAX,
      }),
    );
    expect(refused?.fields).toEqual({
      receivableAccount:
        '2100 Creditors is a liability account; the accounts receivable must be an asset account.',
      retainedEarningsAccount: 'Choose the retained earnings account.',
    });
    expect((await d.call('accounts.getSetup', undefined)).settings).toBeNull();
    expect(await d.call('accounts.listTaxCodes', undefined)).toEqual([]);
  });

  it('posts an invoice and the year-end close to the accounts picked', async () => {
    const d = await ukCompany();
    await d.call('accounts.saveLedgerSettings', { accounts: PICKS, tax: TAX });
    expect(await d.call('accounts.getSetup', undefined)).toMatchObject({
      ready: true,
      settings: { ...PICKS, lockDate: null },
    });
    const taxCodes = await d.call('accounts.listTaxCodes', undefined);
    expect(taxCodes.map((t) => [t.code, t.salesAccount, t.purchaseAccount])).toContainEqual([
      'STD',
      '2200',
      '2200',
    ]);

    const customer = await d.call('accounts.saveParty', {
      fields: { kind: 'customer', code: 'C-001', name: 'Borough Café', currency: 'GBP' },
    });
    const invoice = await d.call('accounts.issueTradeDoc', {
      side: 'sales',
      kind: 'invoice',
      partyId: customer._id,
      date: '2025-06-10',
      currency: 'GBP',
      lines: [
        {
          description: 'Assam tea, 5 kg',
          quantity: '4',
          unitPrice: 4_250,
          taxCode: 'STD',
          account: '4000',
          discountBp: 0,
          itemCode: '',
        },
      ],
    });
    expect(invoice.posting.map((l) => [l.account, l.baseDebit, l.baseCredit])).toEqual([
      ['1100', 20_400, 0],
      ['4000', 0, 17_000],
      ['2200', 0, 3_400],
    ]);

    // Acme's fiscal year starts in April: the year 2025-26 ends on 31 March 2026.
    const closing = await d.call('accounts.closeYear', { yearEnd: '2026-03-31' });
    expect(closing.lines.map((l) => [l.account, l.debit, l.credit])).toEqual([
      ['4000', 17_000, 0],
      ['3200', 0, 17_000],
    ]);
  });

  it('lets the special accounts be changed later, keeping the lock date', async () => {
    const d = await ukCompany();
    await d.call('accounts.saveLedgerSettings', { accounts: PICKS, tax: TAX });
    await d.call('accounts.setLockDate', { lockDate: '2025-03-31' });
    const changed = await d.call('accounts.saveLedgerSettings', {
      accounts: { ...PICKS, roundingAccount: '8210' },
    });
    expect(changed).toMatchObject({ roundingAccount: '8210', lockDate: '2025-03-31' });
  });

  it('an account chosen in Ledger settings cannot be archived or turned into another kind', async () => {
    const d = await ukCompany();
    await d.call('accounts.saveLedgerSettings', { accounts: PICKS, tax: TAX });
    const debtors = (await d.call('accounts.listAccounts', undefined)).find(
      (a) => a.code === '1100',
    )!;
    const { code, name, kind, subtype, parentCode, isGroup, currency, description } = debtors;
    const fields = { code, name, kind, subtype, parentCode, isGroup, currency, description };
    const id = debtors._id;
    const archive = await failure(
      d.call('accounts.saveAccount', { id, fields: { ...fields, archived: true } }),
    );
    expect(archive?.fields).toEqual({
      archived:
        '1100 Debtors is the accounts receivable in Ledger settings, so it cannot be archived. Choose another account there first.',
    });
    const rename = await d.call('accounts.saveAccount', {
      id,
      fields: { ...fields, name: 'Trade debtors' },
    });
    expect(rename.name).toBe('Trade debtors');
  });
});
