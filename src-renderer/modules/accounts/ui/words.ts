import type { AccountSubtype } from '../domain/schemas';

/**
 * Accounts' stored codes in the words a bookkeeper uses. The codes ('tax-receivable',
 * 'closing') stay in documents and CSV files; screens show these.
 */
export const SUBTYPE_WORDS: Record<AccountSubtype, string> = {
  bank: 'Bank',
  cash: 'Cash',
  receivable: 'Accounts receivable',
  inventory: 'Inventory',
  'tax-receivable': 'Tax receivable',
  'current-asset': 'Other current asset',
  'fixed-asset': 'Fixed asset',
  payable: 'Accounts payable',
  'tax-payable': 'Tax payable',
  'current-liability': 'Other current liability',
  'long-term-liability': 'Long-term liability',
  equity: 'Equity',
  'retained-earnings': 'Retained earnings',
  sales: 'Sales',
  'other-income': 'Other income',
  'fx-gain': 'Exchange gain',
  'cost-of-sales': 'Cost of sales',
  expense: 'Expense',
  'fx-loss': 'Exchange loss',
  rounding: 'Rounding',
};

/** A sub-type code in words; a code this build does not know is shown as it is. */
export function subtypeWords(subtype: string): string {
  return (SUBTYPE_WORDS as Record<string, string>)[subtype] ?? subtype;
}

const JOURNAL_KIND_WORDS: Record<string, string> = {
  manual: 'Manual entry',
  reversal: 'Reversal',
  closing: 'Year-end closing',
  opening: 'Opening balances',
  import: 'Imported',
};

/** What kind of journal entry this is, in words ('closing' → "Year-end closing"). */
export function journalKindWords(kind: string): string {
  return JOURNAL_KIND_WORDS[kind] ?? kind;
}

const KIND_WORDS: Record<string, string> = {
  asset: 'Asset',
  liability: 'Liability',
  equity: 'Equity',
  income: 'Income',
  expense: 'Expense',
};

/** An account kind in words ('asset' → "Asset"). */
export function kindWords(kind: string): string {
  return KIND_WORDS[kind] ?? kind;
}
