import { minorDigits, money, parseMoney, toDecimalString } from '../../core/money';

/**
 * Numbers as a clerk reads and types them in their own locale ("1.234,50" in Germany,
 * "1,234.50" in the US), converted exactly: money to and from integer minor units through
 * core/money.ts, quantities to and from plain decimal text. Nothing here goes through a float.
 */

export interface Separators {
  decimal: string;
  group: string;
}

const cache = new Map<string, Separators>();

export function separators(locale?: string): Separators {
  const key = locale ?? '';
  const hit = cache.get(key);
  if (hit) return hit;
  const parts = new Intl.NumberFormat(locale, { useGrouping: true }).formatToParts(1234567.5);
  const found = {
    decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.',
    group: parts.find((p) => p.type === 'group')?.value ?? ',',
  };
  cache.set(key, found);
  return found;
}

/** Exact decimal text ("-1234.50") in the locale's digits and separators, grouped. */
function formatDecimalText(text: string, fractionDigits: number, locale?: string): string {
  // Intl formats a numeric string exactly (no float in between) on every engine we ship.
  const fmt = new Intl.NumberFormat(locale, {
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: fractionDigits,
  });
  return fmt.format(text as unknown as number);
}

/** "1,234.50" / "1.234,50" for 123450 USD/EUR: what a money input shows when it is not being typed in. */
export function formatMinor(minor: number, currency: string, locale?: string): string {
  return formatDecimalText(toDecimalString(money(minor, currency)), minorDigits(currency), locale);
}

/** The text a money input holds while typing: no grouping, the locale's decimal separator. */
export function editableMinor(minor: number, currency: string, locale?: string): string {
  const text = toDecimalString(money(minor, currency));
  return text.replace('.', separators(locale).decimal);
}

/** Group separators the locale uses, plus spaces of every kind (French uses a narrow no-break space). */
function stripGroups(text: string, locale?: string): string {
  const { group } = separators(locale);
  return text
    .split(group)
    .join('')
    .replace(/[\s\u00a0\u202f']/g, '');
}

/**
 * Reads typed money into minor units; null when it is not an amount in that currency (letters,
 * two decimal separators, more decimals than the currency has). Empty text is also null.
 */
export function parseMinor(text: string, currency: string, locale?: string): number | null {
  const { decimal } = separators(locale);
  const cleaned = stripGroups(text.trim(), locale);
  if (cleaned === '') return null;
  const m = parseMoney(cleaned, currency, decimal === ',' ? ',' : '.');
  return m ? m.amount : null;
}

/** Why typed money was refused, in words a clerk can act on. */
export function moneyProblem(currency: string): string {
  const d = minorDigits(currency);
  return d === 0
    ? `Not an amount in ${currency} (no decimals)`
    : `Not an amount in ${currency} (up to ${d} decimals)`;
}

/**
 * Reads a typed quantity into canonical decimal text ("12.5", "-0.125") with at most
 * `precision` decimals; null when it is not a number or has more decimals.
 */
export function parseQuantity(text: string, precision: number, locale?: string): string | null {
  const { decimal } = separators(locale);
  const cleaned = stripGroups(text.trim(), locale);
  const re = new RegExp(`^(-)?(\\d+)(?:\\${decimal}(\\d*))?$`);
  const m = re.exec(cleaned);
  if (!m) return null;
  const frac = (m[3] ?? '').replace(/0+$/, '');
  if (frac.length > precision) return null;
  const whole = m[2]!.replace(/^0+(?=\d)/, '');
  const neg = m[1] && (whole !== '0' || frac !== '');
  return `${neg ? '-' : ''}${whole}${frac ? `.${frac}` : ''}`;
}

/** Canonical decimal text shown in the locale ("1.234,5" in Germany), up to `precision` decimals. */
export function formatQuantity(value: string, precision: number, locale?: string): string {
  const frac = value.split('.')[1] ?? '';
  return formatDecimalText(value, Math.min(frac.length, precision), locale);
}
