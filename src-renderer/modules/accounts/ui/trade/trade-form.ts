import { toCsv } from '../../../../core/csv';
import { money, toDecimalString } from '../../../../core/money';
import { addDays as addCalendarDays } from '../../../../core/dates';
import type { FieldErrors } from '../../../../ui/form-errors';
import type { AgedRow } from '../../domain/aging';
import type { Party, TaxMode, TradeLine } from '../../domain/schemas';
import { tradeLineSchema } from '../../domain/schemas';
import { documentTotals, type TaxRate } from '../../domain/tax';
import { inputText, readAmount } from '../format';

/**
 * Pure helpers behind the sales and purchase screens: the lines grid (text as typed → the
 * lines the core takes), live totals, allocation of a receipt or payment, labels and the aged
 * report's CSV. No React here, so all of it is unit-tested.
 */

export type TradeSideUi = 'sales' | 'purchase';

// ── Labels ───────────────────────────────────────────────────────────────────

export interface SideLabels {
  party: 'Customer' | 'Supplier';
  partyKind: 'customer' | 'supplier';
  invoice: string;
  credit: string;
  issueInvoice: string;
  issueCredit: string;
  newInvoice: string;
  newCredit: string;
  pay: 'Record receipt' | 'Record payment';
  title: string;
  listPath: string;
  payPath: string;
}

export function sideLabels(side: TradeSideUi): SideLabels {
  return side === 'sales'
    ? {
        party: 'Customer',
        partyKind: 'customer',
        invoice: 'Invoice',
        credit: 'Credit note',
        issueInvoice: 'Issue invoice',
        issueCredit: 'Issue credit note',
        newInvoice: 'New invoice',
        newCredit: 'New credit note',
        pay: 'Record receipt',
        title: 'Sales',
        listPath: '/accounts/sales',
        payPath: '/accounts/receipts/new',
      }
    : {
        party: 'Supplier',
        partyKind: 'supplier',
        invoice: 'Bill',
        credit: 'Supplier credit',
        issueInvoice: 'Record bill',
        issueCredit: 'Record supplier credit',
        newInvoice: 'New bill',
        newCredit: 'New supplier credit',
        pay: 'Record payment',
        title: 'Purchases',
        listPath: '/accounts/purchases',
        payPath: '/accounts/payments/new',
      };
}

export function partiesFor(parties: readonly Party[], side: TradeSideUi): Party[] {
  const wanted = side === 'sales' ? 'customer' : 'supplier';
  return parties.filter((p) => !p.archived && (p.kind === wanted || p.kind === 'both'));
}

export const STATUS_LABEL: Record<string, string> = {
  draft: 'Draft',
  open: 'Open',
  'partly-paid': 'Partly paid',
  paid: 'Paid',
  overdue: 'Overdue',
};
export const STATUS_COLOR: Record<string, string> = {
  draft: 'gray',
  open: 'blue',
  'partly-paid': 'yellow',
  paid: 'teal',
  overdue: 'red',
};

export function statusLabel(status: string): string {
  return STATUS_LABEL[status] ?? status;
}

/** ISO date plus whole days (UTC arithmetic, the core's rule for due dates from terms). */
export function addDays(date: string, days: number): string {
  // A half-typed date shows no due date rather than a wrong one.
  if (Number.isNaN(new Date(`${date}T00:00:00Z`).getTime())) return '';
  return addCalendarDays(date, days);
}

// ── The lines grid ───────────────────────────────────────────────────────────

/** One grid row, exactly as typed. */
export interface TradeRow {
  key: number;
  description: string;
  /** Empty means 1. */
  quantity: string;
  /** Decimal text in the document currency. */
  unitPrice: string;
  /** Percent text ("10", "2.5"); empty means none. */
  discount: string;
  /** '' = no tax. */
  taxCode: string;
  account: string;
}

let nextKey = 1;
export function emptyTradeRow(defaults: { account?: string; taxCode?: string } = {}): TradeRow {
  return {
    key: nextKey++,
    description: '',
    quantity: '',
    unitPrice: '',
    discount: '',
    taxCode: defaults.taxCode ?? '',
    account: defaults.account ?? '',
  };
}

/** A row with nothing typed; its account and tax code are only defaults. */
export function isBlankTradeRow(r: TradeRow): boolean {
  return !r.description.trim() && !r.quantity.trim() && !r.unitPrice.trim() && !r.discount.trim();
}

/** Keeps one blank row at the end; it inherits the last row's account and tax code (else the defaults). */
export function withTrailingTradeBlank(
  rows: TradeRow[],
  defaults: { account?: string; taxCode?: string } = {},
): TradeRow[] {
  const last = rows[rows.length - 1];
  if (last && isBlankTradeRow(last)) return rows;
  return [
    ...rows,
    emptyTradeRow({
      account: last?.account || defaults.account || '',
      taxCode: last ? last.taxCode : (defaults.taxCode ?? ''),
    }),
  ];
}

