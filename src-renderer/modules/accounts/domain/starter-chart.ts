import { currencyCodeSchema } from '../../../core/org/schemas';
import type { z } from 'zod';
import type {
  AccountFields,
  AccountKind,
  AccountSubtype,
  ledgerSettingsFieldsSchema,
  taxCodeFieldsSchema,
} from './schemas';

export type LedgerSettingsFields = z.infer<typeof ledgerSettingsFieldsSchema>;
export type TaxCodeFields = z.infer<typeof taxCodeFieldsSchema>;

type Row = [
  code: string,
  name: string,
  kind: AccountKind,
  subtype: AccountSubtype,
  parentCode: string | null,
  description?: string,
];

/*
 * Group accounts need a sub-type of their kind; the broadest one is used so nothing keyed on a
 * specific sub-type (the receivable, the bank feed) ever picks up a group.
 */
const GROUPS: Row[] = [
  ['1000', 'Assets', 'asset', 'current-asset', null],
  ['2000', 'Liabilities', 'liability', 'current-liability', null],
  ['3000', 'Equity', 'equity', 'equity', null],
  ['4000', 'Income', 'income', 'other-income', null],
  ['5000', 'Cost of sales', 'expense', 'cost-of-sales', null],
  ['6000', 'Expenses', 'expense', 'expense', null],
];

const ACCOUNTS: Row[] = [
  [
    '1100',
    'Accounts receivable',
    'asset',
    'receivable',
    '1000',
    'What customers owe; invoices and receipts post here.',
  ],
  ['1200', 'Bank', 'asset', 'bank', '1000'],
  ['1210', 'Cash on hand', 'asset', 'cash', '1000'],
  ['1300', 'Inventory', 'asset', 'inventory', '1000'],
  [
    '1400',
    'Tax receivable',
    'asset',
    'tax-receivable',
    '1000',
    'Tax paid on purchases that can be reclaimed.',
  ],
  [
    '1310',
    'Goods in transit',
    'asset',
    'current-asset',
    '1000',
    'Stock sent to another branch and not yet received there.',
  ],
  [
    '1320',
    'Between branches',
    'asset',
    'current-asset',
    '1000',
    'What branches owe each other for stock transferred; nets to zero for the whole company.',
  ],
  ['1500', 'Prepayments', 'asset', 'current-asset', '1000'],
  ['1600', 'Equipment', 'asset', 'fixed-asset', '1000'],
  ['1610', 'Accumulated depreciation', 'asset', 'fixed-asset', '1000'],
  [
    '2100',
    'Accounts payable',
    'liability',
    'payable',
    '2000',
    'What the company owes suppliers; bills and payments post here.',
  ],
  [
    '2200',
    'Tax payable',
    'liability',
    'tax-payable',
    '2000',
    'Tax charged on sales, owed to the tax authority.',
  ],
  [
    '2150',
    'Goods received not billed',
    'liability',
    'current-liability',
    '2000',
    "Stock received whose supplier's bill has not been recorded yet.",
  ],
  ['2300', 'Accrued expenses', 'liability', 'current-liability', '2000'],
  ['2400', 'Payroll liabilities', 'liability', 'current-liability', '2000'],
  ['2500', 'Customer deposits', 'liability', 'current-liability', '2000'],
  ['2800', 'Long-term loans', 'liability', 'long-term-liability', '2000'],
  ['3100', 'Share capital', 'equity', 'equity', '3000'],
  [
    '3200',
    'Retained earnings',
    'equity',
    'retained-earnings',
    '3000',
    'Profits kept in the company; the year-end close posts here.',
  ],
  ['3300', "Owners' drawings", 'equity', 'equity', '3000'],
  ['4100', 'Sales', 'income', 'sales', '4000'],
  ['4200', 'Services', 'income', 'sales', '4000'],
  ['4800', 'Other income', 'income', 'other-income', '4000'],
  [
    '4900',
    'Exchange gains',
    'income',
    'fx-gain',
    '4000',
    'Gains on foreign-currency receipts and payments.',
  ],
  ['5100', 'Cost of goods sold', 'expense', 'cost-of-sales', '5000'],
  ['5200', 'Freight and duty', 'expense', 'cost-of-sales', '5000'],
  [
    '5300',
    'Stock adjustments',
    'expense',
    'cost-of-sales',
    '5000',
    'Stock counted short or over, damaged, or lost on the way.',
  ],
  [
    '5400',
    'Purchase price differences',
    'expense',
    'cost-of-sales',
    '5000',
    'A bill at another price than the goods were received at.',
  ],
  ['6100', 'Rent', 'expense', 'expense', '6000'],
  ['6200', 'Utilities', 'expense', 'expense', '6000'],
  ['6300', 'Salaries and wages', 'expense', 'expense', '6000'],
  ['6400', 'Office supplies', 'expense', 'expense', '6000'],
  ['6500', 'Travel', 'expense', 'expense', '6000'],
  ['6600', 'Professional fees', 'expense', 'expense', '6000'],
  ['6700', 'Bank charges', 'expense', 'expense', '6000'],
  ['6800', 'Depreciation', 'expense', 'expense', '6000'],
  [
    '6900',
    'Exchange losses',
    'expense',
    'fx-loss',
    '6000',
    'Losses on foreign-currency receipts and payments.',
  ],
  ['6990', 'Rounding', 'expense', 'rounding', '6000', 'Cents lost converting between currencies.'],
];

/** A small trading company's chart, ready to post to. Accounts without a currency are in `baseCurrency`. */
export function starterChart(baseCurrency: string): AccountFields[] {
  currencyCodeSchema.parse(baseCurrency);
  const make = (
    [code, name, kind, subtype, parentCode, description = '']: Row,
    isGroup: boolean,
  ): AccountFields => ({
    code,
    name,
    kind,
    subtype,
    parentCode,
    isGroup,
    currency: null,
    description:
      subtype === 'bank' && description === ''
        ? `Main bank account, in ${baseCurrency}.`
        : description,
    archived: false,
  });
  return [...GROUPS.map((r) => make(r, true)), ...ACCOUNTS.map((r) => make(r, false))];
}

export function starterSettings(): LedgerSettingsFields {
  return {
    lockDate: null,
    receivableAccount: '1100',
    payableAccount: '2100',
    retainedEarningsAccount: '3200',
    fxGainAccount: '4900',
    fxLossAccount: '6900',
    roundingAccount: '6990',
    defaultSalesAccount: '4100',
    defaultPurchaseAccount: '5100',
  };
}

/** Typical VAT-style codes; the rates are examples for the company to adjust to its country. */
export function starterTaxCodes(): TaxCodeFields[] {
  const code = (c: string, name: string, rateBp: number): TaxCodeFields => ({
    code: c,
    name,
    rateBp,
    salesAccount: '2200',
    purchaseAccount: '1400',
    archived: false,
  });
  return [
    code('STD', 'Standard rate 20 %', 2000),
    code('RED', 'Reduced rate 5 %', 500),
    code('ZERO', 'Zero rate 0 %', 0),
    code('EXEMPT', 'Exempt', 0),
  ];
}
