import { isIsoDate } from '../../../core/dates';
import { assertMinor, imbalanceMessage, sumBy } from './amounts';
import type { AccountKind, LedgerLine } from './schemas';

export interface Difference {
  debit: number;
  credit: number;
  /** debit − credit: positive when debits exceed credits. */
  difference: number;
}

/** Totals in the base currency: the figures the trial balance and reports add up. */
export function entryDifference(
  lines: readonly Pick<LedgerLine, 'baseDebit' | 'baseCredit'>[],
): Difference {
  const debit = sumBy(lines, (l) => l.baseDebit);
  const credit = sumBy(lines, (l) => l.baseCredit);
  return { debit, credit, difference: debit - credit };
}

/** Totals in the document's own currency. */
export function docDifference(lines: readonly Pick<LedgerLine, 'debit' | 'credit'>[]): Difference {
  const debit = sumBy(lines, (l) => l.debit);
  const credit = sumBy(lines, (l) => l.credit);
  return { debit, credit, difference: debit - credit };
}

/**
 * Refuses an entry that does not balance, in its own currency and then in base, with a sentence a
 * clerk can act on. The document currency is checked first because that is what the clerk typed.
 */
export function assertBalanced(
  lines: readonly Pick<LedgerLine, 'debit' | 'credit' | 'baseDebit' | 'baseCredit'>[],
  currency: string,
  baseCurrency: string = currency,
): void {
  const doc = docDifference(lines);
  if (doc.difference !== 0) throw new Error(imbalanceMessage(doc.difference, currency));
  const base = entryDifference(lines);
  if (base.difference !== 0)
    throw new Error(imbalanceMessage(base.difference, baseCurrency, ' in the base currency'));
}

/** Facts never change, so a mistake is undone by posting its mirror image. */
export function reversalLines(lines: readonly LedgerLine[]): LedgerLine[] {
  return lines.map((l) => ({
    ...l,
    debit: l.credit,
    credit: l.debit,
    baseDebit: l.baseCredit,
    baseCredit: l.baseDebit,
  }));
}

/** Null when `date` may be posted; otherwise the sentence to show. */
export function checkLockDate(date: string, lockDate: string | null): string | null {
  if (!isIsoDate(date)) return `"${date}" is not a date: use a date like 2026-03-31.`;
  if (lockDate === null) return null;
  // ISO calendar dates compare correctly as text.
  if (date <= lockDate) {
    return `The books are locked up to ${lockDate}: choose a later date, or ask an administrator to move the lock date.`;
  }
  return null;
}

export interface ClosingBalance {
  account: string;
  kind: AccountKind;
  /** Base currency minor units, debit-positive (an income account is usually negative). */
  baseBalance: number;
  /** Closing per branch keeps each branch's retained earnings its own; null = company-wide. */
  branch?: string | null;
}

/**
 * Year-end close: brings every income and expense account to zero against retained earnings.
 * Lines are in base currency (document currency = base), so debit = baseDebit. Balance-sheet
 * accounts carry forward and are left alone. Rows for the same account (and branch) are added.
 */
export function closingLines(input: {
  balances: readonly ClosingBalance[];
  retainedEarningsAccount: string;
}): LedgerLine[] {
  const { balances, retainedEarningsAccount } = input;
  const byKey = new Map<string, { account: string; branch: string | null; balance: number }>();
  for (const b of balances) {
    if (b.kind !== 'income' && b.kind !== 'expense') continue;
    assertMinor(b.baseBalance, 'Balance');
    const branch = b.branch ?? null;
    const key = `${branch ?? ''}\u0000${b.account}`;
    const row = byKey.get(key) ?? { account: b.account, branch, balance: 0 };
    row.balance += b.baseBalance;
    byKey.set(key, row);
  }

  const rows = [...byKey.values()].filter((r) => r.balance !== 0);
  // Sorted so the same balances always close with the same entry, whichever device runs it.
  rows.sort(
    (a, b) => compareText(a.branch ?? '', b.branch ?? '') || compareText(a.account, b.account),
  );

  const lines: LedgerLine[] = [];
  const profitByBranch = new Map<string | null, number>();
  for (const r of rows) {
    lines.push(baseLine(r.account, -r.balance, r.branch));
    // Debit-positive balances: −Σ is the profit (income credits outweigh expense debits).
    profitByBranch.set(r.branch, (profitByBranch.get(r.branch) ?? 0) - r.balance);
  }
  for (const [branch, profit] of profitByBranch) {
    if (profit !== 0)
      lines.push(baseLine(retainedEarningsAccount, -profit, branch, 'Profit for the year'));
  }
  return lines;
}

/** A base-currency line from a debit-positive amount. */
function baseLine(
  account: string,
  debitPositive: number,
  branch: string | null,
  memo = 'Year-end close',
): LedgerLine {
  const debit = debitPositive > 0 ? debitPositive : 0;
  const credit = debitPositive < 0 ? -debitPositive : 0;
  return {
    account,
    debit,
    credit,
    baseDebit: debit,
    baseCredit: credit,
    party: null,
    memo,
    branch,
  };
}

/** Code-point order, not locale order: the result must not depend on the clerk's language. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
