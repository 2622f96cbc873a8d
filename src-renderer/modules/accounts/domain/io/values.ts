import { isIsoDate } from '../../../../core/dates';
import { minorDigits, parseMoney, toDecimalString } from '../../../../core/money';

/**
 * Amount and date reading shared by the importers. Amounts go through core/money's
 * parseMoney so no float ever holds one; the checks here exist to tell the clerk *why*
 * a value was refused (not a number vs. too many decimals), which parseMoney cannot.
 */

export type AmountParse = { ok: true; value: number } | { ok: false; reason: AmountProblem };

export type AmountProblem = 'empty' | 'format' | 'decimals' | 'range' | 'sign';

export interface AmountOptions {
  decimalSeparator?: '.' | ',';
  /** Accept "1,234.50": only safe where the separator cannot have split the value. */
  allowGrouping?: boolean;
  /** Bank files write "12.5000" for a 2-decimal currency; zeros past the minor unit lose nothing. */
  trimExtraZeros?: boolean;
  /** Accept "(12.00)" as negative, as accounting exports do. */
  allowParentheses?: boolean;
}

const SPACES = /[\s\u00a0\u202f]/g;

export function parseAmountText(
  raw: string,
  currency: string,
  opts: AmountOptions = {},
): AmountParse {
  const dec = opts.decimalSeparator ?? '.';
  const group = dec === '.' ? ',' : '.';
  let s = raw.trim();
  if (s === '') return { ok: false, reason: 'empty' };
  let negative = false;
  if (opts.allowParentheses && s.startsWith('(') && s.endsWith(')')) {
    negative = true;
    s = s.slice(1, -1).trim();
    // "(-5.00)": negative twice over, or a minus inside a negative? Nobody can tell: refuse.
    if (s.startsWith('-') || s.startsWith('+')) return { ok: false, reason: 'sign' };
  }
  if (s.startsWith('-') || s.startsWith('+')) {
    negative = s[0] === '-';
    s = s.slice(1);
  }
  let intPart = s;
  let frac = '';
  const decAt = s.indexOf(dec);
  if (decAt >= 0) {
    intPart = s.slice(0, decAt);
    frac = s.slice(decAt + 1);
    if (!/^\d+$/.test(frac)) return { ok: false, reason: 'format' };
  }
  if (opts.allowGrouping) {
    const flat = intPart.replace(SPACES, '');
    const groupedRe = group === ',' ? /^\d{1,3}(?:,\d{3})+$/ : /^\d{1,3}(?:\.\d{3})+$/;
    if (/^\d{1,3}(?:[\s\u00a0\u202f]\d{3})+$/.test(intPart)) intPart = flat;
    else if (groupedRe.test(intPart)) intPart = intPart.split(group).join('');
  }
  if (!/^\d+$/.test(intPart)) return { ok: false, reason: 'format' };
  const digits = minorDigits(currency);
  if (frac.length > digits) {
    if (!opts.trimExtraZeros || !/^0*$/.test(frac.slice(digits)))
      return { ok: false, reason: 'decimals' };
    frac = frac.slice(0, digits);
  }
  const m = parseMoney(`${negative ? '-' : ''}${intPart}${frac ? `.${frac}` : ''}`, currency);
  if (!m) return { ok: false, reason: 'range' };
  return { ok: true, value: m.amount === 0 ? 0 : m.amount };
}

/** Clerk-readable reason, naming the value and what a good one looks like. */
export function amountMessage(
  raw: string,
  currency: string,
  reason: AmountProblem,
  dec: '.' | ',' = '.',
): string {
  const digits = minorDigits(currency);
  const example = toDecimalString({
    amount: 123450 * 10 ** Math.max(0, digits - 2),
    currency,
  }).replace('.', dec);
  switch (reason) {
    case 'empty':
      return 'The amount is empty. Enter an amount.';
    case 'format':
      return `"${raw.trim()}" is not an amount. Write it like ${example}${dec === '.' ? ' (use a thousands separator only inside double quotes)' : ''}.`;
    case 'decimals':
      return digits === 0
        ? `"${raw.trim()}" has decimals, but ${currency} has no minor unit. Write a whole number.`
        : `"${raw.trim()}" has more than ${digits} decimals, which ${currency} does not have. Round it to ${digits} decimals.`;
    case 'range':
      return `"${raw.trim()}" is too large to be an amount.`;
    case 'sign':
      return `"${raw.trim()}" has both brackets and a sign, so it is unclear whether it is money in or out. Write it as -${example} or (${example}).`;
  }
}

export function formatMinor(amount: number, currency: string): string {
  return `${toDecimalString({ amount, currency })} ${currency}`;
}

export type DateFormat = 'YYYY-MM-DD' | 'DD/MM/YYYY' | 'MM/DD/YYYY' | 'DD.MM.YYYY';

const DATE_PATTERNS: Record<DateFormat, { re: RegExp; order: [number, number, number] }> = {
  'YYYY-MM-DD': { re: /^(\d{4})-(\d{1,2})-(\d{1,2})$/, order: [1, 2, 3] },
  'DD/MM/YYYY': { re: /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/, order: [3, 2, 1] },
  'MM/DD/YYYY': { re: /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/, order: [3, 1, 2] },
  'DD.MM.YYYY': { re: /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/, order: [3, 2, 1] },
};

/** Reads a date in the given layout into YYYY-MM-DD, or null if it is not a real calendar day. */
export function parseDateText(raw: string, format: DateFormat): string | null {
  const { re, order } = DATE_PATTERNS[format];
  const m = re.exec(raw.trim());
  if (!m) return null;
  const y = m[order[0]] ?? '';
  const mo = (m[order[1]] ?? '').padStart(2, '0');
  const d = (m[order[2]] ?? '').padStart(2, '0');
  const iso = `${y}-${mo}-${d}`;
  return isIsoDate(iso) ? iso : null;
}

/** Strict YYYY-MM-DD: the journal format documents exactly this and nothing else. */
export function isStrictIsoDate(raw: string): boolean {
  return raw.length === 10 && isIsoDate(raw);
}

/**
 * Stable 64-bit FNV-1a style hash as hex. Synchronous and dependency-free so it runs the same in
 * a worker and in Node; it only has to tell statement lines apart, not resist attackers.
 */
export function stableHash(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    h2 ^= h2 >>> 15;
  }
  return (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0');
}

/**
 * Builds de-duplication ids for lines the bank gave no id. The index counts identical
 * date+amount+description lines *within the file*, so two genuine identical coffees on one
 * day stay distinct while re-importing an overlapping export still yields the same ids.
 */
export function makeLineIdFactory(): (date: string, amount: number, description: string) => string {
  const seen = new Map<string, number>();
  return (date, amount, description) => {
    const key = `${date}\u0000${amount}\u0000${description.trim().replace(/\s+/g, ' ')}`;
    const index = seen.get(key) ?? 0;
    seen.set(key, index + 1);
    return `h:${stableHash(`${key}\u0000${index}`)}`;
  };
}
