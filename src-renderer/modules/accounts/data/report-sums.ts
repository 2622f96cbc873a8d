import { addDays } from '../../../core/dates';
import type { IndexDb } from '../../../core/index/index-db';
import { ALL_BRANCHES, rollupsBetween, type RollupRow } from './ledger-rollups';
import { ledgerTables, monthOf, type LedgerRow } from './ledger-rows';

/**
 * Totals over a date range, read off the index (DESIGN §4): whole years, whole months and the
 * days of partial months each come from their rollups (ledger-rollups.ts), so a report reads a
 * few key ranges of small rows whatever the span, the branch or the number of lines.
 * Amounts are base currency minor units.
 */
export type Totals = Map<string, { debit: number; credit: number }>;

const pad = (n: number) => String(n).padStart(2, '0');
const isFirstOfMonth = (date: string) => date.endsWith('-01');
const isLastOfMonth = (date: string) => monthOf(addDays(date, 1)) !== monthOf(date);
const startOfMonth = (date: string) => `${monthOf(date)}-01`;
function endOfMonth(date: string): string {
  const [y, m] = monthOf(date).split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${monthOf(date)}-${pad(last)}`;
}
function shiftMonth(month: string, by: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + by, 1));
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}`;
}

export function add(totals: Totals, account: string, debit: number, credit: number): void {
  const t = totals.get(account) ?? { debit: 0, credit: 0 };
  t.debit += debit;
  t.credit += credit;
  totals.set(account, t);
}

/** A range as whole months (`full`, YYYY-MM inclusive, '' = since the beginning) and partial-month edges. */
interface Span {
  full: [string, string] | null;
  edges: [string, string][];
}

function spanOf(from: string | null, to: string): Span {
  if (from && from > to) return { full: null, edges: [] };
  if (from && monthOf(from) === monthOf(to) && !(isFirstOfMonth(from) && isLastOfMonth(to)))
    return { full: null, edges: [[from, to]] };
  const startFull =
    from === null ? '' : isFirstOfMonth(from) ? monthOf(from) : shiftMonth(monthOf(from), 1);
  const endFull = isLastOfMonth(to) ? monthOf(to) : shiftMonth(monthOf(to), -1);
  const edges: [string, string][] = [];
  if (from && !isFirstOfMonth(from)) edges.push([from, endOfMonth(from)]);
  if (!isLastOfMonth(to)) edges.push([startOfMonth(to), to]);
  return { full: startFull <= endFull ? [startFull, endFull] : null, edges };
}

/**
 * The rollup rows of whole months first..last (YYYY-MM, first '' = since the beginning): the
 * months before the first whole year, the whole years, the months of the last year — three
 * key ranges at most, whatever the span.
 */
function wholeMonths(index: IndexDb, scope: string, [first, last]: [string, string]) {
  const reads: Promise<RollupRow[]>[] = [];
  const lastYear = last.slice(0, 4);
  let start = first;
  if (start && !start.endsWith('-01')) {
    const leadEnd = start.slice(0, 4) === lastYear ? last : `${start.slice(0, 4)}-12`;
    reads.push(rollupsBetween(index, scope, 'M', start, leadEnd));
    if (leadEnd === last) return Promise.all(reads);
    start = `${Number(start.slice(0, 4)) + 1}-01`;
  }
  const lastWholeYear = last.endsWith('-12') ? lastYear : String(Number(lastYear) - 1);
  const firstYear = start.slice(0, 4);
  if (!firstYear || firstYear <= lastWholeYear)
    reads.push(rollupsBetween(index, scope, 'Y', firstYear, lastWholeYear));
  if (!last.endsWith('-12')) reads.push(rollupsBetween(index, scope, 'M', `${lastYear}-01`, last));
  return Promise.all(reads);
}

/** Date, then document id (ULID: the order entered), then the line's place in its document. */
export function byDateThenLine(x: LedgerRow, y: LedgerRow): number {
  if (x.date !== y.date) return x.date < y.date ? -1 : 1;
  if (x.docId !== y.docId) return x.docId < y.docId ? -1 : 1;
  return lineIndex(x.id) - lineIndex(y.id);
}

const lineIndex = (id: string) => Number(id.slice(id.lastIndexOf('#') + 1));

/** Every ledger line dated from..to, in date order and, within a date, by entry and line. */
export async function linesBetween(index: IndexDb, from: string, to: string) {
  const rows = await ledgerTables(index).lines.between(from, to);
  return rows.sort(byDateThenLine);
}

/** Debit and credit totals per account for dates from..to inclusive (from null = since the beginning). */
export async function sumRange(
  index: IndexDb,
  from: string | null,
  to: string,
  branch: string | null = null,
): Promise<Totals> {
  const totals: Totals = new Map();
  const { full, edges } = spanOf(from, to);
  if (!full && edges.length === 0) return totals;
  if (full)
    for (const rows of await wholeMonths(index, branch ?? ALL_BRANCHES, full))
      for (const r of rows) add(totals, r.account, r.debit, r.credit);
  // A partial month's days: their day rollups, never the documents.
  for (const [a, b] of edges)
    for (const r of await rollupsBetween(index, branch ?? ALL_BRANCHES, 'D', a, b))
      add(totals, r.account, r.debit, r.credit);
  return totals;
}

export function accountBalancesAsOf(
  index: IndexDb,
  asOf: string,
  branch: string | null = null,
): Promise<Totals> {
  return sumRange(index, null, asOf, branch);
}

/**
 * One account's opening balance (before `from`), its net movement in from..to and its number of
 * lines there: what a general ledger page shows around its rows. Reads that account's
 * aggregate rows and its edge lines only, however many accounts and branches the books hold.
 */
export async function accountSpan(
  index: IndexDb,
  account: string,
  from: string,
  to: string,
  branch: string | null,
): Promise<{ opening: number; movement: number; lines: number }> {
  const { lines, balances } = ledgerTables(index);
  const months = await balances
    .where('[account+branch+month]')
    .between([account, '', ''], [account, '\uffff', '\uffff'], true, true)
    .toArray();
  const mine = branch ? months.filter((b) => b.branch === branch) : months;
  const edgeLines = ([a, b]: [string, string]) => lines.onAccount(account, a, b, { branch });
  const sum = async (span: Span) => {
    let net = 0;
    let n = 0;
    if (span.full) {
      const [first, last] = span.full;
      for (const b of mine)
        if (b.month >= first && b.month <= last) {
          net += b.debit - b.credit;
          n += b.lines ?? 0;
        }
    }
    for (const edge of span.edges)
      for (const x of await edgeLines(edge)) {
        net += x.debit - x.credit;
        n += 1;
      }
    return { net, n };
  };
  const before = await sum(spanOf(null, addDays(from, -1)));
  const inRange = await sum(spanOf(from, to));
  return { opening: before.net, movement: inRange.net, lines: inRange.n };
}
