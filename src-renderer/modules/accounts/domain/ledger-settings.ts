import type { Account, AccountKind, AccountSubtype, LedgerSettings } from './schemas';

/**
 * The special accounts postings go to without anyone naming them: an invoice's receivable,
 * a bill's payable, the year-end close's retained earnings, the exchange difference and the
 * cent lost converting a payment, the tax on a sale or purchase. The starter chart fills them
 * in; a company that starts from its own chart picks them from it, and these rules say which
 * accounts fit.
 */
export type SpecialField =
  | 'receivableAccount'
  | 'payableAccount'
  | 'retainedEarningsAccount'
  | 'fxGainAccount'
  | 'fxLossAccount'
  | 'roundingAccount'
  | 'defaultSalesAccount'
  | 'defaultPurchaseAccount';

/** Tax accounts live on the tax codes; when a company has none yet, its first ones are made from these. */
export type TaxField = 'taxPayableAccount' | 'taxReceivableAccount';

export interface SpecialAccountSpec<F extends string = SpecialField | TaxField> {
  field: F;
  label: string;
  /** What it is for, in a clerk's words. */
  help: string;
  kinds: readonly AccountKind[];
  /** Sub-types that suggest an account for it, best first (the chart import guesses them). */
  suggest: readonly AccountSubtype[];
}

export const SPECIAL_ACCOUNTS: readonly SpecialAccountSpec<SpecialField>[] = [
  {
    field: 'receivableAccount',
    label: 'Accounts receivable',
    help: 'What customers owe: invoices and receipts post here.',
    kinds: ['asset'],
    suggest: ['receivable'],
  },
  {
    field: 'payableAccount',
    label: 'Accounts payable',
    help: 'What the company owes suppliers: bills and payments post here.',
    kinds: ['liability'],
    suggest: ['payable'],
  },
  {
    field: 'retainedEarningsAccount',
    label: 'Retained earnings',
    help: 'The year-end close moves the year’s profit here.',
    kinds: ['equity'],
    suggest: ['retained-earnings'],
  },
  {
    field: 'fxGainAccount',
    label: 'Exchange gains',
    help: 'Gains when a foreign-currency invoice is paid at a better rate.',
    kinds: ['income'],
    suggest: ['fx-gain'],
  },
  {
    field: 'fxLossAccount',
    label: 'Exchange losses',
    help: 'Losses when a foreign-currency invoice is paid at a worse rate.',
    kinds: ['expense'],
    suggest: ['fx-loss'],
  },
  {
    field: 'roundingAccount',
    label: 'Rounding',
    help: 'Cents lost converting between currencies.',
    kinds: ['expense', 'income'],
    suggest: ['rounding'],
  },
  {
    field: 'defaultSalesAccount',
    label: 'Default sales account',
    help: 'Invoice lines go here unless the line names another account.',
    kinds: ['income'],
    suggest: ['sales'],
  },
  {
    field: 'defaultPurchaseAccount',
    label: 'Default purchase account',
    help: 'Bill lines go here unless the line names another account.',
    kinds: ['expense', 'asset'],
    suggest: ['cost-of-sales', 'expense'],
  },
];

export const TAX_ACCOUNTS: readonly SpecialAccountSpec<TaxField>[] = [
  {
    field: 'taxPayableAccount',
    label: 'Tax payable (VAT / GST / sales tax on sales)',
    help: 'Tax charged on sales, owed to the tax authority.',
    kinds: ['liability'],
    suggest: ['tax-payable'],
  },
  {
    field: 'taxReceivableAccount',
    label: 'Tax receivable (tax paid on purchases)',
    help: 'Tax paid on purchases that can be reclaimed; may be the same VAT account.',
    kinds: ['asset', 'liability'],
    suggest: ['tax-receivable', 'tax-payable'],
  },
];

export type SpecialAccounts = Record<SpecialField, string>;
export type TaxAccounts = Record<TaxField, string>;

/** What the Ledger settings page sends. */
export interface LedgerSettingsInput {
  accounts: Partial<SpecialAccounts>;
  /** Needed only while the company has no tax codes: its first ones post to these. */
  tax?: Partial<TaxAccounts>;
}

