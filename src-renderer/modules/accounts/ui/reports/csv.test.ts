import { describe, expect, it } from 'vitest';
import type {
  BalanceSheet,
  GeneralLedgerPage,
  ProfitAndLoss,
  TrialBalance,
} from '../../rpc-contract';
import {
  balanceSheetCsv,
  csvAmount,
  generalLedgerCsv,
  profitAndLossCsv,
  toCsv,
  trialBalanceCsv,
} from './csv';

describe('toCsv', () => {
  it('quotes only fields that need it and doubles quotes', () => {
    expect(toCsv([['plain', 'a,b', 'say "hi"', 'two\nlines', 'cr\rhere', 12]])).toBe(
      'plain,"a,b","say ""hi""","two\nlines","cr\rhere",12\r\n',
    );
  });

  it('ends every record with CRLF and keeps empty fields', () => {
    expect(
      toCsv([
        ['a', ''],
        ['', 'b'],
      ]),
    ).toBe('a,\r\n,b\r\n');
    expect(toCsv([])).toBe('');
  });
});

describe('csvAmount', () => {
  it('writes exact decimals from minor units', () => {
    expect(csvAmount(123450, 'USD')).toBe('1234.50');
    expect(csvAmount(-7, 'USD')).toBe('-0.07');
    expect(csvAmount(0, 'USD')).toBe('0.00');
    expect(csvAmount(1234, 'JPY')).toBe('1234');
    expect(csvAmount(1005, 'KWD')).toBe('1.005');
    // 0.1 + 0.2 style float drift cannot happen: large amounts stay exact.
    expect(csvAmount(9_007_199_254_740_991, 'USD')).toBe('90071992547409.91');
  });
});

describe('report CSVs', () => {
  it('trial balance', () => {
    const tb: TrialBalance = {
      asOf: '2026-03-31',
      rows: [
        { code: '1000', name: 'Cash, main', kind: 'asset', debit: 10010, credit: 0 },
        { code: '3000', name: 'Capital', kind: 'equity', debit: 0, credit: 10010 },
      ],
      totalDebit: 10010,
      totalCredit: 10010,
    };
    expect(trialBalanceCsv(tb, 'USD')).toBe(
      'Code,Account,Debit (USD),Credit (USD)\r\n1000,"Cash, main",100.10,0.00\r\n3000,Capital,0.00,100.10\r\n,Total,100.10,100.10\r\n',
    );
  });

  it('profit and loss with comparison', () => {
    const pl: ProfitAndLoss = {
      from: '2026-04-01',
      to: '2026-06-30',
      compare: { from: '2026-01-01', to: '2026-03-31' },
      sections: [
        {
          title: 'Income',
          rows: [
            {
              code: '4000',
              name: 'Sales',
              kind: 'income',
              subtype: 'sales',
              amount: 5001,
              compare: 3,
            } as never,
          ],
          total: 5001,
          compareTotal: 3,
        },
      ],
      netProfit: 5001,
      compareNetProfit: 3,
    };
    expect(profitAndLossCsv(pl, 'USD').split('\r\n')).toEqual([
      'Section,Code,Account,2026-04-01 to 2026-06-30 (USD),2026-01-01 to 2026-03-31 (USD)',
      'Income,4000,Sales,50.01,0.03',
      'Income,,Total income,50.01,0.03',
      ',,Net profit,50.01,0.03',
      '',
    ]);
  });

  it('balance sheet adds current year earnings to equity', () => {
    const bs: BalanceSheet = {
      asOf: '2026-03-31',
      compareAsOf: null,
      sections: [
        { title: 'Assets', rows: [], total: 300 },
        { title: 'Liabilities', rows: [], total: 100 },
        { title: 'Equity', rows: [], total: 150 },
      ],
      currentEarnings: 50,
      totalAssets: 300,
      totalLiabilitiesAndEquity: 300,
    };
    const lines = balanceSheetCsv(bs, 'USD').split('\r\n');
    expect(lines).toContain('Equity,,Current year earnings,0.50');
    expect(lines).toContain('Equity,,Total equity,2.00');
    expect(lines).toContain(',,Total liabilities and equity,3.00');
  });

  it('general ledger with opening and closing', () => {
    const gl = {
      account: { code: '1000', name: 'Cash', kind: 'asset' },
      from: '2026-01-01',
      to: '2026-01-31',
      opening: -250,
      rows: [
        {
          date: '2026-01-02',
          number: 'JE-1',
          memo: 'Float "petty"',
          debit: 1000,
          credit: 0,
          balance: 750,
        },
      ],
      total: 1,
      closing: 750,
    } as unknown as GeneralLedgerPage;
    expect(generalLedgerCsv(gl, 'USD').split('\r\n')).toEqual([
      'Date,Number,Memo,Debit (USD),Credit (USD),Balance (USD)',
      '2026-01-01,,Opening balance,,,-2.50',
      '2026-01-02,JE-1,"Float ""petty""",10.00,0.00,7.50',
      '2026-01-31,,Closing balance,,,7.50',
      '',
    ]);
  });
});
