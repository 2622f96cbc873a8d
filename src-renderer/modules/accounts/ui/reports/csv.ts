import { money, toDecimalString } from '../../../../core/money';
import type { BalanceSheet, GeneralLedgerPage, ProfitAndLoss, ReportSection, TrialBalance } from '../../rpc-contract';

export type CsvCell = string | number;

/** RFC 4180: a field holding a comma, quote or line break is quoted, quotes doubled; CRLF ends every record. */
export function csvField(cell: CsvCell): string {
  const text = typeof cell === 'number' ? String(cell) : cell;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: CsvCell[][]): string {
  return rows.map((r) => r.map(csvField).join(',') + '\r\n').join('');
}

/**
 * Free text from the books (memos, names) that a spreadsheet would run as a formula gets a
 * leading apostrophe, so an exported file cannot execute anything when opened.
 */
export function csvText(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** Exact plain decimal for minor units ("-1234.50"); never goes through a float. */
export function csvAmount(minor: number, currency: string): string {
  return toDecimalString(money(minor, currency));
}

export function trialBalanceCsv(tb: TrialBalance, currency: string): string {
  const a = (n: number) => csvAmount(n, currency);
  return toCsv([
    ['Code', 'Account', `Debit (${currency})`, `Credit (${currency})`],
    ...tb.rows.map((r) => [r.code, csvText(r.name), a(r.debit), a(r.credit)]),
    ['', 'Total', a(tb.totalDebit), a(tb.totalCredit)],
  ]);
}

function sectionRows(s: ReportSection, currency: string, withCompare: boolean): CsvCell[][] {
  const a = (n: number) => csvAmount(n, currency);
  const rows: CsvCell[][] = s.rows.map((r) => [s.title, r.code, csvText(r.name), a(r.amount), ...(withCompare ? [a(r.compare ?? 0)] : [])]);
  rows.push([s.title, '', `Total ${s.title.toLowerCase()}`, a(s.total), ...(withCompare ? [a(s.compareTotal ?? 0)] : [])]);
  return rows;
}

export function profitAndLossCsv(pl: ProfitAndLoss, currency: string): string {
  const a = (n: number) => csvAmount(n, currency);
  const cmp = pl.compare !== null;
  return toCsv([
    ['Section', 'Code', 'Account', `${pl.from} to ${pl.to} (${currency})`, ...(pl.compare ? [`${pl.compare.from} to ${pl.compare.to} (${currency})`] : [])],
    ...pl.sections.flatMap((s) => sectionRows(s, currency, cmp)),
    ['', '', 'Net profit', a(pl.netProfit), ...(cmp ? [a(pl.compareNetProfit ?? 0)] : [])],
  ]);
}

export function balanceSheetCsv(bs: BalanceSheet, currency: string): string {
  const a = (n: number) => csvAmount(n, currency);
  const cmp = bs.compareAsOf !== null;
  const extra = (n: number | undefined) => (cmp ? [a(n ?? 0)] : []);
  const rows: CsvCell[][] = [['Section', 'Code', 'Account', `As of ${bs.asOf} (${currency})`, ...(bs.compareAsOf ? [`As of ${bs.compareAsOf} (${currency})`] : [])]];
  for (const s of bs.sections) {
    if (s.title !== 'Equity') {
      rows.push(...sectionRows(s, currency, cmp));
      continue;
    }
    rows.push(...s.rows.map((r) => [s.title, r.code, csvText(r.name), a(r.amount), ...extra(r.compare)]));
    rows.push([s.title, '', 'Current year earnings', a(bs.currentEarnings), ...extra(bs.compareCurrentEarnings)]);
    rows.push([
      s.title,
      '',
      'Total equity',
      a(s.total + bs.currentEarnings),
      ...(cmp ? [a((s.compareTotal ?? 0) + (bs.compareCurrentEarnings ?? 0))] : []),
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
    ['Date', 'Number', 'Memo', `Debit (${currency})`, `Credit (${currency})`, `Balance (${currency})`],
    [gl.from, '', 'Opening balance', '', '', a(gl.opening)],
    ...gl.rows.map((r) => [r.date, csvText(r.number), csvText(r.memo), a(r.debit), a(r.credit), a(r.balance)]),
    [gl.to, '', 'Closing balance', '', '', a(gl.closing)],
  ]);
}

export const reportCsv = {
  trialBalance: trialBalanceCsv,
  profitAndLoss: profitAndLossCsv,
  balanceSheet: balanceSheetCsv,
  generalLedger: generalLedgerCsv,
};
