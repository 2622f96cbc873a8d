import type { Table } from 'dexie';
import type { IndexDb } from '../../../core/index/index-db';
import type { BalanceRow } from './ledger-rows';

/**
 * Totals per account for whole years and whole months, for one branch and for the whole
 * company (`scope` '*'), keyed so that a report reads one contiguous key range per stretch of
 * periods: a trial balance over five years reads five year rows per account, not sixty month
 * rows per account and branch off a secondary index (each of which IndexedDB looks up again by
 * primary key). The per-branch month rows (`balances`) stay for the general ledger, which reads
 * one account's months.
 */
export const ROLLUP_STORES = {
  rollups: '[scope+period+account]',
};

export const ALL_BRANCHES = '*';

export interface RollupRow {
  /** A branch code, or '*' for every branch together. */
  scope: string;
  /** `Y2024` (a calendar year) or `M2024-06` (a month). */
  period: string;
  account: string;
  debit: number;
  credit: number;
}

export const yearPeriod = (year: string) => `Y${year}`;
export const monthPeriod = (month: string) => `M${month}`;

export function rollupTable(index: IndexDb) {
  return index.table('rollups') as Table<RollupRow, [string, string, string]>;
}

type Key = [string, string, string];

/** The four rollup rows one per-branch month delta moves: its branch and the company, month and year. */
function rollupDeltas(deltas: Iterable<BalanceRow>): Map<string, RollupRow> {
  const out = new Map<string, RollupRow>();
  for (const d of deltas)
    for (const scope of [d.branch, ALL_BRANCHES])
      for (const period of [monthPeriod(d.month), yearPeriod(d.month.slice(0, 4))]) {
        const k = `${scope}\u0000${period}\u0000${d.account}`;
        const cur = out.get(k) ?? { scope, period, account: d.account, debit: 0, credit: 0 };
        cur.debit += d.debit;
        cur.credit += d.credit;
        out.set(k, cur);
      }
  return out;
}

/**
 * Adds a batch's per-account, per-branch, per-month movements to the month rows and to the
 * rollups: one read and one write per table, in the batch's transaction.
 */
export async function addToAggregates(
  balances: Table<BalanceRow, Key>,
  rollups: Table<RollupRow, Key>,
  deltas: Map<string, BalanceRow>,
): Promise<void> {
  const months = [...deltas.values()];
  const rolled = [...rollupDeltas(months).values()];
  const [existing, existingRolled] = await Promise.all([
    balances.bulkGet(months.map((b) => [b.account, b.branch, b.month] as Key)),
    rollups.bulkGet(rolled.map((r) => [r.scope, r.period, r.account] as Key)),
  ]);
  await Promise.all([
    balances.bulkPut(
      months.map((delta, i) => {
        const cur = existing[i];
        return {
          ...delta,
          debit: (cur?.debit ?? 0) + delta.debit,
          credit: (cur?.credit ?? 0) + delta.credit,
          lines: (cur?.lines ?? 0) + delta.lines,
        };
      }),
    ),
    rollups.bulkPut(
      rolled.map((delta, i) => {
        const cur = existingRolled[i];
        return {
          ...delta,
          debit: (cur?.debit ?? 0) + delta.debit,
          credit: (cur?.credit ?? 0) + delta.credit,
        };
      }),
    ),
  ]);
}

/**
 * Rollup rows of one scope for periods first..last of one kind (both `Y…` or both `M…`),
 * inclusive; `first` '' reads from the earliest period of that kind.
 */
export function rollupsBetween(
  index: IndexDb,
  scope: string,
  kind: 'Y' | 'M',
  first: string,
  last: string,
): Promise<RollupRow[]> {
  const lower = first ? `${kind}${first}` : kind;
  return rollupTable(index)
    .where('[scope+period+account]')
    .between([scope, lower, ''], [scope, `${kind}${last}`, '\uffff'], true, true)
    .toArray();
}
