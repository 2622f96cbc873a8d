import { z } from 'zod';
import { COMPANY_WIDE, currencyCodeSchema, docBaseSchema } from '../../../core/org/schemas';
import { bankAccountIdSchema, bankIdSchema, ibanSchema } from './bank-ids';

/**
 * The Accounts module's documents (DESIGN §3). One zod schema per type: forms, imports, the
 * repositories and the server's rules all check these. Money is an integer of minor units in
 * the document's currency; `base*` amounts are minor units of the company's base currency.
 * Facts (posted entries, issued invoices, payments) carry status 'posted' and never change.
 */

// ── Shared field rules ───────────────────────────────────────────────────────

export const ACCOUNT_CODE = /^[0-9A-Z][0-9A-Z.-]{0,15}$/;
export const accountCodeSchema = z
  .string()
  .trim()
  .regex(
    ACCOUNT_CODE,
    'Use up to 16 digits or capital letters for the account code (e.g. "1200").',
  );

/** Minor units (cents). Whole numbers only: there are no fractions of a cent. */
export const amountSchema = z
  .number()
  .int('Amounts are whole minor units (cents).')
  .refine(Number.isSafeInteger, 'Amount too large.');
export const nonNegativeAmountSchema = amountSchema.refine(
  (n) => n >= 0,
  'Amounts cannot be negative here.',
);

/** A positive decimal written as text, so no float ever holds it: "1", "1.0825", "0.00913". */
export const decimalRateSchema = z
  .string()
  .trim()
  .regex(/^(?:0|[1-9]\d{0,9})(?:\.\d{1,10})?$/, 'Write the rate as a decimal number, e.g. 1.0825.')
  .refine((s) => Number(s) > 0, 'The rate must be more than zero.');

export const quantitySchema = z
  .string()
  .trim()
  .regex(
    /^-?(?:0|[1-9]\d{0,11})(?:\.\d{1,4})?$/,
    'Write the quantity as a number with at most 4 decimals.',
  );

export const isoDateSchema = z.iso.date('Use a date like 2026-03-31.');

// ── Chart of accounts (master) ───────────────────────────────────────────────

export const ACCOUNT_KINDS = ['asset', 'liability', 'equity', 'income', 'expense'] as const;
export type AccountKind = (typeof ACCOUNT_KINDS)[number];

/** Sub-types say what an account is for; several rules (bank feeds, receivables, closing) key on them. */
export const ACCOUNT_SUBTYPES = {
  bank: 'asset',
  cash: 'asset',
  receivable: 'asset',
  inventory: 'asset',
  'tax-receivable': 'asset',
  'current-asset': 'asset',
  'fixed-asset': 'asset',
  payable: 'liability',
  'tax-payable': 'liability',
  'current-liability': 'liability',
  'long-term-liability': 'liability',
  equity: 'equity',
  'retained-earnings': 'equity',
  sales: 'income',
  'other-income': 'income',
  'fx-gain': 'income',
  'cost-of-sales': 'expense',
  expense: 'expense',
  'fx-loss': 'expense',
  rounding: 'expense',
} as const satisfies Record<string, AccountKind>;
export type AccountSubtype = keyof typeof ACCOUNT_SUBTYPES;
export const accountSubtypeSchema = z.enum(
  Object.keys(ACCOUNT_SUBTYPES) as [AccountSubtype, ...AccountSubtype[]],
);

export const accountFieldsSchema = z
  .object({
    code: accountCodeSchema,
    name: z.string().trim().min(1, 'Enter the account name.').max(120),
    kind: z.enum(ACCOUNT_KINDS),
    subtype: accountSubtypeSchema,
    /** Code of the group account this one sits under, or null at the top. */
    parentCode: accountCodeSchema.nullable().default(null),
    /** Group accounts only total their children; nothing is posted to them. */
    isGroup: z.boolean().default(false),
    /** Bank and cash accounts held in a foreign currency; null = base currency. */
    currency: currencyCodeSchema.nullable().default(null),
    /** Bank accounts: how the bank's files name it, so a file for several accounts is split. */
    iban: ibanSchema.optional(),
    bankId: bankIdSchema.optional(),
    bankAccountId: bankAccountIdSchema.optional(),
    description: z.string().trim().max(500).default(''),
    archived: z.boolean().default(false),
  })
  .refine((a) => ACCOUNT_SUBTYPES[a.subtype] === a.kind, {
    message: 'This sub-type belongs to another kind of account.',
    path: ['subtype'],
  });
