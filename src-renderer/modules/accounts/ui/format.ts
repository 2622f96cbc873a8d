import { formatMoney } from '../../../core/format';
import { money, parseMoney, toDecimalString } from '../../../core/money';

/**
 * Money on Accounts' screens, all through the one formatter (core/format.ts), so a report
 * column, a total and a sentence show an amount the same way ("$558.00", "($12.00)").
 */
export function moneyText(minor: number, currency: string): string {
  return formatMoney(minor, currency);
}

/** A debit or credit column: blank for zero, so the side that carries the amount stands out. */
export function amountCell(minor: number, currency: string): string {
  return minor === 0 ? '' : formatMoney(minor, currency);
}

/** A balance or total, where zero is a figure to show and a negative reads the locale's way. */
export const signedAmount = moneyText;

/** What a money input shows for a stored amount ("" for zero, so a grid stays readable). */
export function inputText(minor: number, currency: string): string {
  return minor === 0 ? '' : toDecimalString(money(minor, currency));
}

/** Reads a money input; null when it is not an amount. Empty means zero. */
export function readAmount(text: string, currency: string): number | null {
  if (text.trim() === '') return 0;
  const m = parseMoney(text, currency);
  return m && m.amount >= 0 ? m.amount : null;
}