/** "10" → 1000, "2.5" → 250, "" → 0; null when it is not a percentage from 0 to 100 with at most 2 decimals. */
export function percentToBp(text: string): number | null {
  const t = text.trim().replace(/%$/, '').trim();
  if (t === '') return 0;
  const m = /^(\d{1,3})(?:\.(\d{0,2}))?$/.exec(t);
  if (!m) return null;
  const bp = Number(m[1]) * 100 + Number(((m[2] ?? '') + '00').slice(0, 2));
  return bp <= 10_000 ? bp : null;
}

/** 1000 → "10", 250 → "2.5", 0 → "". */
export function bpToPercent(bp: number): string {
  if (!bp) return '';
  const whole = Math.trunc(bp / 100);
  const frac = String(bp % 100)
    .padStart(2, '0')
    .replace(/0+$/, '');
  return frac ? `${whole}.${frac}` : String(whole);
}

export function rowsFromLines(lines: readonly TradeLine[], currency: string): TradeRow[] {
  return lines.map((l) => ({
    ...emptyTradeRow(),
    description: l.description,
    quantity: l.quantity === '1' ? '' : l.quantity,
    unitPrice: inputText(l.unitPrice, currency),
    discount: bpToPercent(l.discountBp),
    taxCode: l.taxCode ?? '',
    account: l.account,
  }));
}

export interface GridLines {
  /** What is sent: blank rows dropped, amounts in minor units. */
  lines: TradeLine[];
  /** `keys[i]` is the grid row the i-th line came from, so `lines.i.*` errors land on it. */
  keys: number[];
  /** Client-side problems, keyed like the core's (`lines.0.unitPrice`). Empty = fine to send. */
  errors: FieldErrors;
}

export function gridToLines(rows: readonly TradeRow[], currency: string): GridLines {
  const lines: TradeLine[] = [];
  const keys: number[] = [];
  const errors: FieldErrors = {};
  for (const r of rows) {
    if (isBlankTradeRow(r)) continue;
    const i = lines.length;
    const price = readAmount(r.unitPrice, currency);
    const discountBp = percentToBp(r.discount);
    if (price === null) errors[`lines.${i}.unitPrice`] = `Not an amount in ${currency}.`;
    if (discountBp === null) errors[`lines.${i}.discountBp`] = 'A percentage from 0 to 100.';
    const line = {
      itemCode: '',
      description: r.description.trim(),
      quantity: r.quantity.trim() || '1',
      unitPrice: price ?? 0,
      discountBp: discountBp ?? 0,
      taxCode: r.taxCode || null,
      account: r.account,
    };
    const parsed = tradeLineSchema.safeParse(line);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const path = `lines.${i}.${issue.path.map(String).join('.')}`;
        if (!(path in errors))
          errors[path] =
            issue.path[0] === 'account' && !line.account ? 'Choose the account.' : issue.message;
      }
    }
    lines.push(line);
    keys.push(r.key);
  }
  if (lines.length === 0) errors.lines = 'Add at least one line.';
  return { lines, keys, errors };
}

export interface LiveTotals {
  net: number;
  tax: number;
  gross: number;
  /** Why a total cannot be shown exactly (an unknown tax code, an amount too large). */
  problem: string | null;
}

/** The same arithmetic the core uses (documentTotals), over the rows that read as numbers. */
export function liveTotals(
  rows: readonly TradeRow[],
  taxCodes: ReadonlyMap<string, TaxRate>,
  taxMode: TaxMode,
  currency: string,
): LiveTotals {
  const { lines, errors } = gridToLines(rows, currency);
  const usable = lines.filter(
    (_, i) =>
      !errors[`lines.${i}.quantity`] &&
      !errors[`lines.${i}.unitPrice`] &&
      !errors[`lines.${i}.discountBp`],
  );
  try {
    const t = documentTotals(usable, taxCodes, taxMode, currency);
    return { net: t.net, tax: t.tax, gross: t.gross, problem: null };
  } catch (e) {
    return { net: 0, tax: 0, gross: 0, problem: e instanceof Error ? e.message : String(e) };
  }
}

// ── The documents list ───────────────────────────────────────────────────────

export interface TradeListRow {
  id: string;
  /** '' for drafts. */
  number: string;
  kind: 'invoice' | 'credit';
  partyId: string;
  date: string;
  /** '' for drafts (set from terms when issued). */
  dueDate: string;
  currency: string;
  gross: number;
  open: number;
  /** draft | open | partly-paid | paid | overdue */
  status: string;
  reference: string;
}

interface PostedItem {
  docId: string;
  number: string;
  kind: 'invoice' | 'credit';
  partyId: string;
  date: string;
  dueDate: string;
  currency: string;
  gross: number;
  open: number;
  status: string;
}
interface DraftDocRow {
  id: string;
  number: string;
  side: string | null;
  kind: string | null;
  partyId: string | null;
  date: string;
  currency: string;
  total: number;
  reference: string;
  status: string;
}

