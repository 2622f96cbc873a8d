/**
 * Quantities as whole ten-thousandths of a unit. Forms and documents write a quantity as a decimal
 * string with at most 4 decimals (the same rule as an invoice line), so scaling by 10^4 makes
 * every quantity an exact integer: sums, comparisons and "on hand = sum of moves" never meet a
 * float's 0.1 + 0.2.
 */
export const QTY_SCALE = 10_000;

const QUANTITY = /^(-?)(0|[1-9]\d{0,11})(?:\.(\d{1,4}))?$/;

/** "12.5" → 125000; null for anything that is not a quantity with at most 4 decimals. */
export function parseQty(text: string): number | null {
  const m = QUANTITY.exec(text.trim());
  if (!m) return null;
  const whole = Number(m[2]) * QTY_SCALE;
  const frac = Number((m[3] ?? '').padEnd(4, '0'));
  const n = whole + frac;
  return m[1] === '-' && n !== 0 ? -n : n;
}

/** 125000 → "12.5"; trailing zeros dropped, so the text reads back to the same integer. */
export function formatQty(scaled: number): string {
  if (!Number.isSafeInteger(scaled)) throw new RangeError(`Not a scaled quantity: ${scaled}`);
  const sign = scaled < 0 ? '-' : '';
  const abs = Math.abs(scaled);
  const whole = Math.floor(abs / QTY_SCALE);
  const frac = String(abs % QTY_SCALE)
    .padStart(4, '0')
    .replace(/0+$/, '');
  return `${sign}${whole}${frac ? `.${frac}` : ''}`;
}
