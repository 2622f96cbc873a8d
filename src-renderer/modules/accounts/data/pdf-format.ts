import { formatDate, formatMoney } from '../../../core/format';
import { minorDigits, money, toDecimalString } from '../../../core/money';

/**
 * Money and dates as a PDF shows them, in the reader's locale: the app's one money and date
 * format (core/format.ts), plus the symbol-less column amounts a report needs. Intl is given
 * the exact decimal text, never a float, so a 15-digit amount is not rounded.
 */
export interface PdfFormat {
  locale: string | undefined;
  /** "$1,234.50", "1.234,50 €" (core/format): invoices, where the currency is part of the amount. */
  money(minor: number, currency: string): string;
  /** "1,234.50", negatives "(1,234.50)": report columns, whose heading names the currency. */
  amount(minor: number, currency: string): string;
  /** Same, but blank for zero: a trial balance reads better without a column of zeros. */
  amountOrBlank(minor: number, currency: string): string;
  /** 2025-12-31 → "12/31/2025" (en-US), "31.12.2025" (de-DE), as every page writes it. */
  date(iso: string): string;
}

type Exact = Parameters<Intl.NumberFormat['format']>[0];

export function pdfFormat(locale: string | undefined): PdfFormat {
  const safe = validLocale(locale);
  const numberFormats = new Map<string, Intl.NumberFormat>();
  const decimal = (currency: string) => {
    let f = numberFormats.get(currency);
    if (!f) {
      const digits = minorDigits(currency);
      f = new Intl.NumberFormat(safe, {
        minimumFractionDigits: digits,
        maximumFractionDigits: digits,
      });
      numberFormats.set(currency, f);
    }
    return f;
  };
  const exact = (minor: number, currency: string) =>
    toDecimalString(money(minor, currency)) as unknown as Exact;
  const amount = (minor: number, currency: string) => {
    const text = decimal(currency).format(exact(Math.abs(minor), currency));
    return minor < 0 ? `(${text})` : text;
  };
  return {
    locale: safe,
    money: (minor, currency) => formatMoney(minor, currency, safe),
    amount,
    amountOrBlank: (minor, currency) => (minor === 0 ? '' : amount(minor, currency)),
    date: (iso) => formatDate(iso, safe),
  };
}

/** A locale Intl accepts, or undefined (the worker's own): a bad one must not stop a PDF. */
function validLocale(locale: string | undefined): string | undefined {
  if (!locale) return undefined;
  try {
    return Intl.getCanonicalLocales(locale)[0];
  } catch {
    return undefined;
  }
}
