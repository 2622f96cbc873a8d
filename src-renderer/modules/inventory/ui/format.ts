import { formatMoney } from '../../../core/format';
import { formatQuantity } from '../../../ui/inputs/number-format';
import type { MoveKind } from '../domain/schemas';

/** Quantities are kept to 4 decimals (domain/quantity.ts); shown with the decimals they have. */
export const QTY_DECIMALS = 4;

export function qtyText(qty: string, unit?: string, locale?: string): string {
  const n = formatQuantity(qty, QTY_DECIMALS, locale);
  return unit ? `${n} ${unit}` : n;
}

export function valueText(minor: number, currency: string, locale?: string): string {
  return formatMoney(minor, currency, locale);
}

/** A move's kind in a storeroom clerk's words. */
export const MOVE_WORDS: Record<MoveKind, string> = {
  receipt: 'Receipt',
  delivery: 'Delivery',
  adjustment: 'Adjustment',
  count: 'Stock count',
  internal: 'Move between warehouses',
};

export const VALUATION_WORDS = { fifo: 'FIFO (first in, first out)', average: 'Moving average' };
