import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ACME_INPUT, startTestDevice, type TestDevice } from '../../../core/testing/node-core';
import type { CsvMapping } from '../banking-contract';
import { accountsModule } from '../index';

/**
 * Every reader the import paths call is replaced by one that throws, the way a RangeError from
 * a bad character reference or a stack overflow used to escape: the import must refuse with a
 * clerk-readable problem and write nothing.
 */
const { boom } = vi.hoisted(() => ({
  boom: () => {
    throw new RangeError('Invalid code point 1114112');
  },
}));
vi.mock(import('../domain/io/journal-csv'), async (original) => ({
  ...(await original()),
  parseJournalCsv: boom,
}));
vi.mock(import('../domain/io/chart-csv'), async (original) => ({
  ...(await original()),
  parseChartCsv: boom,
}));
vi.mock(import('../domain/io/ofx'), async (original) => ({
  ...(await original()),
  parseOfx: boom,
  parseOfxAccounts: boom,
}));
vi.mock(import('../domain/io/camt053'), async (original) => ({
  ...(await original()),
  parseCamt053: boom,
  parseCamt053Accounts: boom,
}));
vi.mock(import('../domain/io/statement-csv'), async (original) => ({
  ...(await original()),
  parseStatementCsv: boom,
}));

const fixture = (name: string) =>
  readFileSync(join(__dirname, '../domain/io/fixtures', name), 'utf8');

let device: TestDevice | null = null;
afterEach(async () => {
  await device?.close();
  device = null;
});

async function company(): Promise<TestDevice> {
  const d = await startTestDevice(undefined, [accountsModule]);
  device = d;
  await d.call('setup.createCompany', ACME_INPUT);
  await d.call('accounts.setupStarterChart', undefined);
  return d;
}

const refusal = {
  line: 1,
  message: expect.stringMatching(
    /^The file could not be read, so nothing was imported\..*RangeError: Invalid code point 1114112/,
  ),
};

describe('an import whose reader throws', () => {
  it('refuses journal and chart CSV files and writes nothing', async () => {
    const d = await company();
    const accountsBefore = (await d.call('accounts.listAccounts', undefined)).length;
    const journal =
      'date,entry reference,account code,debit,credit,currency,memo,party,branch\r\n2026-04-02,R-1,6100,1250.00,,USD,April rent,,\r\n';
    expect(await d.call('accounts.importJournalCsv', { csv: journal })).toEqual({
      ok: false,
      written: 0,
      problems: [refusal],
      warnings: [],
    });
    expect(
      await d.call('accounts.importChartCsv', {
        csv: 'code,name,kind\r\n6150,Storage rent,expense\r\n',
      }),
    ).toEqual({
      ok: false,
      written: 0,
      problems: [refusal],
      warnings: [],
    });
    expect(await d.call('accounts.listAccounts', undefined)).toHaveLength(accountsBefore);
    expect((await d.call('accounts.listDocs', { type: 'journalEntry' })).total).toBe(0);
  });

  it('refuses OFX, camt.053 and CSV statements and writes nothing', async () => {
    const d = await company();
    const mapping: CsvMapping = {
      date: 'Buchungstag',
      amount: 'Betrag',
      description: 'Verwendungszweck',
      dateFormat: 'DD.MM.YYYY',
      decimalSeparator: ',',
    };
    for (const [fileName, text, extra] of [
      ['march.ofx', fixture('ofx1-checking.ofx'), {}],
      ['march.xml', fixture('camt053-v02.xml'), {}],
      ['march.csv', fixture('statement-de.csv'), { mapping }],
    ] as const) {
      const res = await d.call('banking.importStatement', {
        account: '1200',
        fileName,
        text,
        ...extra,
      });
      expect(res).toEqual({ kind: 'refused', problems: [refusal] });
    }
    expect(await d.call('banking.listStatements', {})).toEqual([]);
  });
});
