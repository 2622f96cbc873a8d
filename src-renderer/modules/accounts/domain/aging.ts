import { isIsoDate } from '../../../core/dates';

export const AGE_BUCKETS = ['current', '1-30', '31-60', '61-90', '90+'] as const;
export type AgeBucket = (typeof AGE_BUCKETS)[number];

const DAY_MS = 86_400_000;

/** Whole calendar days from `from` to `to`; UTC arithmetic so daylight-saving days count as one. */
export function daysBetween(from: string, to: string): number {
  if (!isIsoDate(from)) throw new RangeError(`Not a date: ${from}`);
  if (!isIsoDate(to)) throw new RangeError(`Not a date: ${to}`);
  const utc = (d: string) =>
    Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)));
  return Math.round((utc(to) - utc(from)) / DAY_MS);
}

/** Days past due on `asOf`; anything not yet due (or due that day) is current. */
export function ageBucket(dueDate: string, asOf: string): AgeBucket {
  const late = daysBetween(dueDate, asOf);
  if (late <= 0) return 'current';
  if (late <= 30) return '1-30';
  if (late <= 60) return '31-60';
  if (late <= 90) return '61-90';
  return '90+';
}

export interface AgedRow {
  partyId: string;
  buckets: Record<AgeBucket, number>;
  total: number;
}

/**
 * One row per party with its open amounts by age. Open amounts are signed (a credit note is
 * negative), so an unapplied credit reduces its bucket and the party's total, the way a
 * statement shows it. Parties with nothing open get no row; rows are sorted by party id so the
 * report is the same on every device.
 */
export function agedBalances(
  items: readonly { partyId: string; dueDate: string; open: number }[],
  asOf: string,
): AgedRow[] {
  const rows = new Map<string, AgedRow>();
  for (const item of items) {
    if (!Number.isSafeInteger(item.open))
      throw new RangeError(`Open amounts are whole minor units, got ${item.open}`);
    if (item.open === 0) continue;
    let row = rows.get(item.partyId);
    if (!row) {
      row = {
        partyId: item.partyId,
        buckets: { current: 0, '1-30': 0, '31-60': 0, '61-90': 0, '90+': 0 },
        total: 0,
      };
      rows.set(item.partyId, row);
    }
    row.buckets[ageBucket(item.dueDate, asOf)] += item.open;
    row.total += item.open;
  }
  return [...rows.values()].sort((a, b) =>
    a.partyId < b.partyId ? -1 : a.partyId > b.partyId ? 1 : 0,
  );
}
