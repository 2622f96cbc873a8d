import { addDays } from '../../../core/dates';
import type { IndexDb } from '../../../core/index/index-db';
import type { Account } from '../domain/schemas';
import type {
  BalanceSheet,
  ProfitAndLoss,
  ReportAccountRow,
  ReportSection,
  TrialBalance,
} from '../rpc-contract';
import { ledgerTables, type LedgerRow } from './ledger-rows';
import { accountBalancesAsOf, add, sumRange, type Totals } from './report-sums';

/**
 * Reports read the index only (DESIGN §4; the sums are in report-sums.ts). Amounts are base
 * currency minor units, debit-positive inside; sections flip the sign where a reader expects
 * credits to read positive (income, liabilities, equity).
 */
export { accountBalancesAsOf, sumRange, type Totals };
export { generalLedger } from './general-ledger';

const byCode = (a: { code: string }, b: { code: string }) =>
  a.code < b.code ? -1 : a.code > b.code ? 1 : 0;

export async function trialBalance(
  index: IndexDb,
  accounts: Account[],
  asOf: string,
  branch: string | null,
): Promise<TrialBalance> {
  const totals = await accountBalancesAsOf(index, asOf, branch);
  const info = new Map(accounts.map((a) => [a.code, a]));
  const rows = [...totals]
    .map(([code, t]) => {
      const net = t.debit - t.credit;
      const a = info.get(code);
      return {
        code,
        name: a?.name ?? '(unknown account)',
        kind: a?.kind ?? 'asset',
        debit: net > 0 ? net : 0,
        credit: net < 0 ? -net : 0,
      };
    })
    .filter((r) => r.debit !== 0 || r.credit !== 0)
    .sort(byCode);
  return {
    asOf,
    rows,
    totalDebit: rows.reduce((n, r) => n + r.debit, 0),
    totalCredit: rows.reduce((n, r) => n + r.credit, 0),
  };
}

function section(
  title: string,
  accounts: Account[],
  main: Totals,
  compare: Totals | null,
  sign: 1 | -1,
): ReportSection {
  const rows: ReportAccountRow[] = [];
  for (const a of [...accounts].sort(byCode)) {
    const t = main.get(a.code);
    const c = compare?.get(a.code);
    const amount = t ? sign * (t.debit - t.credit) : 0;
    const cmp = c ? sign * (c.debit - c.credit) : 0;
    if (amount === 0 && cmp === 0) continue;
    rows.push({
      code: a.code,
      name: a.name,
      kind: a.kind,
      subtype: a.subtype,
      amount,
      ...(compare ? { compare: cmp } : {}),
    });
  }
  return {
    title,
    rows,
    total: rows.reduce((n, r) => n + r.amount, 0),
    ...(compare ? { compareTotal: rows.reduce((n, r) => n + (r.compare ?? 0), 0) } : {}),
  };
}

/**
 * The year-end closing entries (and reversals of them) posted in from..to, as totals to take
 * off a P&L: a closed year must still show what it earned. Every closing entry carries a line
 * on an equity account (retained earnings), and equity accounts see few lines, so those lines
 * find the candidates without reading every journal entry of the range.
 */
export async function closingTotals(
  index: IndexDb,
  accounts: Account[],
  from: string,
  to: string,
  branch: string | null,
): Promise<Totals> {
  const totals: Totals = new Map();
  for (const l of await closingLinesIn(index, accounts, from, to, branch))
    add(totals, l.account, l.debit, l.credit);
  return totals;
}

async function closingLinesIn(
  index: IndexDb,
  accounts: Account[],
  from: string,
  to: string,
  branch: string | null,
): Promise<LedgerRow[]> {
  if (from > to) return [];
  const { lines, docs } = ledgerTables(index);
  const equity = accounts.filter((a) => a.kind === 'equity' && !a.isGroup).map((a) => a.code);
  if (equity.length === 0) return [];
  const candidates = await lines.onAccounts(equity, from, to);
  const ids = [...new Set(candidates.map((l) => l.docId))];
  if (ids.length === 0) return [];
  const rows = (await docs.bulkGet(ids)).filter((d) => d !== undefined);
  const reversed = rows.map((d) => d.reverses).filter((r): r is string => !!r);
  const reversedKinds = new Map(
    (await docs.bulkGet(reversed)).filter((d) => d !== undefined).map((d) => [d.id, d.kind]),
  );
  const closing = rows
    .filter(
      (d) =>
        d.kind === 'closing' ||
        (d.reverses !== null && reversedKinds.get(d.reverses) === 'closing'),
    )
    .map((d) => d.id);
  if (closing.length === 0) return [];
  return (await lines.ofDocs(closing)).filter(
    (l) => l.date >= from && l.date <= to && (!branch || l.branch === branch),
  );
}

