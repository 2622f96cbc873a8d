import type { FieldErrors } from '../../../../ui/form-errors';
import type { TaxMode, TradeLine } from '../../domain/schemas';
import { tradeLineSchema } from '../../domain/schemas';
import { documentTotals, type TaxRate } from '../../domain/tax';
import { inputText, readAmount } from '../format';

/**
 * The invoice/bill lines grid: text as typed → the lines the core takes, and live totals by
 * the core's own rule. No React here, so all of it is unit-tested.
 */

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
  /** What the line came with and the grid does not show (item code, Inventory's order line): kept on save. */
  kept?: Pick<TradeLine, 'itemCode' | 'order' | 'orderLine' | 'received'> & {
    /** The account the goods were received against: another account takes no price split. */
    receivedAccount?: string;
  };
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

/**
 * Changes one row. The blank row waiting below it was made with this row's tax code and
 * account as defaults; while it still holds them untouched it follows a change, so the next
 * line takes the tax code the clerk just chose (a blank row made before it would keep the old one).
 */
export function patchTradeRow(
  rows: readonly TradeRow[],
  key: number,
  patch: Partial<TradeRow>,
  defaults: { account?: string; taxCode?: string } = {},
): TradeRow[] {
  const at = rows.findIndex((r) => r.key === key);
  const before = rows[at];
  const below = rows[at + 1];
  const next = rows.map((r) => (r.key === key ? { ...r, ...patch } : r));
  if (before && below && at + 1 === rows.length - 1 && isBlankTradeRow(below)) {
    const follow: Partial<TradeRow> = {};
    for (const f of ['taxCode', 'account'] as const)
      if (patch[f] !== undefined && below[f] === before[f]) follow[f] = patch[f];
    next[at + 1] = { ...below, ...follow };
  }
  return withTrailingTradeBlank(next, defaults);
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
    kept: {
      itemCode: l.itemCode,
      order: l.order,
      orderLine: l.orderLine,
      received: l.received,
      receivedAccount: l.account,
    },
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
    const line: TradeLine = {
      itemCode: r.kept?.itemCode ?? '',
      ...(r.kept?.order !== undefined ? { order: r.kept.order, orderLine: r.kept.orderLine } : {}),
      ...(r.kept?.received && r.kept.receivedAccount === r.account
        ? { received: r.kept.received }
        : {}),
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
