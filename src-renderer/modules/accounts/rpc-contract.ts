import type { Contract, MethodsOf } from '../../core/rpc/define';
import { mutation, query } from '../../core/rpc/define';
import type {
  Account,
  CurrencyRate,
  AccountFields,
  JournalEntry,
  LedgerSettings,
  Party,
  PartyFields,
  Payment,
  TaxCode,
  TradeDoc,
} from './domain/schemas';
import type { AgedRow } from './domain/aging';
import type { PaymentInput, TradeInput } from './domain/trade-inputs';
import type { ImportProblem } from './domain/io/report';
import { bankingContract } from './banking-contract';
import { pdfContract } from './pdf-contract';
import type { LedgerSettingsInput } from './domain/ledger-settings';
import type {
  ReportScope,
  TrialBalance,
  ProfitAndLoss,
  BalanceSheet,
  BranchYearClose,
  YearCloseResult,
  OpenItem,
  GeneralLedgerPage,
  AccountsDashboard,
  TaxSummary,
} from './report-types';

export type { PaymentInput, TradeInput, AgedRow };
export type * from './report-types';

/**
 * The Accounts module's part of the RPC map (modules/contracts.ts joins it to core's). Amounts
 * are minor units; report amounts are in the company's base currency. The types the UI receives
 * are declared here, not borrowed from the index's tables: the index may change its rows
 * without changing what a screen is sent.
 */

export interface LedgerSetupStatus {
  ready: boolean;
  settings: LedgerSettings | null;
  baseCurrency: string;
  accounts: number;
}

export interface JournalLineInput {
  account: string;
  /** Minor units of the entry's currency. */
  debit: number;
  credit: number;
  party?: string | null;
  memo?: string;
  branch?: string | null;
}

export interface JournalInput {
  /** Set when saving or posting an existing draft. */
  id?: string;
  date: string;
  memo?: string;
  reference?: string;
  currency: string;
  rate?: string;
  lines: JournalLineInput[];
}

export interface JournalView {
  entry: JournalEntry;
  readOnly: boolean;
  /** Entries that reverse this one (derived from the index). */
  reversedBy: { id: string; number: string; date: string }[];
}

export interface DocListQuery {
  type: 'journalEntry' | 'tradeDoc' | 'payment';
  status?: 'draft' | 'posted';
  text?: string;
  from?: string;
  to?: string;
  offset?: number;
  limit?: number;
}

/**
 * How many documents a word search in a list reads at most: years of entries are hundreds of
 * thousands of rows, and a search runs as the clerk types. Beyond it the list says the search
 * covered only the newest ones and that a date range reaches further back.
 */
export const SEARCH_SCAN_LIMIT = 20_000;

/** One document of a list (journal, sales, purchases, payments), as the index holds it. */
export interface DocListRow {
  id: string;
  type: string;
  db: string;
  branch: string;
  number: string;
  date: string;
  status: string;
  memo: string;
  reference: string;
  partyId: string | null;
  currency: string;
  /** Sum of debits (entries), gross (sales/purchase documents) or amount (payments), document currency. */
  total: number;
  side: string | null;
  kind: string | null;
  reverses: string | null;
  creditFor: string | null;
  createdBy: string;
}

export interface DocListResult {
  rows: DocListRow[];
  total: number;
  /** A word search read only the newest SEARCH_SCAN_LIMIT documents of the range. */
  searchLimited: boolean;
}

/** What the books are: every report and list over the ledger reads these. */
const BOOKS = ['journalEntry', 'tradeDoc', 'payment', 'account', 'index'] as const;
/** What open items (receivables, payables) are derived from. */
const OPEN_ITEMS = ['tradeDoc', 'payment', 'index'] as const;

type AccountSave = {
  id?: string;
  fields: Partial<AccountFields> & Pick<AccountFields, 'code' | 'name' | 'kind' | 'subtype'>;
};
type PeriodScope = ReportScope & { from: string; to: string };

/** An invoice or bill as its page shows it: the document, what is still open, what paid or credited it. */
export interface TradeDocView {
  doc: TradeDoc;
  readOnly: boolean;
  open: number;
  status: string;
  payments: { id: string; number: string; date: string; amount: number }[];
  credits: { id: string; number: string; date: string; gross: number }[];
}

/** A recorded receipt or payment (read-only) with the documents it settled. */
export interface PaymentView {
  doc: Payment;
  partyName: string;
  allocations: { documentId: string; number: string; date: string; amount: number }[];
}

/** The outcome of an import: nothing is written when there is any problem. */
export interface ImportOutcome {
  ok: boolean;
  /** Documents written (0 whenever there is any problem: nothing is written then). */
  written: number;
  problems: ImportProblem[];
  warnings: ImportProblem[];
}

