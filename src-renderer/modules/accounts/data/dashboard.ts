import type { IndexDb } from '../../../core/index/index-db';
import type { Account } from '../domain/schemas';
import { openItems } from './open-items';
import { accountBalancesAsOf, sumRange } from './reports';

export interface AccountsDashboard {
  asOf: string;
  /** Bank and cash balances, base minor units. */
  cash: number;
  receivables: number;
  overdueReceivables: number;
  payables: number;
  overduePayables: number;
  /** Last 12 months including the current one: income and expenses (positive numbers). */
  months: { month: string; income: number; expense: number }[];
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The dashboard reads aggregates only: 12 month ranges and one balance, never the raw lines. */
export async function accountsDashboard(index: IndexDb, accounts: Account[], asOf: string, branch: string | null): Promise<AccountsDashboard> {
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
  const sum = (items: typeof sales, overdue: boolean) => items.filter((i) => !overdue || i.status === 'overdue').reduce((n, i) => n + i.open, 0);

  const [y, m] = asOf.split('-').map(Number) as [number, number];
  const months: AccountsDashboard['months'] = [];
  for (let k = 11; k >= 0; k--) {
    const first = new Date(Date.UTC(y, m - 1 - k, 1));
    const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0));
    const from = `${first.getUTCFullYear()}-${pad(first.getUTCMonth() + 1)}-01`;
    const to = `${last.getUTCFullYear()}-${pad(last.getUTCMonth() + 1)}-${pad(last.getUTCDate())}`;
    const t = await sumRange(index, from, to, branch);
    let income = 0;
    let expense = 0;
    for (const [code, v] of t) {
      const a = kinds.get(code);
      if (a?.kind === 'income') income += v.credit - v.debit;
      if (a?.kind === 'expense') expense += v.debit - v.credit;
    }
    months.push({ month: from.slice(0, 7), income, expense });
  }
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
