import { minorDigits, toDecimalString } from '../../../../core/money';
import type { AccountKind } from '../schemas';

/**
 * Plain-text accounting export (hledger / ledger journal format), so an accountant or auditor
 * can check our books with independent tools. hledger is picky in a few places, and each
 * sanitising step below exists for one of them.
 */

export interface HledgerPosting {
  /** Full account name, e.g. "Assets:Bank:1200 Main bank" (see accountPath). */
  account: string;
  /** Minor units; debit positive, credit negative. */
  amountMinor: number;
  currency: string;
}

export interface HledgerEntry {
  date: string;
  number: string | null;
  memo: string;
  reference: string;
  lines: HledgerPosting[];
  /**
   * hledger tags written as `; name:` on the transaction, e.g. `closing` on a year-end close,
   * so other tools can leave it out of an income statement (`not:tag:closing`).
   */
  tags?: string[];
}

export interface HledgerOptions {
  /**
   * Emit `commodity` directives first. They pin each currency's decimal mark and precision,
   * so hledger never mistakes "1.250 KWD" for one thousand two hundred and fifty.
   */
  commodityDirectives?: boolean;
  /** Comment lines written at the top (company name, export date). */
  headerComment?: string;
}

const KIND_ROOT: Record<AccountKind, string> = {
  asset: 'Assets',
  liability: 'Liabilities',
  equity: 'Equity',
  income: 'Income',
  expense: 'Expenses',
};

/**
 * In hledger a colon separates account levels, two spaces end the account name and a
 * semicolon starts a comment, so none may appear inside one level's name.
 */
function accountPart(text: string): string {
  return text.replace(/:/g, '-').replace(/;/g, ',').replace(/\s+/g, ' ').trim();
}

/**
 * `Assets:Current assets:1200 Main bank`. The code is kept on the account itself so two
 * accounts with the same name never merge; ancestors (top-most first) give the hierarchy.
 */
export function accountPath(
  account: { code: string; name: string },
  ancestors: { code: string; name: string }[],
  kind: AccountKind,
): string {
  const parts = [
    KIND_ROOT[kind],
    ...ancestors.map((a) => accountPart(a.name) || accountPart(a.code)),
    accountPart(`${account.code} ${account.name}`),
  ];
  return parts.join(':');
}

/** Descriptions end at ";" (a comment) and at the line end, so both are neutralised. */
function descriptionText(text: string): string {
  return text
    .replace(/[\r\n\t]+/g, ' ')
    .replace(/;/g, ',')
    .replace(/\s+/g, ' ')
    .trim();
}

function commentText(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').trim();
}

export function hledgerAmount(amountMinor: number, currency: string): string {
  return `${toDecimalString({ amount: amountMinor, currency })} ${currency}`;
}

export function toHledgerJournal(entries: HledgerEntry[], options: HledgerOptions = {}): string {
  const out: string[] = [];
  if (options.headerComment)
    for (const l of options.headerComment.split(/\r?\n/)) out.push(`; ${l}`);
  if (options.commodityDirectives ?? true) {
    const currencies = [...new Set(entries.flatMap((e) => e.lines.map((l) => l.currency)))].sort();
    for (const c of currencies)
      out.push(`commodity ${hledgerAmount(1000 * 10 ** minorDigits(c), c)}`);
    if (currencies.length > 0) out.push('');
  }
  for (const e of entries) {
    const totals = new Map<string, number>();
    for (const l of e.lines) totals.set(l.currency, (totals.get(l.currency) ?? 0) + l.amountMinor);
    const off = [...totals].filter(([, t]) => t !== 0);
    if (off.length > 0) {
      // An unbalanced export would be refused by hledger anyway; failing here names the entry.
      const what = off.map(([c, t]) => hledgerAmount(t, c)).join(', ');
      throw new RangeError(
        `Entry ${e.number ?? e.reference} of ${e.date} does not balance (off by ${what}); it cannot be exported.`,
      );
    }
    const code = descriptionText(e.number ?? '') || descriptionText(e.reference) || '-';
    const memo = descriptionText(e.memo);
    out.push(`${e.date} ${code.replace(/\|/g, '/')}${memo ? ` | ${memo}` : ''}`);
    if (e.reference && e.number) out.push(`    ; reference: ${commentText(e.reference)}`);
    // A tag name ends at the colon and at whitespace, so only word characters are kept.
    for (const tag of e.tags ?? []) out.push(`    ; ${tag.replace(/[^\w-]/g, '')}:`);
    // Two spaces would end the account name early, so any run of whitespace becomes one.
    const names = e.lines.map((l) => l.account.replace(/\s+/g, ' ').trim());
    const width = Math.max(...names.map((n) => n.length), 0);
    e.lines.forEach((l, i) => {
      const amount = hledgerAmount(l.amountMinor, l.currency);
      out.push(`    ${(names[i] ?? '').padEnd(width)}  ${amount.padStart(16)}`);
    });
    out.push('');
  }
  return out.join('\n');
}
