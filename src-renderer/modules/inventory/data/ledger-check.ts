import type { ModuleContext } from '../../../core/module-context';
import { accountBalance } from '../../accounts';
import { todayLocal } from '../../../core/dates';
import { loadStockAccounts } from './settings-accounts';
import { valuation } from './stock-queries';

export interface LedgerCheckQuery {
  /** Default today. */
  asOf?: string | null;
  /** One branch's books and stock; none: the whole company. */
  branch?: string | null;
}

export interface LedgerCheckResult {
  asOf: string;
  /** The valuation report's total (minor units of the base currency). */
  valuation: number;
  /** What the inventory accounts hold in the ledger on that day. */
  books: number;
  /** books − valuation: 0 when they agree. */
  difference: number;
  /** The inventory accounts read: the settings' default and every item's own. */
  accounts: string[];
  /** Stock accounts still to choose: until then stock moves post nothing. */
  missing: string[];
}

/**
 * The check the issue asks the dashboard to show: the inventory accounts in the ledger equal
 * the valuation report. Stock moves post exactly what the fold moved (stock-ledger.ts), so a
 * difference means something else touched those accounts — a journal entry by hand, an
 * opening balance — or the accounts are not all chosen yet; the dashboard says which.
 */
export async function ledgerCheck(
  s: ModuleContext,
  q: LedgerCheckQuery,
): Promise<LedgerCheckResult> {
  const asOf = q.asOf || todayLocal();
  const branch = q.branch ?? null;
  const { accounts, missing } = await loadStockAccounts(s);
  const codes = [
    ...new Set(
      [accounts.defaultInventory, ...[...accounts.items.values()].map((i) => i.inventory)].filter(
        Boolean,
      ),
    ),
  ].sort();
  await s.settle();
  const [stock, books] = await Promise.all([
    valuation(s, { asOf, branch }),
    codes.length ? accountBalance(s, codes, asOf, branch) : Promise.resolve(0),
  ]);
  return {
    asOf,
    valuation: stock.total,
    books,
    difference: books - stock.total,
    accounts: codes,
    missing,
  };
}