export type AccountFields = z.infer<typeof accountFieldsSchema>;

export const accountSchema = docBaseSchema
  .extend({ type: z.literal('account'), v: z.literal(1), branch: z.literal(COMPANY_WIDE) })
  .and(accountFieldsSchema);
export type Account = z.infer<typeof accountSchema>;

// ── Tax codes, parties, settings, rates (master) ─────────────────────────────

export const taxCodeFieldsSchema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[A-Z0-9][A-Z0-9-]{0,11}$/, 'Use up to 12 capital letters or digits (e.g. "VAT20").'),
  name: z.string().trim().min(1, 'Enter the tax name.').max(80),
  /** Basis points: 2000 = 20 %. Integers keep tax arithmetic exact. */
  rateBp: z.number().int().min(0).max(100_000),
  /** Tax collected on sales is owed: a tax-payable account. */
  salesAccount: accountCodeSchema,
  /** Tax paid on purchases is reclaimable: a tax-receivable account. */
  purchaseAccount: accountCodeSchema,
  archived: z.boolean().default(false),
});
export const taxCodeSchema = docBaseSchema
  .extend({ type: z.literal('taxCode'), v: z.literal(1), branch: z.literal(COMPANY_WIDE) })
  .extend(taxCodeFieldsSchema.shape);
export type TaxCode = z.infer<typeof taxCodeSchema>;

export const PARTY_KINDS = ['customer', 'supplier', 'both'] as const;
export const partyFieldsSchema = z.object({
  kind: z.enum(PARTY_KINDS),
  code: z
    .string()
    .trim()
    .regex(/^[A-Z0-9][A-Z0-9-]{0,15}$/, 'Use up to 16 capital letters or digits (e.g. "C-0042").'),
  name: z.string().trim().min(1, 'Enter the name.').max(160),
  email: z
    .union([z.literal(''), z.email('Enter a valid e-mail address or leave it empty.')])
    .default(''),
  phone: z.string().trim().max(40).default(''),
  address: z.string().trim().max(500).default(''),
  taxId: z.string().trim().max(40).default(''),
  /** Days after the document date that payment is due. */
  paymentTermsDays: z.number().int().min(0).max(365).default(30),
  currency: currencyCodeSchema,
  archived: z.boolean().default(false),
});
export type PartyFields = z.input<typeof partyFieldsSchema>;
export const partySchema = docBaseSchema
  .extend({ type: z.literal('party'), v: z.literal(1), branch: z.literal(COMPANY_WIDE) })
  .extend(partyFieldsSchema.shape);
export type Party = z.infer<typeof partySchema>;

/** One per company (id `ledgerSettings:company`): the accounts postings default to, and the lock date. */
export const ledgerSettingsFieldsSchema = z.object({
  /** Nothing may be posted on or before this date (null = no lock). */
  lockDate: isoDateSchema.nullable().default(null),
  receivableAccount: accountCodeSchema,
  payableAccount: accountCodeSchema,
  retainedEarningsAccount: accountCodeSchema,
  fxGainAccount: accountCodeSchema,
  fxLossAccount: accountCodeSchema,
  roundingAccount: accountCodeSchema,
  defaultSalesAccount: accountCodeSchema,
  defaultPurchaseAccount: accountCodeSchema,
});
export const ledgerSettingsSchema = docBaseSchema
  .extend({ type: z.literal('ledgerSettings'), v: z.literal(1), branch: z.literal(COMPANY_WIDE) })
  .extend(ledgerSettingsFieldsSchema.shape);
export type LedgerSettings = z.infer<typeof ledgerSettingsSchema>;
export const LEDGER_SETTINGS_ID = 'ledgerSettings:company';

export const currencyRateFieldsSchema = z.object({
  date: isoDateSchema,
  /** The foreign currency; the other side is always the company's base currency. */
  currency: currencyCodeSchema,
  /** Base-currency units for one unit of `currency`. */
  rate: decimalRateSchema,
  source: z.string().trim().max(80).default('manual'),
});
export const currencyRateSchema = docBaseSchema
  .extend({ type: z.literal('currencyRate'), v: z.literal(1), branch: z.literal(COMPANY_WIDE) })
  .extend(currencyRateFieldsSchema.shape);
export type CurrencyRate = z.infer<typeof currencyRateSchema>;

// ── Ledger lines: what every posting is made of ──────────────────────────────

