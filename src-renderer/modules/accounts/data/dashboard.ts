import type { IndexDb } from '../../../core/index/index-db';
import type { Account } from '../domain/schemas';
import { openItems } from './open-items';
import { ALL_BRANCHES, rollupsBetween } from './ledger-rollups';
import { accountBalancesAsOf } from './reports';
import type { AccountsDashboard } from '../rpc-contract';

const pad = (n: number) => String(n).padStart(2, '0');

/** The dashboard reads aggregates only: 12 month ranges and one balance, never the raw lines. */
export async function accountsDashboard(
  index: IndexDb,
  accounts: Account[],
  asOf: string,
  branch: string | null,
): Promise<AccountsDashboard> {
  const balances = await accountBalancesAsOf(index, asOf, branch);
  const kinds = new Map(accounts.map((a) => [a.code, a]));
  let cash = 0;
  for (const [code, t] of balances) {
    const a = kinds.get(code);
    if (a && (a.subtype === 'bank' || a.subtype === 'cash')) cash += t.debit - t.credit;
  }
  const [sales, purchases] = await Promise.all([
    openItems(index, { side: 'sales', branch, today: asOf, asOf }),
    openItems(index, { side: 'purchase', branch, today: asOf, asOf }),
  ]);
  const sum = (items: typeof sales, overdue: boolean) =>
    items.filter((i) => !overdue || i.status === 'overdue').reduce((n, i) => n + i.open, 0);

  // Twelve whole months: one read of their aggregates, grouped by month here.
  const [y, m] = asOf.split('-').map(Number) as [number, number];
  const monthKeys: string[] = [];
  for (let k = 11; k >= 0; k--) {
    const first = new Date(Date.UTC(y, m - 1 - k, 1));
    monthKeys.push(`${first.getUTCFullYear()}-${pad(first.getUTCMonth() + 1)}`);
  }
  const byMonth = new Map(monthKeys.map((key) => [key, { month: key, income: 0, expense: 0 }]));
  const rows = await rollupsBetween(
    index,
    branch ?? ALL_BRANCHES,
    'M',
    monthKeys[0]!,
    monthKeys[11]!,
  );
  for (const b of rows) {
    const a = kinds.get(b.account);
    const bucket = byMonth.get(b.period.slice(1))!;
    if (a?.kind === 'income') bucket.income += b.credit - b.debit;
    if (a?.kind === 'expense') bucket.expense += b.debit - b.credit;
  }
  const months = [...byMonth.values()];
  return {
    asOf,
    cash,
    receivables: sum(sales, false),
    overdueReceivables: sum(sales, true),
    payables: sum(purchases, false),
    overduePayables: sum(purchases, true),
    months,
  };
}
