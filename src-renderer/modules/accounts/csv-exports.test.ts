import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isFormulaRisk } from '../../core/csv';
import type { AgedRow } from './domain/aging';
import { readCsv } from './domain/io/csv';
import { journalCsvTemplate } from './domain/io/journal-csv';
import type {
  BalanceSheet,
  GeneralLedgerPage,
  ProfitAndLoss,
  TaxSummary,
  TrialBalance,
} from './rpc-contract';
import {
  balanceSheetCsv,
  generalLedgerCsv,
  profitAndLossCsv,
  taxSummaryCsv,
  trialBalanceCsv,
} from './ui/reports/csv';
import { agedCsv } from './ui/trade/aged-csv';
import { INVENTORY_EXPORTS } from '../inventory/ui/testing/export-attacks';

/**
 * Every CSV file the app writes, fed names and memos that a spreadsheet would run as formulas.
 * A new export must be added here: the source scan below fails until it is.
 */
const ATTACKS = [
  '=HYPERLINK("http://x","y")',
  "+cmd|' /C calc'!A0",
  '@SUM(A1:A9)',
  '-2+3',
  ' =HYPERLINK("http://x","y")',
  '\u00a0=1+1',
  '\t=1+1',
  '\uff1dHYPERLINK("http://x")',
];

const row = (name: string, i: number) => ({
  code: name,
  name,
  kind: 'asset',
  debit: 1000 + i,
  credit: 0,
  amount: -1250,
  compare: 5,
});

const EXPORTS: Record<string, (evil: string) => string> = {
  trialBalanceCsv: (evil) =>
    trialBalanceCsv(
      {
        asOf: '2026-03-31',
        rows: [row(evil, 1)],
        totalDebit: 1001,
        totalCredit: 1001,
      } as TrialBalance,
      'USD',
    ),
  profitAndLossCsv: (evil) =>
    profitAndLossCsv(
      {
        from: '2026-01-01',
        to: '2026-03-31',
        compare: { from: '2025-01-01', to: '2025-03-31' },
        sections: [{ title: 'Income', rows: [row(evil, 2)], total: -1250, compareTotal: 5 }],
        netProfit: -1250,
        compareNetProfit: 5,
      } as unknown as ProfitAndLoss,
      'USD',
    ),
  balanceSheetCsv: (evil) =>
    balanceSheetCsv(
      {
        asOf: '2026-03-31',
        compareAsOf: '2025-03-31',
        sections: [
          { title: 'Assets', rows: [row(evil, 3)], total: -1250, compareTotal: 5 },
          { title: 'Equity', rows: [row(evil, 4)], total: -1250, compareTotal: 5 },
        ],
        currentEarnings: 0,
        compareCurrentEarnings: 0,
        totalAssets: -1250,
        totalLiabilitiesAndEquity: -1250,
      } as unknown as BalanceSheet,
      'USD',
    ),
  generalLedgerCsv: (evil) =>
    generalLedgerCsv(
      {
        account: { code: '1200', name: evil, kind: 'asset' },
        from: '2026-01-01',
        to: '2026-01-31',
        opening: -250,
        rows: [
          { date: '2026-01-02', number: evil, memo: evil, debit: 1000, credit: 0, balance: 750 },
        ],
        total: 1,
        closing: 750,
      } as unknown as GeneralLedgerPage,
      'USD',
    ),
  taxSummaryCsv: (evil) =>
    taxSummaryCsv(
      {
        from: '2026-01-01',
        to: '2026-03-31',
        rows: [
          {
            code: evil,
            rateBp: 2000,
            salesNet: 10000,
            salesTax: 2000,
            purchaseNet: 0,
            purchaseTax: 0,
          },
        ],
        totalSalesTax: 2000,
        totalPurchaseTax: 0,
        netTax: -2000,
        ledgerMovement: [],
      } as TaxSummary,
      'USD',
    ),
  agedCsv: (evil) => {
    const rows: AgedRow[] = [
      {
        partyId: 'p1',
        buckets: { current: -500, '1-30': 0, '31-60': 0, '61-90': 0, '90+': 0 },
        total: -500,
      },
    ];
    return agedCsv(rows, () => evil, 'USD');
  },
  // Fixed content, but a CSV the app writes all the same.
  journalCsvTemplate: () => journalCsvTemplate(),
  // Inventory's stock reports (modules/inventory/ui/reports/csv.ts).
  ...INVENTORY_EXPORTS,
};

describe('every CSV export defuses formula cells', () => {
  for (const [name, make] of Object.entries(EXPORTS)) {
    it.each(ATTACKS)(`${name} with %j`, (evil) => {
      const csv = make(evil);
      const { rows, problems } = readCsv(csv, ',');
      expect(problems).toEqual([]);
      const cells = rows.flatMap((r) => r.fields);
      expect(cells.filter(isFormulaRisk)).toEqual([]);
      if (name !== 'journalCsvTemplate') expect(cells).toContain(`'${evil}`);
      // Money columns stay plain numbers a spreadsheet can add up (reorder suggestions have
      // only quantities).
      if (!['journalCsvTemplate', 'taxSummaryCsv', 'reorderCsv'].includes(name))
        expect(cells.some((c) => /^-?\d+\.\d\d$/.test(c))).toBe(true);
    });
  }
});

const ROOT = join(__dirname, '..', '..', '..');

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) sourceFiles(path, out);
    else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name)) out.push(path);
  }
  return out;
}

describe('no CSV is written by hand', () => {
  const files = [
    ...sourceFiles(join(ROOT, 'src-renderer')),
    ...sourceFiles(join(ROOT, 'src-main')),
  ];
  const rel = (f: string) => relative(ROOT, f).split('\\').join('/');

  it('doubles quotes for CSV only in core/csv.ts', () => {
    const offenders = files.filter(
      (f) => rel(f) !== 'src-renderer/core/csv.ts' && /['"`]""['"`]/.test(readFileSync(f, 'utf8')),
    );
    expect(offenders.map(rel)).toEqual([]);
  });

  it('knows every CSV-writing function', () => {
    const writers = files.flatMap((f) =>
      [...readFileSync(f, 'utf8').matchAll(/export (?:function|const) (\w*Csv\w*)/g)]
        .map((m) => m[1]!)
        // React hooks named after a CSV import (useImportJournalCsvMutation) call the core; they write nothing.
        .filter(
          (n) =>
            !/^(parse|read|guess|detect|use[A-Z])/.test(n) && n !== 'reportCsv' && n !== 'toCsv',
        ),
    );
    expect(writers.sort()).toEqual(Object.keys(EXPORTS).sort());
  });

  it('saves .csv files only with data from a known writer', () => {
    const unknown: string[] = [];
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      if (!/\.csv['"`]/.test(text)) continue;
      for (const m of text.matchAll(/\bdata:\s*(\w+)\(/g))
        if (!(m[1]! in EXPORTS)) unknown.push(`${rel(f)}: ${m[1]}`);
    }
    expect(unknown).toEqual([]);
  });
});
