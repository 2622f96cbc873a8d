import { OutpostError } from '../../../core/errors';
import { parseOrThrow } from '../../../core/db/validation';
import type { ModuleContext } from '../../../core/module-context';
import { checkLockDate, closingLines } from '../domain/journal';
import {
  isoDateSchema,
  LEDGER_SETTINGS_ID,
  type JournalEntry,
  type LedgerSettings,
} from '../domain/schemas';
import { nextNumber, stampPosted } from './journal-entries';
import { repos, requireSettings } from './ledger-repos';
import { accountBalancesAsOf } from './reports';

/** Closing periods: the lock date, and the year-end entry that zeroes income and expense. */

export async function setLockDate(
  s: ModuleContext,
  lockDate: string | null,
): Promise<LedgerSettings> {
  const value =
    lockDate === null
      ? null
      : parseOrThrow(isoDateSchema, lockDate, 'The lock date was not changed.');
  await requireSettings(s);
  return repos(s).settings.update(LEDGER_SETTINGS_ID, { lockDate: value });
}

export type ClosingFields = Parameters<typeof stampPosted>[1];

/** Checks the year-end date against the lock, before anything is read or written. */
export async function closeDate(s: ModuleContext, yearEnd: string): Promise<string> {
  const date = parseOrThrow(isoDateSchema, yearEnd, 'The year was not closed.');
  const settings = await requireSettings(s);
  const locked = checkLockDate(date, settings.lockDate);
  if (locked) throw new OutpostError('validation', locked, { yearEnd: locked });
  return date;
}

/**
 * The closing entry of one branch on `date`, not yet numbered or written; null when the
 * branch's income and expense accounts are already at zero.
 */
export async function buildClosingEntry(
  s: ModuleContext,
  date: string,
  branch: string,
): Promise<ClosingFields | null> {
  const settings = await requireSettings(s);
  const accounts = await repos(s).accounts.list();
  const kinds = new Map(accounts.map((a) => [a.code, a.kind]));
  const balances = await accountBalancesAsOf(s.index, date, branch);
  const lines = closingLines({
    balances: [...balances].map(([account, b]) => ({
      account,
      kind: kinds.get(account) ?? 'asset',
      baseBalance: b.debit - b.credit,
    })),
    retainedEarningsAccount: settings.retainedEarningsAccount,
  });
  if (lines.length === 0) return null;
  const company = await s.company();
  return {
    number: null,
    date,
    memo: `Year-end close ${date}`,
    reference: '',
    status: 'posted',
    kind: 'closing',
    currency: company.baseCurrency,
    rate: '1',
    lines,
    reverses: null,
    postedAt: null,
    postedBy: null,
  };
}

/**
 * Year-end close: one posted entry on the last day of the year that brings every income and
 * expense account of this branch to zero against retained earnings. Head office closes every
 * branch it holds at once (year-close-branches.ts).
 */
export async function closeYear(s: ModuleContext, yearEnd: string): Promise<JournalEntry> {
  const date = await closeDate(s, yearEnd);
  await s.settle();
  const entry = await buildClosingEntry(s, date, s.config.branchCode);
  if (!entry)
    throw new OutpostError(
      'validation',
      `There is nothing to close: income and expense accounts are already at zero on ${date}.`,
    );
  const number = await nextNumber(s, 'JE');
  const fields = stampPosted(s, entry, number);
  const created = await repos(s).journals.create(fields as never, s.config.branchCode);
  await s.settle();
  return created;
}