const ledgerLineShape = z.object({
  account: accountCodeSchema,
  /** Document currency, minor units; exactly one of debit/credit is non-zero. */
  debit: nonNegativeAmountSchema,
  credit: nonNegativeAmountSchema,
  /** Base currency, minor units (equal to debit/credit when the document is in base). */
  baseDebit: nonNegativeAmountSchema,
  baseCredit: nonNegativeAmountSchema,
  /** Party id (customer/supplier), for receivable/payable lines. */
  party: z.string().nullable().default(null),
  memo: z.string().trim().max(200).default(''),
  /** Branch the line is booked to; the document's branch when absent. */
  branch: z.string().nullable().default(null),
});

/** A posted line has exactly one side; a base-only line (rounding, FX) has exactly one base side. */
export function lineHasOneSide(l: {
  debit: number;
  credit: number;
  baseDebit: number;
  baseCredit: number;
}): boolean {
  return (
    l.debit > 0 !== l.credit > 0 ||
    (l.debit === 0 && l.credit === 0 && l.baseDebit > 0 !== l.baseCredit > 0)
  );
}

export const ledgerLineSchema = ledgerLineShape.refine(lineHasOneSide, {
  message: 'Each line has either a debit or a credit, not both.',
  path: ['debit'],
});
/** Lines of a draft may still be incomplete (the clerk is typing); posting checks them. */
export const draftLedgerLineSchema = ledgerLineShape;
export type LedgerLine = z.infer<typeof ledgerLineSchema>;
export type LedgerLineInput = z.input<typeof ledgerLineSchema>;

export const DOC_STATUSES = ['draft', 'posted'] as const;
export type DocStatus = (typeof DOC_STATUSES)[number];

// ── Journal entries (branch) ─────────────────────────────────────────────────

export const JOURNAL_KINDS = ['manual', 'reversal', 'closing', 'opening', 'import'] as const;

export const journalEntryFieldsSchema = z.object({
  /** Human number from the branch/device series, e.g. NYC-A-JE-000042; set when posted. */
  number: z.string().nullable().default(null),
  date: isoDateSchema,
  memo: z.string().trim().max(500).default(''),
  reference: z.string().trim().max(80).default(''),
  status: z.enum(DOC_STATUSES),
  kind: z.enum(JOURNAL_KINDS).default('manual'),
  currency: currencyCodeSchema,
  /** Base units per unit of `currency` ("1" in base). */
  rate: decimalRateSchema.default('1'),
  lines: z.array(draftLedgerLineSchema).min(2, 'A journal entry needs at least two lines.'),
  /** The entry this one reverses. */
  reverses: z.string().nullable().default(null),
  postedAt: z.iso.datetime().nullable().default(null),
  postedBy: z.string().nullable().default(null),
});
export const journalEntrySchema = docBaseSchema
  .extend({ type: z.literal('journalEntry'), v: z.literal(1) })
  .extend(journalEntryFieldsSchema.shape)
  .superRefine((e, ctx) => {
    if (e.status !== 'posted') return;
    e.lines.forEach((l, i) => {
      if (!lineHasOneSide(l))
        ctx.addIssue({
          code: 'custom',
          message: 'Each line has either a debit or a credit, not both.',
          path: ['lines', i, 'debit'],
        });
    });
  });
export type JournalEntry = z.infer<typeof journalEntrySchema>;

// ── Sales and purchase documents (branch) ────────────────────────────────────

export const TRADE_SIDES = ['sales', 'purchase'] as const;
export type TradeSide = (typeof TRADE_SIDES)[number];
/** invoice / credit on the sales side = invoice and credit note; on purchases = bill and supplier credit. */
export const TRADE_KINDS = ['invoice', 'credit'] as const;
export type TradeKind = (typeof TRADE_KINDS)[number];
export const TAX_MODES = ['exclusive', 'inclusive'] as const;
export type TaxMode = (typeof TAX_MODES)[number];

