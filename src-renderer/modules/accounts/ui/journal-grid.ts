import type { JournalLineInput } from '../rpc-contract';
import { readAmount } from './format';

/** What the clerk has typed in one grid row: text, exactly as typed. */
export interface GridRow {
  key: number;
  account: string;
  debit: string;
  credit: string;
  memo: string;
}

export interface GridTotals {
  debit: number;
  credit: number;
  /** debit − credit, minor units; 0 = balanced. */
  difference: number;
  /** Row keys whose amount is not a number the currency allows. */
  badAmounts: number[];
}

let nextKey = 1;
export function emptyRow(): GridRow {
  return { key: nextKey++, account: '', debit: '', credit: '', memo: '' };
}

export function isBlank(r: GridRow): boolean {
  return !r.account && !r.debit.trim() && !r.credit.trim() && !r.memo.trim();
}

export function gridTotals(rows: GridRow[], currency: string): GridTotals {
  let debit = 0;
  let credit = 0;
  const badAmounts: number[] = [];
  for (const r of rows) {
    const d = readAmount(r.debit, currency);
    const c = readAmount(r.credit, currency);
    if (d === null || c === null) badAmounts.push(r.key);
    debit += d ?? 0;
    credit += c ?? 0;
  }
  return { debit, credit, difference: debit - credit, badAmounts };
}

/** The lines sent to the core: blank rows dropped, amounts in minor units. */
export function gridLines(rows: GridRow[], currency: string): JournalLineInput[] {
  return rows
    .filter((r) => !isBlank(r))
    .map((r) => ({
      account: r.account,
      debit: readAmount(r.debit, currency) ?? 0,
      credit: readAmount(r.credit, currency) ?? 0,
      memo: r.memo,
    }));
}

/** Keeps one blank row at the end so the clerk can always keep typing. */
export function withTrailingBlank(rows: GridRow[]): GridRow[] {
  return rows.length === 0 || !isBlank(rows[rows.length - 1]!) ? [...rows, emptyRow()] : rows;
}