/** What a P&L reads: the range's totals without the year-end closing entries. */
async function earningsRange(
  index: IndexDb,
  accounts: Account[],
  from: string,
  to: string,
  branch: string | null,
): Promise<Totals> {
  const totals = await sumRange(index, from, to, branch);
  for (const [account, c] of await closingTotals(index, accounts, from, to, branch))
    add(totals, account, -c.debit, -c.credit);
  return totals;
}

export async function profitAndLoss(
  index: IndexDb,
  accounts: Account[],
  q: { from: string; to: string; compareFrom?: string; compareTo?: string; branch: string | null },
): Promise<ProfitAndLoss> {
  const main = await earningsRange(index, accounts, q.from, q.to, q.branch);
  const compare =
    q.compareFrom && q.compareTo
      ? await earningsRange(index, accounts, q.compareFrom, q.compareTo, q.branch)
      : null;
  const leaf = accounts.filter((a) => !a.isGroup);
  const income = section(
    'Income',
    leaf.filter((a) => a.kind === 'income'),
    main,
    compare,
    -1,
  );
  const cos = section(
    'Cost of sales',
    leaf.filter((a) => a.subtype === 'cost-of-sales'),
    main,
    compare,
    1,
  );
  const expenses = section(
    'Expenses',
    leaf.filter((a) => a.kind === 'expense' && a.subtype !== 'cost-of-sales'),
    main,
    compare,
    1,
  );
  return {
    from: q.from,
    to: q.to,
    compare: compare ? { from: q.compareFrom!, to: q.compareTo! } : null,
    sections: [income, cos, expenses],
    netProfit: income.total - cos.total - expenses.total,
    ...(compare
      ? {
          compareNetProfit:
            (income.compareTotal ?? 0) - (cos.compareTotal ?? 0) - (expenses.compareTotal ?? 0),
        }
      : {}),
  };
}

function unclosedEarnings(totals: Totals, accounts: Account[]): number {
  let n = 0;
  for (const a of accounts) {
    if (a.kind !== 'income' && a.kind !== 'expense') continue;
    const t = totals.get(a.code);
    if (t) n += t.credit - t.debit;
  }
  return n;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The first day of the fiscal year that `date` falls in (the year starts on the 1st of `startMonth`). */
export function fiscalYearStart(date: string, startMonth: number): string {
  const year = Number(date.slice(0, 4));
  const start = `${year}-${pad(startMonth)}-01`;
  return start <= date ? start : `${year - 1}-${pad(startMonth)}-01`;
}

/**
 * Earnings not closed into retained earnings, split at the start of the fiscal year: earlier
 * years that were never closed are retained earnings in all but the entry, and only this
 * year's are current year earnings.
 */
async function splitEarnings(
  index: IndexDb,
  leaf: Account[],
  total: Totals,
  asOf: string,
  startMonth: number,
  branch: string | null,
): Promise<{ current: number; prior: number }> {
  // A close inside this fiscal year (a year-end on the report date, or a late close) has
  // closed everything up to its date: only what was earned after it is current.
  let from = fiscalYearStart(asOf, startMonth);
  for (const l of await closingLinesIn(index, leaf, from, asOf, branch))
    if (l.date >= from) from = addDays(l.date, 1);
  const current =
    from > asOf ? 0 : unclosedEarnings(await earningsRange(index, leaf, from, asOf, branch), leaf);
  return { current, prior: unclosedEarnings(total, leaf) - current };
}

export async function balanceSheet(
  index: IndexDb,
  accounts: Account[],
  q: { asOf: string; compareAsOf?: string; branch: string | null; fiscalYearStartMonth?: number },
): Promise<BalanceSheet> {
  const main = await accountBalancesAsOf(index, q.asOf, q.branch);
  const compare = q.compareAsOf ? await accountBalancesAsOf(index, q.compareAsOf, q.branch) : null;
  const startMonth = q.fiscalYearStartMonth ?? 1;
  const leaf = accounts.filter((a) => !a.isGroup);
  const assets = section(
    'Assets',
    leaf.filter((a) => a.kind === 'asset'),
    main,
    compare,
    1,
  );
  const liabilities = section(
    'Liabilities',
    leaf.filter((a) => a.kind === 'liability'),
    main,
    compare,
    -1,
  );
  const equity = section(
    'Equity',
    leaf.filter((a) => a.kind === 'equity'),
    main,
    compare,
    -1,
  );
  const earnings = await splitEarnings(index, leaf, main, q.asOf, startMonth, q.branch);
  const cmp =
    compare && q.compareAsOf
      ? await splitEarnings(index, leaf, compare, q.compareAsOf, startMonth, q.branch)
      : null;
  return {
    asOf: q.asOf,
    compareAsOf: q.compareAsOf ?? null,
    sections: [assets, liabilities, equity],
    currentEarnings: earnings.current,
    unclosedRetainedEarnings: earnings.prior,
    ...(cmp
      ? { compareCurrentEarnings: cmp.current, compareUnclosedRetainedEarnings: cmp.prior }
      : {}),
    totalAssets: assets.total,
    totalLiabilitiesAndEquity: liabilities.total + equity.total + earnings.current + earnings.prior,
  };
}