export const accountsContract = {
  ...bankingContract,
  ...pdfContract,
  'accounts.getSetup': query<void, LedgerSetupStatus>()({ reads: ['account', 'ledgerSettings'] }),
  /** Creates the starter chart, tax codes and ledger settings for a new company. */
  'accounts.setupStarterChart': mutation<void, LedgerSetupStatus>()({
    writes: ['account', 'ledgerSettings', 'taxCode'],
  }),
  /** The special accounts picked from the company's own chart (and its first tax codes). */
  'accounts.saveLedgerSettings': mutation<LedgerSettingsInput, LedgerSettings>()({
    writes: ['ledgerSettings', 'taxCode'],
  }),
  'accounts.listAccounts': query<void, Account[]>()({ reads: ['account'] }),
  'accounts.saveAccount': mutation<AccountSave, Account>()({ writes: ['account'] }),
  'accounts.listTaxCodes': query<void, TaxCode[]>()({ reads: ['taxCode'] }),
  'accounts.listParties': query<void, Party[]>()({ reads: ['party'] }),
  'accounts.saveJournalDraft': mutation<JournalInput, JournalEntry>()({ writes: ['journalEntry'] }),
  'accounts.discardDraft': mutation<{ id: string }, void>()({
    writes: ['journalEntry', 'tradeDoc'],
  }),
  'accounts.postJournal': mutation<JournalInput, JournalEntry>()({ writes: ['journalEntry'] }),
  'accounts.reverseJournal': mutation<{ id: string; date: string; memo?: string }, JournalEntry>()({
    writes: ['journalEntry'],
  }),
  'accounts.getJournal': query<{ id: string }, JournalView>()({ reads: ['journalEntry', 'index'] }),
  'accounts.listDocs': query<DocListQuery, DocListResult>()({
    reads: ['journalEntry', 'tradeDoc', 'payment', 'index'],
  }),
  'accounts.setLockDate': mutation<{ lockDate: string | null }, LedgerSettings>()({
    writes: ['ledgerSettings'],
  }),
  'accounts.closeYear': mutation<{ yearEnd: string }, JournalEntry>()({ writes: ['journalEntry'] }),
  'accounts.closeYearAllBranches': mutation<{ yearEnd: string }, YearCloseResult>()({
    writes: ['journalEntry'],
  }),
  'accounts.yearCloseStatus': query<{ yearEnd: string }, BranchYearClose[]>()({ reads: BOOKS }),
  'accounts.trialBalance': query<ReportScope & { asOf: string }, TrialBalance>()({ reads: BOOKS }),
  'accounts.profitAndLoss': query<
    PeriodScope & { compareFrom?: string; compareTo?: string },
    ProfitAndLoss
  >()({ reads: BOOKS }),
  'accounts.balanceSheet': query<
    ReportScope & { asOf: string; compareAsOf?: string },
    BalanceSheet
  >()({ reads: BOOKS }),
  'accounts.saveParty': mutation<{ id?: string; fields: PartyFields }, Party>()({
    writes: ['party'],
  }),
  'accounts.saveTradeDraft': mutation<TradeInput, TradeDoc>()({ writes: ['tradeDoc'] }),
  /** Issues an invoice, credit note, bill or supplier credit: numbered and posted in one write. */
  'accounts.issueTradeDoc': mutation<TradeInput, TradeDoc>()({ writes: ['tradeDoc'] }),
  'accounts.getTradeDoc': query<{ id: string }, TradeDocView>()({ reads: OPEN_ITEMS }),
  'accounts.recordPayment': mutation<PaymentInput, Payment>()({ writes: ['payment'] }),
  'accounts.getPayment': query<{ id: string }, PaymentView>()({
    reads: ['payment', 'party', 'index'],
  }),
  'accounts.openItems': query<
    ReportScope & { side: 'sales' | 'purchase'; partyId?: string; asOf?: string },
    OpenItem[]
  >()({ reads: OPEN_ITEMS }),
  'accounts.agedReport': query<
    ReportScope & { side: 'sales' | 'purchase'; asOf: string },
    AgedRow[]
  >()({ reads: OPEN_ITEMS }),
  /** All or nothing: any bad line and nothing is written; the outcome lists every problem with its line. */
  'accounts.importJournalCsv': mutation<{ csv: string }, ImportOutcome>()({
    writes: ['journalEntry'],
  }),
  /** `subtypes`: the clerk's sub-type per account code, from the import preview. */
  'accounts.importChartCsv': mutation<
    { csv: string; subtypes?: Record<string, string> },
    ImportOutcome
  >()({ writes: ['account'] }),
  /** A file made on request, never cached: a mutation that writes nothing. */
  'accounts.exportHledger': mutation<ReportScope & { from?: string; to?: string }, string>()({
    writes: [],
  }),
  'accounts.listRates': query<void, CurrencyRate[]>()({ reads: ['currencyRate'] }),
  'accounts.saveRate': mutation<
    { date: string; currency: string; rate: string; source?: string },
    CurrencyRate
  >()({ writes: ['currencyRate'] }),
  /** The latest rate on or before the date (null when the table has none): forms prefill from it. */
  'accounts.rateFor': query<{ currency: string; date: string }, CurrencyRate | null>()({
    reads: ['currencyRate'],
  }),
  'accounts.taxSummary': query<PeriodScope, TaxSummary>()({ reads: [...BOOKS, 'taxCode'] }),
  'accounts.dashboard': query<ReportScope & { asOf?: string }, AccountsDashboard>()({
    reads: BOOKS,
  }),
  'accounts.generalLedger': query<
    PeriodScope & { account: string; offset?: number; limit?: number },
    GeneralLedgerPage
  >()({ reads: BOOKS }),
} satisfies Contract;

export type AccountsContract = typeof accountsContract;
export type AccountsMethods = MethodsOf<AccountsContract>;