/** Posted documents (with their derived open amount) and this side's drafts, newest first. */
export function tradeListRows(
  side: TradeSideUi,
  posted: readonly PostedItem[],
  drafts: readonly DraftDocRow[],
): TradeListRow[] {
  const rows: TradeListRow[] = posted.map((i) => ({
    id: i.docId,
    number: i.number,
    kind: i.kind,
    partyId: i.partyId,
    date: i.date,
    dueDate: i.dueDate,
    currency: i.currency,
    gross: i.gross,
    open: i.open,
    status: i.status,
    reference: '',
  }));
  for (const d of drafts) {
    if (d.side !== side || d.status !== 'draft') continue;
    rows.push({
      id: d.id,
      number: d.number,
      kind: d.kind === 'credit' ? 'credit' : 'invoice',
      partyId: d.partyId ?? '',
      date: d.date,
      dueDate: '',
      currency: d.currency,
      gross: d.total,
      open: 0,
      status: 'draft',
      reference: d.reference,
    });
  }
  return rows.sort((a, b) =>
    a.date > b.date
      ? -1
      : a.date < b.date
        ? 1
        : a.number > b.number
          ? -1
          : a.number < b.number
            ? 1
            : 0,
  );
}

export interface TradeListFilter {
  /** 'all', 'unpaid' (open, partly paid or overdue), or one status. */
  status: string;
  partyId: string | null;
  text: string;
}

export function filterTradeRows(
  rows: readonly TradeListRow[],
  f: TradeListFilter,
  partyName: (id: string) => string,
): TradeListRow[] {
  const words = f.text.trim().toLowerCase().split(/\s+/).filter(Boolean);
  return rows.filter((r) => {
    if (
      f.status === 'unpaid'
        ? !['open', 'partly-paid', 'overdue'].includes(r.status)
        : f.status !== 'all' && r.status !== f.status
    )
      return false;
    if (f.partyId && r.partyId !== f.partyId) return false;
    if (!words.length) return true;
    const hay = `${r.number} ${r.reference} ${partyName(r.partyId)}`.toLowerCase();
    return words.every((w) => hay.includes(w));
  });
}

// ── Receipts and payments ────────────────────────────────────────────────────

export interface AllocatableItem {
  docId: string;
  date: string;
  kind: 'invoice' | 'credit';
  currency: string;
  open: number;
  status: string;
}

/** Documents money can settle: invoices/bills in the payment's currency with something open, oldest first (the core's order). */
export function allocatable<T extends AllocatableItem>(items: readonly T[], currency: string): T[] {
  return items
    .filter(
      (i) => i.kind === 'invoice' && i.currency === currency && i.open > 0 && i.status !== 'paid',
    )
    .sort((a, b) =>
      a.date < b.date
        ? -1
        : a.date > b.date
          ? 1
          : a.docId < b.docId
            ? -1
            : a.docId > b.docId
              ? 1
              : 0,
    );
}

/** Fills allocations oldest first until the amount runs out; what is left stays on account. */
export function fillOldestFirst(
  amount: number,
  items: readonly Pick<AllocatableItem, 'docId' | 'open'>[],
): Record<string, number> {
  const out: Record<string, number> = {};
  let left = Math.max(0, amount);
  for (const item of items) {
    if (left <= 0) break;
    if (item.open <= 0) continue;
    const take = Math.min(item.open, left);
    out[item.docId] = take;
    left -= take;
  }
  return out;
}

// ── Aged report CSV ──────────────────────────────────────────────────────────

export const AGED_COLUMNS = [
  { key: 'current', label: 'Current' },
  { key: '1-30', label: '1–30' },
  { key: '31-60', label: '31–60' },
  { key: '61-90', label: '61–90' },
  { key: '90+', label: '90+' },
] as const;

export function agedTotals(rows: readonly AgedRow[]): AgedRow {
  const total: AgedRow = {
    partyId: '',
    buckets: { current: 0, '1-30': 0, '31-60': 0, '61-90': 0, '90+': 0 },
    total: 0,
  };
  for (const r of rows) {
    for (const c of AGED_COLUMNS) total.buckets[c.key] += r.buckets[c.key];
    total.total += r.total;
  }
  return total;
}

export function agedCsv(
  rows: readonly AgedRow[],
  partyName: (id: string) => string,
  currency: string,
): string {
  const dec = (minor: number) => toDecimalString(money(minor, currency));
  const line = (name: string, r: AgedRow) => [
    name,
    ...AGED_COLUMNS.map((c) => dec(r.buckets[c.key])),
    dec(r.total),
  ];
  const header = ['Party', 'Current', '1-30', '31-60', '61-90', '90+', 'Total'];
  return toCsv([
    header,
    ...rows.map((r) => line(partyName(r.partyId), r)),
    line('Total', agedTotals(rows)),
  ]);
}
