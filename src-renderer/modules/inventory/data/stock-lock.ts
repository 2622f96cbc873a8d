import type { ProjectedChange } from '../../../core/index/index-db';
import { LEDGER_SETTINGS_DOC } from '../../accounts';
import type { MonthDeltas } from './stock-months';
import { orderOf, type LockStep, type StockLineRow, type stockTables } from './stock-rows';

/**
 * The period lock in the stock projection (docs/ARCHITECTURE.md, "Inventory: the period lock").
 * Accounts' lock date freezes the books up to it, and stock value is part of the books. A device
 * that had not heard of the lock yet can still save a move dated inside the locked period; when
 * it arrives by sync it must not change a value on or before the lock date. Such a move is valued
 * on the first day after the lock instead, and listed as an exception.
 *
 * Which moves: dated on or before a lock date and saved (createdAt) after that lock was set (the
 * settings revision that set it). Both come from documents, so devices agree whatever order sync
 * brings things in. Each lock seen is kept as a step: moving the lock later does not send a move
 * the earlier lock froze back into the earlier period. Moving it earlier, or removing it, reopens
 * the days after the new date, and their moves go back to their own dates.
 */

type Tables = ReturnType<typeof stockTables>;

/** The next calendar day of an ISO date. */
export function dayAfter(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** The lock date a row is valued after (the latest lock that missed it), or null. */
export function missedBy(
  row: Pick<StockLineRow, 'date' | 'createdAt'>,
  steps: readonly LockStep[],
): string | null {
  let date: string | null = null;
  for (const s of steps)
    if (row.date <= s.date && (row.createdAt ?? '') > s.since && (date === null || s.date > date))
      date = s.date;
  return date;
}

/** Puts a row where the fold values it under `steps`; true when its place changed. */
export function place(row: StockLineRow, steps: readonly LockStep[]): boolean {
  const before = row.order;
  const lock = missedBy(row, steps);
  if (lock !== null) {
    row.lockedOut = lock;
    row.order = orderOf(dayAfter(lock), row.id);
  } else {
    delete row.lockedOut;
    row.order = orderOf(row.date, row.id);
  }
  return row.order !== before;
}

/**
 * Follows the ledger settings in this batch and returns the lock steps to value by. When the lock
 * date changes, every row an old or new step could concern is placed again and its key re-folded
 * from the earlier of its two places (`touch`). That reads the stock ledger up to the latest lock
 * date once: fine for an administrator's action done a few times a year.
 */
export async function followLock(
  t: Tables,
  changes: ProjectedChange[],
  touch: (key: string, order: string) => void,
  months: MonthDeltas,
): Promise<LockStep[]> {
  const old = (await t.lock.get('lock')) ?? { id: 'lock' as const, date: null, steps: [] };
  const settings = changes.filter((c) => c.id === LEDGER_SETTINGS_DOC).pop();
  if (!settings) return old.steps;
  const doc = (settings.doc ?? {}) as {
    lockDate?: unknown;
    updatedAt?: unknown;
    createdAt?: unknown;
  };
  const date = typeof doc.lockDate === 'string' ? doc.lockDate : null;
  if (date === old.date) return old.steps;
  const stamp = doc.updatedAt ?? doc.createdAt;
  const since = typeof stamp === 'string' ? stamp : '';
  const steps = date === null ? [] : [...old.steps.filter((s) => s.date < date), { date, since }];
  await t.lock.put({ id: 'lock', date, steps });
  const reach = [...old.steps, ...steps]
    .map((s) => s.date)
    .sort()
    .pop();
  if (!reach) return steps;
  const moved: StockLineRow[] = [];
  await t.lines
    .filter((r) => r.date <= reach)
    .each((r) => {
      const from = r.order;
      const was = { ...r };
      if (!place(r, steps)) return;
      // Its change now counts in the month it moved to (the fold then re-values it there).
      months.remove(was);
      months.count(r);
      touch(r.key, from < r.order ? from : r.order);
      moved.push(r);
    });
  if (moved.length) await t.lines.bulkPut(moved);
  return steps;
}
