import type { Table } from 'dexie';
import type { IndexDb } from '../../../core/index/index-db';
import { endOfDay, type StockLineRow } from './stock-rows';

/**
 * Running aggregates of the stock projection (DESIGN §4): per month, branch and item, how much
 * the quantity and value changed. Each valued row carries its own change (`dQty`, `dValue`: its
 * state after minus the one before, so they add up to the state at any point), and the fold keeps
 * the month rows equal to the sum of their rows' changes. "As of a day" then reads the months on
 * one side of it plus the rows of its own month, instead of one row per item × warehouse.
 */

export interface StockMonthRow {
  /** `<YYYY-MM>|<branch>|<item>`: one month of the whole company reads as one range. */
  id: string;
  qty: number;
  value: number;
}

export const STOCK_MONTH_STORES = { stockMonths: 'id' };

export const monthsTable = (index: IndexDb) =>
  index.table('stockMonths') as Table<StockMonthRow, string>;

type Counted = Pick<StockLineRow, 'order' | 'branch' | 'item' | 'valued' | 'dQty' | 'dValue'>;

/** Changes to the month rows gathered over a batch, written once at its end. */
export class MonthDeltas {
  private readonly pending = new Map<string, { qty: number; value: number }>();

  private add(row: Counted, sign: 1 | -1) {
    if (!row.valued || (!row.dQty && !row.dValue)) return;
    const id = `${row.order.slice(0, 7)}|${row.branch}|${row.item}`;
    const cur = this.pending.get(id) ?? { qty: 0, value: 0 };
    cur.qty += sign * (row.dQty ?? 0);
    cur.value += sign * (row.dValue ?? 0);
    this.pending.set(id, cur);
  }

  /** What a row counted where it stood: taken out before it moves, is re-valued or goes. */
  remove(row: Counted) {
    this.add(row, -1);
  }

  count(row: Counted) {
    this.add(row, 1);
  }

  async flush(index: IndexDb): Promise<void> {
    const changed = [...this.pending].filter(([, d]) => d.qty !== 0 || d.value !== 0);
    this.pending.clear();
    if (!changed.length) return;
    const table = monthsTable(index);
    const rows = await table.bulkGet(changed.map(([id]) => id));
    await table.bulkPut(
      changed.map(([id, d], i) => ({
        id,
        qty: (rows[i]?.qty ?? 0) + d.qty,
        value: (rows[i]?.value ?? 0) + d.value,
      })),
    );
  }
}

/**
 * Quantity and value per item at the end of `asOf`, for one branch or the whole company: the
 * months before its month plus its month's rows up to that day.
 */
export async function totalsAsOf(
  index: IndexDb,
  asOf: string,
  branch: string | null,
  lines: Table<StockLineRow, string>,
): Promise<Map<string, { qty: number; value: number }>> {
  const month = asOf.slice(0, 7);
  const per = new Map<string, { qty: number; value: number }>();
  const add = (branchOf: string, item: string, qty: number, value: number) => {
    if (branch && branchOf !== branch) return;
    const cur = per.get(item) ?? { qty: 0, value: 0 };
    cur.qty += qty;
    cur.value += value;
    per.set(item, cur);
  };
  await monthsTable(index)
    .where(':id')
    .below(`${month}|`)
    .each((r) => {
      const [, b, item] = r.id.split('|') as [string, string, string];
      add(b, item, r.qty, r.value);
    });
  await lines
    .where('order')
    .between(`${month}-01`, endOfDay(asOf), true, true)
    .each((r) => add(r.branch, r.item, r.dQty ?? 0, r.dValue ?? 0));
  return per;
}
