import Decimal from 'decimal.js';
import { money, toDecimalString } from '../../../core/money';
import { decimalRateSchema } from './schemas';

/**
 * Shared arithmetic for the Accounts domain rules. A private Decimal clone, so a `Decimal.set`
 * anywhere else in the app can never change how money rounds here. 60 significant digits hold
 * a safe integer (16 digits) times a 10-decimal rate times a power of ten with room to spare,
 * so the only rounding that ever happens is the explicit one in `roundMinor`.
 */
export const Dec = Decimal.clone({
  precision: 60,
  rounding: Decimal.ROUND_HALF_UP,
  toExpNeg: -100,
  toExpPos: 100,
});
export type DecimalValue = Decimal;

/**
 * THE rounding rule for money: to a whole minor unit, half away from zero (ROUND_HALF_UP in
 * decimal.js), the convention tax authorities and most ledgers expect; symmetric for negatives
 * so a credit note rounds exactly like the invoice it mirrors.
 */
export function roundMinor(d: Decimal): number {
  const n = d.toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber();
  if (!Number.isSafeInteger(n)) throw new RangeError(`Amount too large: ${d.toString()}`);
  // -0 would print as "-0.00" on a report.
  return n === 0 ? 0 : n;
}

/** Reads a rate as text (never via a float); refuses anything `decimalRateSchema` refuses. */
export function parseRate(rate: string): Decimal {
  const parsed = decimalRateSchema.safeParse(rate);
  if (!parsed.success)
    throw new RangeError(
      `Not a valid exchange rate: "${rate}". Write it as a decimal number, e.g. 1.0825.`,
    );
  return new Dec(parsed.data);
}

export function assertMinor(n: number, what = 'Amount'): void {
  if (!Number.isSafeInteger(n))
    throw new RangeError(`${what} must be a whole number of minor units, got ${n}`);
}

/** "12.50 USD": what a clerk reads in an error message. Without a currency, just the number. */
export function amountText(minor: number, currency?: string): string {
  if (!currency) return toDecimalString(money(minor, 'XXX'));
  return `${toDecimalString(money(minor, currency))} ${currency}`;
}

/** The sentence every "does not balance" error uses, so clerks learn one wording. */
export function imbalanceMessage(difference: number, currency: string, context = ''): string {
  const which = difference > 0 ? 'debits exceed credits' : 'credits exceed debits';
  return `The entry does not balance${context}: ${which} by ${amountText(Math.abs(difference), currency)}.`;
}

export function sumBy<T>(items: readonly T[], pick: (item: T) => number): number {
  let total = 0;
  for (const item of items) total += pick(item);
  if (!Number.isSafeInteger(total)) throw new RangeError('Total too large.');
  return total;
}
