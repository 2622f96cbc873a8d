import { z } from 'zod';
import type { SchemaRegistry } from '../../../core/db/schema-registry';
import { currencyCodeSchema, docBaseSchema } from '../../../core/org/schemas';
import { accountCodeSchema, amountSchema, isoDateSchema } from './schemas';

/**
 * Banking documents (branch databases). A statement is a fact: what the bank said, kept as
 * imported. A match is the clerk's judgement and may be undone, so it is a separate mutable
 * document that is deleted to unmatch. The import profile remembers how one bank's CSV reads.
 */

export const STATEMENT_FORMATS = ['csv', 'ofx', 'camt053'] as const;
export const DATE_FORMATS = ['YYYY-MM-DD', 'DD/MM/YYYY', 'MM/DD/YYYY', 'DD.MM.YYYY'] as const;

export const bankStatementLineSchema = z.object({
  externalId: z.string().min(1).max(200),
  date: isoDateSchema,
  /** Minor units; positive = money in. */
  amount: amountSchema,
  description: z.string().max(1000).default(''),
  reference: z.string().max(200).default(''),
  counterparty: z.string().max(300).default(''),
  balanceAfter: amountSchema.nullable().default(null),
});
export type BankStatementLine = z.infer<typeof bankStatementLineSchema>;

export const bankStatementFieldsSchema = z.object({
  /** Code of the bank or cash account the statement belongs to. */
  account: accountCodeSchema,
  format: z.enum(STATEMENT_FORMATS),
  fileName: z.string().trim().max(260).default(''),
  currency: currencyCodeSchema,
  statementDate: isoDateSchema,
  openingBalance: amountSchema.nullable().default(null),
  closingBalance: amountSchema.nullable().default(null),
  status: z.literal('posted'),
  lines: z.array(bankStatementLineSchema).min(1, 'A statement needs at least one line.'),
});
export const bankStatementSchema = docBaseSchema
  .extend({ type: z.literal('bankStatement'), v: z.literal(1) })
  .extend(bankStatementFieldsSchema.shape);
export type BankStatement = z.infer<typeof bankStatementSchema>;

export const bankMatchFieldsSchema = z.object({
  account: accountCodeSchema,
  /** `<statementId>#<externalId>` */
  statementLines: z.array(z.string().min(3)).min(1, 'Choose at least one bank line.'),
  /** Ledger row ids `<docId>#<line index>` */
  ledgerLines: z.array(z.string().min(3)).min(1, 'Choose at least one entry in the books.'),
  note: z.string().trim().max(500).default(''),
});
export const bankMatchSchema = docBaseSchema
  .extend({ type: z.literal('bankMatch'), v: z.literal(1) })
  .extend(bankMatchFieldsSchema.shape);
export type BankMatch = z.infer<typeof bankMatchSchema>;

/** Column names as the bank's header row spells them; currency comes from the account. */
export const csvMappingSchema = z.object({
  date: z.string().trim().min(1, 'Choose the date column.'),
  amount: z.string().trim().optional(),
  debit: z.string().trim().optional(),
  credit: z.string().trim().optional(),
  description: z.string().trim().min(1, 'Choose the description column.'),
  reference: z.string().trim().optional(),
  counterparty: z.string().trim().optional(),
  balance: z.string().trim().optional(),
  dateFormat: z.enum(DATE_FORMATS),
  decimalSeparator: z.enum(['.', ',']),
});
export type CsvMapping = z.infer<typeof csvMappingSchema>;

export const bankImportProfileFieldsSchema = z.object({
  account: accountCodeSchema,
  mapping: csvMappingSchema,
});
export const bankImportProfileSchema = docBaseSchema
  .extend({ type: z.literal('bankImportProfile'), v: z.literal(1) })
  .extend(bankImportProfileFieldsSchema.shape);
export type BankImportProfile = z.infer<typeof bankImportProfileSchema>;

export function registerBankingTypes(registry: SchemaRegistry): void {
  registry.register<BankStatement>({
    type: 'bankStatement',
    words: 'bank statement',
    version: 1,
    schema: bankStatementSchema,
    home: 'branch',
    title: (s) => `Bank statement ${s.account} ${s.statementDate}`,
    searchText: (s) => `${s.fileName} ${s.account}`,
  });
  registry.register<BankMatch>({
    type: 'bankMatch',
    words: 'bank reconciliation match',
    version: 1,
    schema: bankMatchSchema,
    home: 'branch',
    title: (m) => `Bank match ${m.account}${m.note ? ` ${m.note}` : ''}`,
  });
  registry.register<BankImportProfile>({
    type: 'bankImportProfile',
    words: 'bank file layout',
    version: 1,
    schema: bankImportProfileSchema,
    home: 'branch',
    title: (p) => `Bank import settings ${p.account}`,
  });
}
