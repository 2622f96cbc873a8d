/**
 * Money is an integer count of minor units plus an ISO 4217 code (DESIGN §3). No floats
 * ever hold an amount: arithmetic is on safe integers, parsing reads decimal text digit by
 * digit, and formatting divides only for display. Conversion between currencies arrives
 * with the Accounts module and its decimal library; this file is the exact part.
 */
export interface Money {
  /** Minor units (cents for USD, yen for JPY, fils for KWD). */
  readonly amount: number;
  readonly currency: string;
}

/** ISO 4217 currencies whose minor unit is not 2 digits. Everything else has 2. */
const MINOR_DIGITS: Record<string, number> = {
  BIF: 0,
  CLP: 0,
  DJF: 0,
  GNF: 0,
  ISK: 0,
  JPY: 0,
  KMF: 0,
  KRW: 0,
  PYG: 0,
  RWF: 0,
  UGX: 0,
  UYI: 0,
  VND: 0,
  VUV: 0,
  XAF: 0,
  XOF: 0,
  XPF: 0,
  BHD: 3,
  IQD: 3,
  JOD: 3,
  KWD: 3,
  LYD: 3,
  OMR: 3,
  TND: 3,
};

export function minorDigits(currency: string): number {
  return MINOR_DIGITS[currency] ?? 2;
}

export function money(amount: number, currency: string): Money {
  if (!Number.isSafeInteger(amount)) {
    throw new RangeError(`Money must be a whole number of minor units, got ${amount}`);
  }
  if (!/^[A-Z]{3}$/.test(currency)) throw new RangeError(`Not an ISO currency code: ${currency}`);
  return { amount, currency };
}

export function zero(currency: string): Money {
  return money(0, currency);
}

function sameCurrency(a: Money, b: Money): void {
  if (a.currency !== b.currency) {
    throw new RangeError(`Cannot combine ${a.currency} with ${b.currency} without a conversion`);
  }
}

export function add(a: Money, b: Money): Money {
  sameCurrency(a, b);
  return money(a.amount + b.amount, a.currency);
}

export function subtract(a: Money, b: Money): Money {
  sameCurrency(a, b);
  return money(a.amount - b.amount, a.currency);
}

export function negate(a: Money): Money {
  return money(a.amount === 0 ? 0 : -a.amount, a.currency);
}

export function sum(items: readonly Money[], currency: string): Money {
  return items.reduce((acc, m) => add(acc, m), zero(currency));
}

/**
 * Reads what a clerk typed ("1,234.5", "-12", "0.07") into minor units without floating
 * point. Returns null when the text is not an amount or has more decimals than the currency.
 */
export function parseMoney(text: string, currency: string, decimalSeparator = '.'): Money | null {
  const group = decimalSeparator === '.' ? ',' : '.';
  const cleaned = text.trim().split(group).join('').replace(/\s/g, '');
  const re = new RegExp(`^(-)?(\\d+)(?:\\${decimalSeparator}(\\d*))?$`);
  const m = re.exec(cleaned);
  if (!m) return null;
  const digits = minorDigits(currency);
  const frac = m[3] ?? '';
  if (frac.length > digits) return null;
  const whole = m[2] ?? '0';
  const units =
    BigInt(whole) * 10n ** BigInt(digits) +
    BigInt((frac + '0'.repeat(digits)).slice(0, digits) || '0');
  const signed = m[1] ? -units : units;
  if (signed > BigInt(Number.MAX_SAFE_INTEGER) || signed < BigInt(Number.MIN_SAFE_INTEGER))
    return null;
  return money(Number(signed), currency);
}

/** Plain decimal text ("-1234.50"), exact, for exports and inputs. */
export function toDecimalString(m: Money): string {
  const digits = minorDigits(m.currency);
  const neg = m.amount < 0;
  const abs = String(Math.abs(m.amount)).padStart(digits + 1, '0');
  const text = digits === 0 ? abs : `${abs.slice(0, -digits)}.${abs.slice(-digits)}`;
  return neg ? `-${text}` : text;
}
