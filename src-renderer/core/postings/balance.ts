import { OutpostError } from '../errors';
import { formatMoney } from '../format';
import type { PostingLine } from './posting';

/** Base-currency totals of a set of lines. */
export function baseTotals(lines: readonly PostingLine[]): { debit: number; credit: number } {
  let debit = 0;
  let credit = 0;
  for (const l of lines) {
    debit += l.baseDebit;
    credit += l.baseCredit;
  }
  return { debit, credit };
}

/**
 * Refuses postings that do not balance in base currency, before anything is written: a ledger
 * that does not add up is the one thing an accounting product may never show. The message
 * names the difference in minor units of the base currency; the caller's own checks (a journal
 * editor's running total) normally catch it first in the user's words.
 */
export function assertBalanced(
  typeTitle: string,
  lines: readonly PostingLine[],
  baseCurrency: string,
): void {
  const { debit, credit } = baseTotals(lines);
  if (debit === credit) return;
  const diff = debit - credit;
  const side = diff > 0 ? 'debits exceed credits' : 'credits exceed debits';
  throw new OutpostError(
    'validation',
    `This ${typeTitle} does not balance: ${side} by ${formatMoney(Math.abs(diff), baseCurrency)}. Nothing was saved.`,
  );
}
