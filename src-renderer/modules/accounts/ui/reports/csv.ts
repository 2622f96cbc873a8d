import { toCsv, type CsvCell } from '../../../../core/csv';
import { money, toDecimalString } from '../../../../core/money';
import type {
  BalanceSheet,
  GeneralLedgerPage,
  ProfitAndLoss,
  ReportSection,
  TaxSummary,
  TrialBalance,
} from '../../rpc-contract';

// Every cell goes through core/csv's toCsv, which defuses formula-like text (memos, names).
export { toCsv, type CsvCell };

/** Exact plain decimal for minor units ("-1234.50"); never goes through a float. */
export function csvAmount(minor: number, currency: string): string {
  return toDecimalString(money(minor, currency));
}

export function trialBalanceCsv(tb: TrialBalance, currency: string): string {
  const a = (n: number) => csvAmount(n, currency);
  return toCsv([
    ['Code', 'Account', `Debit (${currency})`, `Credit (${currency})`],
    ...tb.rows.map((r) => [r.code, r.name, a(r.debit), a(r.credit)]),
    ['', 'Total', a(tb.totalDebit), a(tb.totalCredit)],
  ]);
}

function sectionRows(s: ReportSection, currency: string, withCompare: boolean): CsvCell[][] {
  const a = (n: number) => csvAmount(n, currency);
  const rows: CsvCell[][] = s.rows.map((r) => [
    s.title,
    r.code,
    r.name,
    a(r.amount),
    ...(withCompare ? [a(r.compare ?? 0)] : []),
  ]);
  rows.push([
    s.title,
    '',
    `Total ${s.title.toLowerCase()}`,
    a(s.total),
    ...(withCompare ? [a(s.compareTotal ?? 0)] : []),
  ]);
  return rows;
}

export function profitAndLossCsv(pl: ProfitAndLoss, currency: string): string {
  const a = (n: number) => csvAmount(n, currency);
  const cmp = pl.compare !== null;
  return toCsv([
    [
      'Section',
      'Code',
      'Account',
      `${pl.from} to ${pl.to} (${currency})`,
      ...(pl.compare ? [`${pl.compare.from} to ${pl.compare.to} (${currency})`] : []),
    ],
    ...pl.sections.flatMap((s) => sectionRows(s, currency, cmp)),
    ['', '', 'Net profit', a(pl.netProfit), ...(cmp ? [a(pl.compareNetProfit ?? 0)] : [])],
  ]);
}

export function balanceSheetCsv(bs: BalanceSheet, currency: string): string {
  const a = (n: number) => csvAmount(n, currency);
  const cmp = bs.compareAsOf !== null;
  const extra = (n: number | undefined) => (cmp ? [a(n ?? 0)] : []);
  const rows: CsvCell[][] = [
    [
      'Section',
      'Code',
      'Account',
      `As of ${bs.asOf} (${currency})`,
      ...(bs.compareAsOf ? [`As of ${bs.compareAsOf} (${currency})`] : []),
    ],
  ];
  for (const s of bs.sections) {
    if (s.title !== 'Equity') {
      rows.push(...sectionRows(s, currency, cmp));
      continue;
    }
    rows.push(...s.rows.map((r) => [s.title, r.code, r.name, a(r.amount), ...extra(r.compare)]));
    const prior = bs.unclosedRetainedEarnings ?? 0;
    const comparePrior = bs.compareUnclosedRetainedEarnings ?? 0;
    if (prior !== 0 || comparePrior !== 0)
      rows.push([
        s.title,
        '',
        'Retained earnings (years not closed)',
        a(prior),
        ...extra(cmp ? comparePrior : undefined),
      ]);
    rows.push([
      s.title,
      '',
      'Current year earnings',
      a(bs.currentEarnings),
      ...extra(bs.compareCurrentEarnings),
    ]);
    rows.push([
      s.title,
      '',
      'Total equity',
      a(s.total + bs.currentEarnings + prior),
      ...(cmp ? [a((s.compareTotal ?? 0) + (bs.compareCurrentEarnings ?? 0) + comparePrior)] : []),
    ]);
  }
  rows.push(['', '', 'Total assets', a(bs.totalAssets)]);
  rows.push(['', '', 'Total liabilities and equity', a(bs.totalLiabilitiesAndEquity)]);
  return toCsv(rows);
}

/** The ledger for the rows given (pass the whole period's rows, not one screen's page). */
export function generalLedgerCsv(gl: GeneralLedgerPage, currency: string): string {
  const a = (n: number) => csvAmount(n, currency);
  return toCsv([
    [
      'Date',
      'Number',
      'Memo',
      `Debit (${currency})`,
      `Credit (${currency})`,
      `Balance (${currency})`,
    ],
    [gl.from, '', 'Opening balance', '', '', a(gl.opening)],
    ...gl.rows.map((r) => [r.date, r.number, r.memo, a(r.debit), a(r.credit), a(r.balance)]),
    [gl.to, '', 'Closing balance', '', '', a(gl.closing)],
  ]);
}

export function taxSummaryCsv(tax: TaxSummary, currency: string): string {
  const a = (n: number) => csvAmount(n, currency);
  return toCsv([
    ['Tax code', 'Rate %', 'Sales net', 'Output tax', 'Purchases net', 'Input tax'],
    ...tax.rows.map((r) => [
      r.code,
      (r.rateBp / 100).toFixed(2),
      a(r.salesNet),
      a(r.salesTax),
      a(r.purchaseNet),
      a(r.purchaseTax),
    ]),
    ['Total', '', '', a(tax.totalSalesTax), '', a(tax.totalPurchaseTax)],
    ['Net tax payable', '', '', a(tax.netTax), '', ''],
  ]);
}

export const reportCsv = {
  trialBalance: trialBalanceCsv,
  profitAndLoss: profitAndLossCsv,
  balanceSheet: balanceSheetCsv,
  generalLedger: generalLedgerCsv,
  taxSummary: taxSummaryCsv,
};
