import { ACCOUNT_SUBTYPES, type AccountKind, type AccountSubtype } from '../schemas';

/**
 * A chart exported from another package rarely says what each account is *for*, only its kind
 * and name. The sub-type is what the ledger keys on (bank feeds, the VAT summary, the year-end
 * close), so a chart import guesses it from the name, in English and in the German words of an
 * SKR03/SKR04 export, and the clerk checks the guess before anything is saved.
 *
 * Rules run in order and the first that fits the row's kind wins: the specific ones (VAT
 * payable before payable, exchange gains before other income) come first.
 */
interface Rule {
  subtype: AccountSubtype;
  match: RegExp;
  /** Names that look like a match but are something else ("Bank charges" is no bank). */
  unless?: RegExp;
}

const RULES: Rule[] = [
  { subtype: 'rounding', match: /\b(rounding|rundung)/ },
  {
    subtype: 'fx-gain',
    match: /(exchange|\bfx\b|forex|currency|kurs).*(gain|gewinn|ertr)|ertr\S* aus kurs/,
  },
  {
    subtype: 'fx-loss',
    match: /(exchange|\bfx\b|forex|currency|kurs).*(loss|verlust|aufw)|aufw\S* aus kurs/,
  },
  // Input tax is reclaimable (an asset, or a liability when one VAT account nets both ways).
  {
    subtype: 'tax-receivable',
    match:
      /(vorsteuer|input (vat|tax|gst)|(vat|gst|hst|sales tax|tax) (receivable|recoverable|reclaimable))/,
  },
  {
    subtype: 'tax-payable',
    match:
      /(\bvat\b|\bgst\b|\bhst\b|sales tax|output tax|umsatzsteuer|mehrwertsteuer|\bmwst\b|\bust\b|^tax payable)/,
  },
  {
    subtype: 'receivable',
    match: /(accounts? receivable|trade receivables?|\bdebtors\b|forderungen aus lieferungen)/,
  },
  {
    subtype: 'payable',
    match: /(accounts? payable|trade payables?|\bcreditors\b|verbindlichkeiten aus lieferungen)/,
  },
  {
    subtype: 'retained-earnings',
    match:
      /(retained (earnings|profits?)|accumulated (profits?|earnings)|profit and loss (reserve|account)|gewinnvortrag|verlustvortrag)/,
  },
  {
    subtype: 'bank',
    match: /(\bbank\b|current account|checking|savings account|kreditinstitut)/,
    unless: /(charge|fee|interest|loan|overdraft|gebühr|zins)/,
  },
  { subtype: 'cash', match: /(\bcash\b|\bkasse\b|\bfloat\b)/, unless: /discount|skonto/ },
  { subtype: 'inventory', match: /(inventory|\bstock\b|warenbestand|vorräte|vorraete)/ },
  {
    subtype: 'fixed-asset',
    match:
      /(depreciation|equipment|machinery|vehicles?|furniture|fixtures|buildings?|\bland\b|plant|computers?|abschreibung|anlagen|fuhrpark|gebäude|maschinen)/,
  },
  {
    subtype: 'long-term-liability',
    match: /(loan|mortgage|long[- ]term|darlehen|hypothek)/,
  },
  {
    subtype: 'cost-of-sales',
    match:
      /(cost of (sales|goods)|\bcogs\b|purchases|direct costs?|materials|wareneingang|materialaufwand|freight in)/,
  },
  {
    subtype: 'other-income',
    match: /(interest|dividend|other|misc|sundry|zinsertr|sonstige)/,
  },
];

/** What an account of each kind is when its name says nothing more specific. */
const FALLBACK: Record<AccountKind, AccountSubtype> = {
  asset: 'current-asset',
  liability: 'current-liability',
  equity: 'equity',
  income: 'sales',
  expense: 'expense',
};

/**
 * A group only totals the accounts under it, so it gets the broadest sub-type of its kind
 * (as the starter chart's groups do): nothing keyed on a specific one (the bank list, the
 * special accounts offered) ever picks up a group.
 */
export const GROUP_SUBTYPE: Record<AccountKind, AccountSubtype> = {
  asset: 'current-asset',
  liability: 'current-liability',
  equity: 'equity',
  income: 'other-income',
  expense: 'expense',
};

/**
 * The sub-type an account of this kind and name most likely has. With no kind, only a name
 * that says it plainly ("Debtors", "VAT payable") gives an answer; otherwise null.
 */
export function guessSubtype(kind: AccountKind | null, name: string): AccountSubtype | null {
  const n = name.toLowerCase().normalize('NFC');
  for (const rule of RULES) {
    if (!rule.match.test(n) || rule.unless?.test(n)) continue;
    let subtype = rule.subtype;
    // One VAT control account on the liability side is common (UK "VAT", 2200): it stays a liability.
    if (subtype === 'tax-receivable' && kind === 'liability') subtype = 'tax-payable';
    if (subtype === 'tax-payable' && kind === 'asset') subtype = 'tax-receivable';
    if (kind === null || ACCOUNT_SUBTYPES[subtype] === kind) return subtype;
  }
  return kind === null ? null : FALLBACK[kind];
}
