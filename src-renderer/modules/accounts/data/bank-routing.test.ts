import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ACME_INPUT, startTestDevice, type TestDevice } from '../../../core/testing/node-core';
import { accountsModule } from '../index';

const fixture = (name: string) =>
  readFileSync(join(__dirname, '../domain/io/fixtures', name), 'utf8');
const TWO_ACCOUNTS = fixture('camt053-two-accounts.xml');
const CHECKING = fixture('ofx1-checking.ofx');

/** The company credit card's statement as OFX 1.02 puts it beside the checking account's. */
const CARD = [
  '<CREDITCARDMSGSRSV1>',
  '<CCSTMTTRNRS>',
  '<TRNUID>2',
  '<STATUS>',
  '<CODE>0',
  '<SEVERITY>INFO',
  '</STATUS>',
  '<CCSTMTRS>',
  '<CURDEF>USD',
  '<CCACCTFROM>',
  '<ACCTID>4000123412341234',
  '</CCACCTFROM>',
  '<BANKTRANLIST>',
  '<DTSTART>20260301',
  '<DTEND>20260331',
  '<STMTTRN>',
  '<TRNTYPE>DEBIT',
  '<DTPOSTED>20260312',
  '<TRNAMT>-64.20',
  '<FITID>CC-5512',
  '<NAME>OFFICE DEPOT',
  '</STMTTRN>',
  '</BANKTRANLIST>',
  '</CCSTMTRS>',
  '</CCSTMTTRNRS>',
  '</CREDITCARDMSGSRSV1>',
  '',
].join('\r\n');
const CHECKING_AND_CARD = CHECKING.replace('</OFX>', CARD + '</OFX>');

let device: TestDevice | null = null;
afterEach(async () => {
  await device?.close();
  device = null;
});

async function books(baseCurrency: string): Promise<TestDevice> {
  const d = await startTestDevice(undefined, [accountsModule]);
  device = d;
  await d.call('setup.createCompany', {
    ...ACME_INPUT,
    company: { ...ACME_INPUT.company, baseCurrency },
    branch: { ...ACME_INPUT.branch, currency: baseCurrency },
  });
  await d.call('accounts.setupStarterChart', undefined);
  return d;
}

async function bankIds(
  d: TestDevice,
  code: string,
  name: string,
  ids: { iban?: string; bankId?: string; bankAccountId?: string },
) {
  const existing = (await d.call('accounts.listAccounts', undefined)).find((a) => a.code === code);
  return d.call('accounts.saveAccount', {
    ...(existing ? { id: existing._id } : {}),
    fields: { code, name, kind: 'asset', subtype: 'bank', parentCode: '1000', ...ids },
  });
}

const statementsOf = async (d: TestDevice, account: string) =>
  (await d.call('banking.listStatements', { account })).map((s) => [s.lines, s.closingBalance]);

