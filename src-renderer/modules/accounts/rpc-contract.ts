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
import type { TradeStatus } from './domain/allocation';
import type { PaymentInput, TradeInput } from './domain/trade-inputs';
import type { ImportProblem } from './domain/io/report';
import { bankingContract } from './banking-contract';
import { pdfContract } from './pdf-contract';
import type { LedgerSettingsInput } from './domain/ledger-settings';

export type { PaymentInput, TradeInput, AgedRow };

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

/** Branch filter: a branch code, or null for the whole company (consolidated). */
export interface ReportScope {
  branch?: string | null;
}

export interface ReportAccountRow {
  code: string;
  name: string;
  kind: Account['kind'];
  subtype: Account['subtype'];
  /** Debit-positive balance or movement, base minor units. */
  amount: number;
  /** The same for the comparison period, when asked for. */
  compare?: number;
}

export interface TrialBalanceRow {
  code: string;
  name: string;
  kind: Account['kind'];
  debit: number;
  credit: number;
}

export interface TrialBalance {
  asOf: string;
  rows: TrialBalanceRow[];
  totalDebit: number;
  totalCredit: number;
}

export interface ReportSection {
  title: string;
  rows: ReportAccountRow[];
  /** Shown sign: income, liabilities and equity read positive when credit. */
  total: number;
  compareTotal?: number;
}

export interface ProfitAndLoss {
  from: string;
  to: string;
  compare: { from: string; to: string } | null;
  sections: ReportSection[];
  netProfit: number;
  compareNetProfit?: number;
}

export interface BalanceSheet {
  asOf: string;
  compareAsOf: string | null;
  sections: ReportSection[];
  /** Income minus expenses of the current fiscal year (to the report date) not yet closed. */
  currentEarnings: number;
  compareCurrentEarnings?: number;
  /** Income minus expenses of earlier fiscal years that were never closed (absent: none). */
  unclosedRetainedEarnings?: number;
  compareUnclosedRetainedEarnings?: number;
  totalAssets: number;
  totalLiabilitiesAndEquity: number;
}

/** Whether one branch this device holds has a (not reversed) closing entry on a year-end. */
export interface BranchYearClose {
  branch: string;
  name: string;
  closed: boolean;
  number: string | null;
}

/** What a close for every branch posted, and the branches that had nothing to close. */
export interface YearCloseResult {
  yearEnd: string;
  closed: { branch: string; number: string }[];
  nothingToClose: string[];
}

/** One line of the general ledger. */
export interface LedgerLineView {
  /** `<docId>#<line index>` */
  id: string;
  docId: string;
  docType: string;
  db: string;
  number: string;
  date: string;
  account: string;
  branch: string;
  party: string | null;
  memo: string;
  /** Base currency, minor units. */
  debit: number;
  credit: number;
  /** Document currency, minor units. */
  docDebit: number;
  docCredit: number;
  currency: string;
}

/** A sales or purchase document with what is still open on it. */
export interface OpenItem {
  docId: string;
  db: string;
  side: 'sales' | 'purchase';
  kind: 'invoice' | 'credit';
  number: string;
  partyId: string;
  date: string;
  dueDate: string;
  currency: string;
  rate: string;
  gross: number;
  creditFor: string | null;
  branch: string;
  /** Signed like openAmount: positive on invoices/bills, negative on unapplied credits. */
  open: number;
  status: TradeStatus;
}

export interface GeneralLedgerPage {
  account: { code: string; name: string; kind: Account['kind'] };
  from: string;
  to: string;
  opening: number;
  rows: (LedgerLineView & { balance: number })[];
  total: number;
  closing: number;
}

/** The Accounts dashboard's figures (base currency, minor units). */
export interface AccountsDashboard {
  asOf: string;
  /** Bank and cash balances, base minor units. */
  cash: number;
  receivables: number;
  overdueReceivables: number;
  payables: number;
  overduePayables: number;
  /** Last 12 months including the current one: income and expenses (positive numbers). */
  months: { month: string; income: number; expense: number }[];
}

/** Tax per tax code over a period (base currency, minor units). */
export interface TaxSummaryRow {
  code: string;
  rateBp: number;
  salesNet: number;
  salesTax: number;
  purchaseNet: number;
  purchaseTax: number;
}

export interface TaxSummary {
  from: string;
  to: string;
  rows: TaxSummaryRow[];
  totalSalesTax: number;
  totalPurchaseTax: number;
  /** Output tax minus input tax: what is owed (positive) or reclaimable (negative). */
  netTax: number;
  /** Movement of the tax accounts in the ledger over the period, for the bookkeeper to tie out manual adjustments. */
  ledgerMovement: { code: string; name: string; amount: number }[];
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
