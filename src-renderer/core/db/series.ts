import type { Db } from './pouch';
import { updateLocal } from './pouch';

/**
 * Human document numbers (DESIGN §3): one series per branch, device and kind, e.g.
 * `NYC-A-INV-000042`. The counter lives in a `_local/` document of the branch database, which
 * never replicates, so two offline devices can never hand out the same number and the
 * counter itself can never conflict.
 */
export interface SeriesKey {
  branchCode: string;
  deviceLetter: string;
  /** 'INV', 'JE', 'BILL'… */
  kind: string;
}

interface SeriesState {
  next: number;
}

export function formatSeriesNumber(key: SeriesKey, n: number, width = 6): string {
  return `${key.branchCode}-${key.deviceLetter}-${key.kind}-${String(n).padStart(width, '0')}`;
}

export function seriesDocId(key: SeriesKey): string {
  return `series-${key.branchCode}-${key.deviceLetter}-${key.kind}`;
}

/** Takes the next number; concurrent calls in one worker each get their own. */
export async function takeNextNumber(db: Db, key: SeriesKey): Promise<string> {
  if (!/^[A-Z][A-Z0-9]*$/.test(key.kind)) throw new Error(`Invalid series kind "${key.kind}"`);
  let taken = 0;
  await updateLocal<SeriesState>(db, seriesDocId(key), (cur) => {
    taken = cur?.next ?? 1;
    return { next: taken + 1 };
  });
  return formatSeriesNumber(key, taken);
}

/** Reserves `count` consecutive numbers in one `_local` write (imports post thousands of entries). */
export async function takeNumbers(db: Db, key: SeriesKey, count: number): Promise<string[]> {
  if (!Number.isInteger(count) || count < 0) throw new Error(`Invalid count ${count}`);
  if (count === 0) return [];
  let first = 0;
  await updateLocal<SeriesState>(db, seriesDocId(key), (cur) => {
    first = cur?.next ?? 1;
    return { next: first + count };
  });
  return Array.from({ length: count }, (_, i) => formatSeriesNumber(key, first + i));
}
