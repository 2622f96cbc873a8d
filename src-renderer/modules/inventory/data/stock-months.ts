import type { Table } from 'dexie';
import type { IndexDb } from '../../../core/index/index-db';
import { endOfDay, type StockLineRow } from './stock-rows';

/**
 * Running aggregates of the stock projection (DESIGN §4): per branch and item, the quantity and
 * value at the end of each month its stock changed in. Each valued row carries its own change
 * (`dQty`, `dValue`: its state after minus the one before, so they add up to the state at any
 * point), and the fold keeps the running rows equal to the sum of their rows' changes. "As of a
 * day" then reads one running row per item plus the rows of its own month, instead of one row
 * per item × warehouse or per item × month. A month's own change is the difference of two
 * neighbouring points, so no table of month changes is kept beside it (one write less per move).
 */

/**
 * Per branch and item, the running totals at the end of each month its stock changed in (months
 * ascending; quantity and value after that month): "as of" reads one row per item.
 */
export interface StockRunningRow {
  /** `<branch>|<item>`. */
  id: string;
  months: string[];
  qty: number[];
  value: number[];
}

export const STOCK_MONTH_STORES = { stockRunning: 'id' };

export const runningTable = (index: IndexDb) =>
  index.table('stockRunning') as Table<StockRunningRow, string>;

/** Adds a change in `month` to a running row: to that month's point (made if new) and all after it. */
function addTo(row: StockRunningRow, month: string, qty: number, value: number) {
  let at = row.months.findIndex((m) => m >= month);
  if (at < 0) at = row.months.length;
  if (row.months[at] !== month) {
    row.months.splice(at, 0, month);
    row.qty.splice(at, 0, at > 0 ? row.qty[at - 1]! : 0);
    row.value.splice(at, 0, at > 0 ? row.value[at - 1]! : 0);
  }
  for (let i = at; i < row.months.length; i++) {
    row.qty[i] = row.qty[i]! + qty;
    row.value[i] = row.value[i]! + value;
  }
}

/** The running totals at the end of the last month before `month` (nothing before it: zero). */
function before(row: StockRunningRow, month: string): { qty: number; value: number } {
  let lo = 0;
  let hi = row.months.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (row.months[mid]! < month) lo = mid + 1;
    else hi = mid;
  }
  return lo === 0 ? { qty: 0, value: 0 } : { qty: row.qty[lo - 1]!, value: row.value[lo - 1]! };
}

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
    const running = runningTable(index);
    const keys = [...new Set(changed.map(([id]) => id.slice(8)))];
    const totals = await running.bulkGet(keys);
    const byKey = new Map(
      keys.map((id, i) => [id, totals[i] ?? { id, months: [], qty: [], value: [] }]),
    );
    for (const [id, d] of changed) addTo(byKey.get(id.slice(8))!, id.slice(0, 7), d.qty, d.value);
    await running.bulkPut([...byKey.values()]);
  }
}

/**
 * Quantity and value per item at the end of `asOf`, for one branch or the whole company: each
 * item's running totals at the end of the month before plus its month's rows up to that day.
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
  const running = runningTable(index);
  const rows = await (
    branch ? running.where(':id').startsWith(`${branch}|`) : running.toCollection()
  ).toArray();
  // Its own month from the nearer end: the month before plus the rows up to the day, or the
  // month's own end less the rows after the day.
  const late = asOf.slice(8) > '15';
  for (const r of rows) {
    const bar = r.id.indexOf('|');
    const v = before(r, late ? `${month}~` : month);
    add(r.id.slice(0, bar), r.id.slice(bar + 1), v.qty, v.value);
  }
  const part = late
    ? lines.where('order').between(endOfDay(asOf), `${month}~`, false, true)
    : lines.where('order').between(`${month}-01`, endOfDay(asOf), true, true);
  const sign = late ? -1 : 1;
  for (const r of await part.toArray())
    add(r.branch, r.item, sign * (r.dQty ?? 0), sign * (r.dValue ?? 0));
  return per;
}