const KIND_WORDS: Record<AccountKind, string> = {
  asset: 'an asset',
  liability: 'a liability',
  equity: 'an equity',
  income: 'an income',
  expense: 'an expense',
};

/**
 * Problems with a choice of special accounts, by field: every field must name an account of
 * the chart that takes postings (not a group, not archived) and is of a kind that fits.
 */
export function checkSpecialAccounts(
  choice: Partial<Record<string, unknown>>,
  specs: readonly SpecialAccountSpec[],
  chart: readonly Pick<Account, 'code' | 'name' | 'kind' | 'isGroup' | 'archived'>[],
): Record<string, string> {
  const byCode = new Map(chart.map((a) => [a.code, a]));
  const errors: Record<string, string> = {};
  for (const spec of specs) {
    // Whatever arrives over RPC: anything but text counts as not chosen.
    const raw = choice[spec.field];
    const code = typeof raw === 'string' ? raw.trim() : '';
    const kinds = spec.kinds.map((k) => KIND_WORDS[k]).join(' or ');
    const account = byCode.get(code);
    if (code === '') errors[spec.field] = `Choose the ${spec.label.toLowerCase()} account.`;
    else if (!account) errors[spec.field] = `There is no account ${code} in the chart.`;
    else if (account.isGroup)
      errors[spec.field] =
        `${code} ${account.name} is a group account; nothing is posted to it. Choose an account under it.`;
    else if (account.archived)
      errors[spec.field] = `${code} ${account.name} is archived. Choose an account in use.`;
    else if (!spec.kinds.includes(account.kind))
      errors[spec.field] =
        `${code} ${account.name} is ${KIND_WORDS[account.kind]} account; the ${spec.label.toLowerCase()} must be ${kinds} account.`;
  }
  return errors;
}

/** The special accounts the company still has to pick (all of them until ledger settings exist). */
export function missingSpecialAccounts(
  settings: Pick<LedgerSettings, SpecialField> | null,
): SpecialAccountSpec<SpecialField>[] {
  return SPECIAL_ACCOUNTS.filter((s) => !settings || !settings[s.field]);
}

/**
 * A first choice for each special account, from the sub-types of the chart (the one the
 * import guessed or the clerk set): the first account, by code, that takes postings.
 */
export function suggestSpecialAccounts(
  specs: readonly SpecialAccountSpec[],
  chart: readonly Pick<Account, 'code' | 'subtype' | 'isGroup' | 'archived'>[],
): Record<string, string> {
  const usable = chart
    .filter((a) => !a.isGroup && !a.archived)
    .sort((a, b) => (a.code < b.code ? -1 : 1));
  const out: Record<string, string> = {};
  for (const spec of specs) {
    for (const subtype of spec.suggest) {
      const hit = usable.find((a) => a.subtype === subtype);
      if (hit) {
        out[spec.field] = hit.code;
        break;
      }
    }
  }
  return out;
}

/**
 * Why an edit of an account would leave Ledger settings pointing at something unusable (an
 * archived or group account, a wrong kind, a code that no longer exists); null when it would not.
 */
export function specialAccountEditProblem(
  current: Pick<Account, 'code' | 'name'>,
  next: Pick<Account, 'code' | 'kind' | 'isGroup' | 'archived'>,
  settings: Pick<LedgerSettings, SpecialField>,
): { field: string; message: string } | null {
  const spec = SPECIAL_ACCOUNTS.find((s) => settings[s.field] === current.code);
  if (!spec) return null;
  const is = `${current.code} ${current.name} is the ${spec.label.toLowerCase()} in Ledger settings`;
  const fix = 'Choose another account there first.';
  if (next.archived)
    return { field: 'archived', message: `${is}, so it cannot be archived. ${fix}` };
  if (next.isGroup)
    return { field: 'isGroup', message: `${is}, so it cannot become a group. ${fix}` };
  if (next.code !== current.code)
    return { field: 'code', message: `${is}, so its code cannot change. ${fix}` };
  if (!spec.kinds.includes(next.kind))
    return {
      field: 'kind',
      message: `${is}, so it must stay ${spec.kinds.map((k) => KIND_WORDS[k]).join(' or ')} account. ${fix}`,
    };
  return null;
}