describe('a bank file holding several accounts', () => {
  it('imports each camt.053 statement into the bank account with its IBAN', async () => {
    const d = await books('EUR');
    await bankIds(d, '1200', 'Commerzbank current account', {
      iban: 'DE89 3704 0044 0532 0130 00',
    });
    await bankIds(d, '1210', 'Sparkasse savings', { iban: 'de02120300000000202051' });
    const r = await d.call('banking.importStatement', {
      account: '1200',
      fileName: 'EBICS-2026-03-02.xml',
      text: TWO_ACCOUNTS,
    });
    expect(r).toMatchObject({
      kind: 'imported',
      imported: 2,
      skipped: 0,
      accounts: [
        { account: '1200', imported: 1, skipped: 0 },
        { account: '1210', imported: 1, skipped: 0 },
      ],
    });
    expect(await statementsOf(d, '1200')).toEqual([[1, 1_357_000]]);
    expect(await statementsOf(d, '1210')).toEqual([[1, 108_719]]);
  });

  it('refuses the file, naming the IBAN no bank account has, and writes nothing', async () => {
    const d = await books('EUR');
    await bankIds(d, '1200', 'Commerzbank current account', { iban: 'DE89370400440532013000' });
    const r = await d.call('banking.importStatement', {
      account: '1200',
      fileName: 'EBICS-2026-03-02.xml',
      text: TWO_ACCOUNTS,
    });
    expect(r.kind).toBe('refused');
    if (r.kind !== 'refused') return;
    expect(r.problems).toHaveLength(1);
    // The line of the statement (Stmt) for the unknown account.
    expect(r.problems[0]!.line).toBe(
      TWO_ACCOUNTS.split('\n').findIndex((l) => l.includes('DE02-17')),
    );
    expect(r.problems[0]!.message).toMatch(
      /2 bank accounts, and DE02120300000000202051 matches no bank account in the chart\. Enter each bank account's IBAN/,
    );
    expect(await d.call('banking.listStatements', {})).toEqual([]);
  });

  it('refuses a one-account file chosen for the wrong bank account', async () => {
    const d = await books('EUR');
    await bankIds(d, '1210', 'Sparkasse savings', { iban: 'DE89370400440532013000' });
    const oneAccount = fixture('camt053-daily.xml');
    const r = await d.call('banking.importStatement', {
      account: '1200',
      fileName: 'a.xml',
      text: oneAccount,
    });
    expect(r).toMatchObject({ kind: 'refused' });
    if (r.kind !== 'refused') return;
    expect(r.problems[0]!.message).toMatch(
      /which is 1210 Sparkasse savings in the chart, not 1200/,
    );
  });

  it('routes an OFX bank and credit-card statement by bank id and account id', async () => {
    const d = await books('USD');
    await bankIds(d, '1200', 'Chase checking', {
      bankId: '021000021',
      bankAccountId: '000123456789',
    });
    await bankIds(d, '1250', 'Company Visa card', { bankAccountId: '4000 1234 1234 1234' });
    const r = await d.call('banking.importStatement', {
      account: '1250',
      fileName: 'chase-march.qfx',
      text: CHECKING_AND_CARD,
    });
    expect(r).toMatchObject({
      kind: 'imported',
      imported: 5,
      accounts: [
        { account: '1200', imported: 4 },
        { account: '1250', imported: 1 },
      ],
    });
    expect((await d.call('banking.reconciliation', { account: '1250' })).statementLines).toEqual([
      expect.objectContaining({ date: '2026-03-12', amount: -6420, counterparty: 'OFFICE DEPOT' }),
    ]);
  });

  it('does not take a checking file for an account with the same number at another bank', async () => {
    const d = await books('USD');
    await bankIds(d, '1200', 'Chase checking', {
      bankId: '021000021',
      bankAccountId: '000123456789',
    });
    await bankIds(d, '1250', 'Company Visa card', { bankAccountId: '4000123412341234' });
    await bankIds(d, '1200', 'Chase checking', {
      bankId: '026009593',
      bankAccountId: '000123456789',
    });
    const r = await d.call('banking.importStatement', {
      account: '1250',
      fileName: 'x.qfx',
      text: CHECKING_AND_CARD,
    });
    expect(r.kind).toBe('refused');
    if (r.kind !== 'refused') return;
    expect(r.problems[0]!.message).toMatch(/and 000123456789 matches no bank account/);
  });

  it('refuses an IBAN already recorded on another bank account', async () => {
    const d = await books('EUR');
    await bankIds(d, '1200', 'Commerzbank current account', { iban: 'DE89370400440532013000' });
    await expect(
      bankIds(d, '1210', 'Sparkasse savings', { iban: 'DE89 3704 0044 0532 0130 00' }),
    ).rejects.toThrow(/already recorded on 1200 Commerzbank current account/);
    // Saving the same account again with its own IBAN is no clash.
    await bankIds(d, '1200', 'Commerzbank current account', { iban: 'DE89370400440532013000' });
  });

  it('refuses an IBAN with wrong check digits when the account is saved', async () => {
    const d = await books('EUR');
    await expect(
      bankIds(d, '1200', 'Commerzbank current account', { iban: 'DE88370400440532013000' }),
    ).rejects.toThrow(/not a valid IBAN/);
  });
});
