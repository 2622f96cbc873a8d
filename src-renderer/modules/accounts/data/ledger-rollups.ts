import type { Table } from 'dexie';
import type { IndexDb } from '../../../core/index/index-db';
import type { BalanceRow } from './ledger-rows';

/**
 * Totals per account for each year, month and day, for one branch and for the whole company
 * (`scope` '*'), keyed so that a report reads one contiguous key range per stretch of periods:
 * a trial balance as of the 15th over five years reads five year rows, a few month rows and
 * fifteen day rows per account — never the documents, and never another branch's rows. A batch
 * writes one row per account, branch and day it touches (and their months and years), which
 * is a small share of what its documents cost. The per-branch month rows (`balances`) stay for
 * the general ledger, which reads one account's months.
 */
export const ROLLUP_STORES = {
  rollups: '[scope+period+account]',
};

export const ALL_BRANCHES = '*';

export interface RollupRow {
  /** A branch code, or '*' for every branch together. */
  scope: string;
  /** `Y2024` (a calendar year), `M2024-06` (a month) or `D2024-06-15` (a day). */
  period: string;
  account: string;
  debit: number;
  credit: number;
}

export const yearPeriod = (year: string) => `Y${year}`;
export const monthPeriod = (month: string) => `M${month}`;
export const dayPeriod = (date: string) => `D${date}`;

export function rollupTable(index: IndexDb) {
  return index.table('rollups') as Table<RollupRow, [string, string, string]>;
}

type Key = [string, string, string];

/**
 * A batch's movements, collected per account, branch and day, then written as the per-branch
 * month rows (`balances`) and the rollups of each day, month and year for the branch and for
 * the company: one read and one write per table, in the batch's transaction.
 */
export class AggregateDeltas {
  private readonly days = new Map<string, BalanceRow & { date: string }>();

  get size(): number {
    return this.days.size;
  }

  bump(
    account: string,
    branch: string,
    date: string,
    debit: number,
    credit: number,
    lines: number,
  ): void {
    const key = `${account}\u0000${branch}\u0000${date}`;
    const cur = this.days.get(key) ?? {
      account,
      branch,
      date,
      month: date.slice(0, 7),
      debit: 0,
      credit: 0,
      lines: 0,
    };
    cur.debit += debit;
    cur.credit += credit;
    cur.lines += lines;
    this.days.set(key, cur);
  }

  async write(balances: Table<BalanceRow, Key>, rollups: Table<RollupRow, Key>): Promise<void> {
    const months = new Map<string, BalanceRow>();
    const rolled = new Map<string, RollupRow>();
    const roll = (
      scope: string,
      period: string,
      account: string,
      debit: number,
      credit: number,
    ) => {
      const k = `${scope}\u0000${period}\u0000${account}`;
      const cur = rolled.get(k) ?? { scope, period, account, debit: 0, credit: 0 };
      cur.debit += debit;
      cur.credit += credit;
      rolled.set(k, cur);
    };
    for (const d of this.days.values()) {
      const k = `${d.account}\u0000${d.branch}\u0000${d.month}`;
      const m = months.get(k) ?? { ...d, debit: 0, credit: 0, lines: 0 };
      m.debit += d.debit;
      m.credit += d.credit;
      m.lines += d.lines;
      months.set(k, m);
      for (const scope of [d.branch, ALL_BRANCHES])
        for (const period of [
          dayPeriod(d.date),
          monthPeriod(d.month),
          yearPeriod(d.date.slice(0, 4)),
        ])
          roll(scope, period, d.account, d.debit, d.credit);
    }
    const monthRows = [...months.values()].map(
      ({ account, branch, month, debit, credit, lines }) => ({
        account,
        branch,
        month,
        debit,
        credit,
        lines,
      }),
    );
    const rollRows = [...rolled.values()];
    const [existing, existingRolled] = await Promise.all([
      balances.bulkGet(monthRows.map((b) => [b.account, b.branch, b.month] as Key)),
      rollups.bulkGet(rollRows.map((r) => [r.scope, r.period, r.account] as Key)),
    ]);
    const sum = <T extends { debit: number; credit: number }>(delta: T, cur?: T) =>
      cur ? { ...delta, debit: cur.debit + delta.debit, credit: cur.credit + delta.credit } : delta;
    await Promise.all([
      balances.bulkPut(
        monthRows.map((delta, i) => ({
          ...sum(delta, existing[i]),
          lines: (existing[i]?.lines ?? 0) + delta.lines,
        })),
      ),
      rollups.bulkPut(rollRows.map((delta, i) => sum(delta, existingRolled[i]))),
    ]);
  }
}

/**
 * Rollup rows of one scope for periods first..last of one kind (years, months or days),
 * inclusive; `first` '' reads from the earliest period of that kind.
 */
export function rollupsBetween(
  index: IndexDb,
  scope: string,
  kind: 'Y' | 'M' | 'D',
  first: string,
  last: string,
): Promise<RollupRow[]> {
  const lower = first ? `${kind}${first}` : kind;
  return rollupTable(index)
    .where('[scope+period+account]')
    .between([scope, lower, ''], [scope, `${kind}${last}`, '\uffff'], true, true)
    .toArray();
}
