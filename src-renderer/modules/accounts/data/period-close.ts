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

/**
 * Year-end close: one posted entry on the last day of the year that brings every income and
 * expense account of this branch to zero against retained earnings. Run per branch, so each
 * branch's books close on their own device with their own numbers.
 */
export async function closeYear(s: ModuleContext, yearEnd: string): Promise<JournalEntry> {
  const date = parseOrThrow(isoDateSchema, yearEnd, 'The year was not closed.');
  const settings = await requireSettings(s);
  const locked = checkLockDate(date, settings.lockDate);
  if (locked) throw new OutpostError('validation', locked, { yearEnd: locked });
  await s.settle();
  const accounts = await repos(s).accounts.list();
  const kinds = new Map(accounts.map((a) => [a.code, a.kind]));
  const balances = await accountBalancesAsOf(s.index, date, s.config.branchCode);
  const lines = closingLines({
    balances: [...balances].map(([account, b]) => ({
      account,
      kind: kinds.get(account) ?? 'asset',
      baseBalance: b.debit - b.credit,
    })),
    retainedEarningsAccount: settings.retainedEarningsAccount,
  });
  if (lines.length === 0)
    throw new OutpostError(
      'validation',
      `There is nothing to close: income and expense accounts are already at zero on ${date}.`,
    );
  const company = await s.company();
  const number = await nextNumber(s, 'JE');
  const fields = stampPosted(
    s,
    {
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
    },
    number,
  );
  const created = await repos(s).journals.create(fields as never, s.config.branchCode);
  await s.settle();
  return created;
}
