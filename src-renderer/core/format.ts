import { isIsoDate } from './dates';
import { minorDigits, money, toDecimalString } from './money';

/**
 * The one way Outpost shows money, dates and counts to a person (issue 11, item 14): pages,
 * dialogs, messages and PDFs all call these, so "$558.00" and "12/01/2026" look the same on
 * every screen. `locale` undefined means the user's own (the browser's). Files written for
 * other programs (CSV, hledger) keep machine forms (ISO dates, plain decimals) and never
 * come through here.
 */

const moneyFormats = new Map<string, Intl.NumberFormat>();
const parenthesised = new Map<string, boolean>();

function moneyFormat(currency: string, locale?: string): Intl.NumberFormat {
  const key = `${locale ?? ''}|${currency}`;
  let f = moneyFormats.get(key);
  if (!f) {
    const digits = minorDigits(currency);
    f = new Intl.NumberFormat(locale, {
      ...(currency ? { style: 'currency', currency } : {}),
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    moneyFormats.set(key, f);
  }
  return f;
}

/**
 * Whether the locale's bookkeepers write a negative amount in parentheses ("($5.00)" in the
 * US, "-5,00 €" in Germany). Asked of Intl's accounting style, but not formatted with it: ICU
 * drops India's lakh grouping in that style ("₹123,456.50" instead of "₹1,23,456.50").
 */
function usesParentheses(locale?: string): boolean {
  const key = locale ?? '';
  let p = parenthesised.get(key);
  if (p === undefined) {
    const probe = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency: 'USD',
      currencySign: 'accounting',
    }).format(-1);
    p = probe.trim().startsWith('(');
    parenthesised.set(key, p);
  }
  return p;
}

/**
 * 55800 USD → "$558.00" (en-US), 123450 EUR → "1.234,50 €" (de-DE), 1234 JPY → "￥1,234"
 * (ja-JP). The currency's own decimals; negatives the locale's bookkeeping way. Intl gets the
 * exact decimal text, never a float, so a 15-digit amount is not rounded.
 */
export function formatMoney(minor: number, currency: string, locale?: string): string {
  // A statement or draft with no currency yet still shows its amount (two decimals, no
  // symbol) rather than breaking the page.
  const known = /^[A-Z]{3}$/.test(currency);
  const m = money(minor, known ? currency : 'XXX');
  const fmt = moneyFormat(known ? currency : '', locale);
  if (m.amount < 0 && usesParentheses(locale)) {
    return `(${fmt.format(toDecimalString(money(-m.amount, m.currency)) as unknown as number)})`;
  }
  return fmt.format(toDecimalString(m) as unknown as number);
}

type Part = 'day' | 'month' | 'year';

export interface DatePattern {
  order: Part[];
  separator: string;
}

const patterns = new Map<string, DatePattern>();

/** The order and separator the locale writes a numeric date in (day, month, year; "/"). */
export function datePattern(locale?: string): DatePattern {
  const key = locale ?? '';
  const hit = patterns.get(key);
  if (hit) return hit;
  const parts = new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    timeZone: 'UTC',
  }).formatToParts(Date.UTC(2026, 2, 31));
  const order = parts
    .filter(
      (p): p is Intl.DateTimeFormatPart & { type: Part } =>
        p.type === 'day' || p.type === 'month' || p.type === 'year',
    )
    .map((p) => p.type);
  const separator = parts.find((p) => p.type === 'literal')?.value.trim() || '/';
  const found = {
    order: order.length === 3 ? order : (['year', 'month', 'day'] as Part[]),
    separator,
  };
  patterns.set(key, found);
  return found;
}

/**
 * "2026-12-01" → "12/01/2026" (en-US), "01/12/2026" (en-GB), "01.12.2026" (de-DE): the same
 * pattern a DateInput shows and reads. Text that is not an ISO date comes back unchanged.
 */
export function formatDate(iso: string, locale?: string): string {
  if (!isIsoDate(iso)) return iso;
  const [year, month, day] = iso.split('-') as [string, string, string];
  const { order, separator } = datePattern(locale);
  const by: Record<Part, string> = { year, month, day };
  return order.map((p) => by[p]).join(separator);
}

/** How the locale writes a date, for a placeholder: "MM/DD/YYYY". */
export function datePlaceholder(locale?: string): string {
  const { order, separator } = datePattern(locale);
  const word: Record<Part, string> = { day: 'DD', month: 'MM', year: 'YYYY' };
  return order.map((p) => word[p]).join(separator);
}

/** What a date field says when its text is not a date: "Use the format MM/DD/YYYY, e.g. 12/31/2026". */
export function dateFormatHint(locale?: string): string {
  // The 31st, so day and month cannot be mistaken for each other in the example.
  return `Use the format ${datePlaceholder(locale)}, e.g. ${formatDate('2026-12-31', locale)}`;
}

const timeFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * A moment (ISO UTC timestamp) in the user's time zone: "12/01/2026 14:05" — the date as
 * formatDate writes it, then the time of day. Text that is not a timestamp comes back unchanged.
 */
export function formatDateTime(timestamp: string, locale?: string): string {
  const d = new Date(timestamp);
  if (Number.isNaN(d.getTime())) return timestamp;
  const pad = (n: number) => String(n).padStart(2, '0');
  const day = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  const key = locale ?? '';
  let t = timeFormats.get(key);
  if (!t) {
    t = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' });
    timeFormats.set(key, t);
  }
  return `${formatDate(day, locale)} ${t.format(d)}`;
}

/** A whole number grouped the locale's way: 20000 → "20,000" (en-US), "20.000" (de-DE). */
export function formatCount(n: number, locale?: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(n);
}

/**
 * "1 record", "2,000 records", "0 records". `many` defaults to `one` + "s" (words like
 * "entry" pass "entries").
 */
export function countOf(n: number, one: string, many = `${one}s`, locale?: string): string {
  return `${formatCount(n, locale)} ${n === 1 ? one : many}`;
}

/** A rate in basis points as the locale writes a percentage: 750 → "7.50%" (en-US), "7,50 %" (de-DE). */
export function formatPercent(basisPoints: number, locale?: string): string {
  return new Intl.NumberFormat(locale, {
    style: 'percent',
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }).format(`${basisPoints}E-4` as unknown as number);
}

/** Any other number, grouped the locale's way with every decimal it has: 1234.5678 → "1,234.5678". */
export function formatNumber(n: number, locale?: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 20 }).format(n);
}