export const tradeLineSchema = z.object({
  itemCode: z.string().trim().max(40).default(''),
  description: z.string().trim().min(1, 'Describe the line.').max(300),
  quantity: quantitySchema,
  /** Price of one unit in the document currency, minor units. */
  unitPrice: amountSchema,
  /** Discount in basis points (1000 = 10 %). */
  discountBp: z.number().int().min(0).max(10_000).default(0),
  taxCode: z.string().nullable().default(null),
  /** Income (sales) or expense/asset (purchases) account. */
  account: accountCodeSchema,
  /** A line billed or invoiced from an order (Inventory's three-way match reads it); absent otherwise. */
  order: z
    .string()
    .regex(/^(purchaseOrder|salesOrder):/)
    .optional(),
  orderLine: z.number().int().min(0).optional(),
  /**
   * A bill line for goods already received (Inventory's bill from receipts): the receipts put
   * `value` (base minor units) for `quantity` in `account` (goods received not billed), so the
   * bill posts exactly that share there and the rest of its net to `differenceAccount`: the
   * purchase price difference (trade-posting.ts). Absent on every other line.
   */
  received: z
    .object({
      quantity: quantitySchema,
      value: amountSchema,
      differenceAccount: accountCodeSchema,
    })
    .optional(),
});
export type TradeLine = z.infer<typeof tradeLineSchema>;

export const tradeTotalsSchema = z.object({
  /** Net of tax, after discounts. */
  net: amountSchema,
  tax: amountSchema,
  gross: amountSchema,
});
export type TradeTotals = z.infer<typeof tradeTotalsSchema>;

export const tradeDocFieldsSchema = z.object({
  side: z.enum(TRADE_SIDES),
  kind: z.enum(TRADE_KINDS),
  number: z.string().nullable().default(null),
  /** The supplier's own number on a bill; a customer's PO on an invoice. */
  reference: z.string().trim().max(80).default(''),
  partyId: z.string().min(1, 'Choose the customer or supplier.'),
  date: isoDateSchema,
  dueDate: isoDateSchema,
  currency: currencyCodeSchema,
  rate: decimalRateSchema.default('1'),
  taxMode: z.enum(TAX_MODES).default('exclusive'),
  lines: z.array(tradeLineSchema).min(1, 'Add at least one line.'),
  memo: z.string().trim().max(500).default(''),
  status: z.enum(DOC_STATUSES),
  /** Totals as issued: part of the fact, printed on the document. */
  totals: tradeTotalsSchema,
  /** The journal lines posted with the document (empty while draft). */
  posting: z.array(ledgerLineSchema).default([]),
  /** Net and tax per tax code as issued (document and base currency): printed on the document, read by the tax summary. */
  taxBreakdown: z
    .array(
      z.object({
        code: z.string(),
        rateBp: z.number().int(),
        net: amountSchema,
        tax: amountSchema,
        baseNet: amountSchema,
        baseTax: amountSchema,
      }),
    )
    .default([]),
  /** A credit note / supplier credit points at the document it corrects. */
  creditFor: z.string().nullable().default(null),
  postedAt: z.iso.datetime().nullable().default(null),
  postedBy: z.string().nullable().default(null),
});
export const tradeDocSchema = docBaseSchema
  .extend({ type: z.literal('tradeDoc'), v: z.literal(1) })
  .extend(tradeDocFieldsSchema.shape);
export type TradeDoc = z.infer<typeof tradeDocSchema>;

// ── Payments and receipts (branch) ───────────────────────────────────────────

export const allocationSchema = z.object({
  /** The tradeDoc this money settles. */
  documentId: z.string().min(1),
  /** In the payment's currency, minor units, > 0. */
  amount: amountSchema.refine((n) => n > 0, 'An allocation must be more than zero.'),
});
export type Allocation = z.infer<typeof allocationSchema>;

export const paymentFieldsSchema = z.object({
  /** receipt = money in from a customer; payment = money out to a supplier. */
  side: z.enum(['receipt', 'payment']),
  number: z.string().nullable().default(null),
  reference: z.string().trim().max(80).default(''),
  partyId: z.string().min(1, 'Choose the customer or supplier.'),
  date: isoDateSchema,
  currency: currencyCodeSchema,
  rate: decimalRateSchema.default('1'),
  /** Total received or paid, minor units, > 0. */
  amount: amountSchema.refine((n) => n > 0, 'The amount must be more than zero.'),
  /** Bank or cash account the money went through. */
  account: accountCodeSchema,
  allocations: z.array(allocationSchema).default([]),
  memo: z.string().trim().max(500).default(''),
  status: z.enum(DOC_STATUSES),
  posting: z.array(ledgerLineSchema).default([]),
  postedAt: z.iso.datetime().nullable().default(null),
  postedBy: z.string().nullable().default(null),
});
export const paymentSchema = docBaseSchema
  .extend({ type: z.literal('payment'), v: z.literal(1) })
  .extend(paymentFieldsSchema.shape);
export type Payment = z.infer<typeof paymentSchema>;
