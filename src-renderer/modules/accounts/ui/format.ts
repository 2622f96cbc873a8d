import { formatMoney, money, parseMoney, toDecimalString } from '../../../core/money';

/** Amounts shown in reports and grids: locale digits, the currency's own decimals, no symbol clutter in columns. */
export function amountCell(minor: number, currency: string): string {
  if (minor === 0) return '';
  return formatMoney(money(minor, currency))
    .replace(/[^\d.,\-()\s]/g, '')
    .trim();
}

export function signedAmount(minor: number, currency: string): string {
  const text = formatMoney(money(Math.abs(minor), currency))
    .replace(/[^\d.,\s]/g, '')
    .trim();
  return minor < 0 ? `(${text})` : text;
}

export function moneyText(minor: number, currency: string): string {
  return formatMoney(money(minor, currency));
}

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
