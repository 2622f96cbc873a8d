import type { CurrencyRate } from './domain/schemas';
import type { Account, AccountFields, JournalEntry, LedgerSettings, Party, PartyFields, Payment, TaxCode, TradeDoc } from './domain/schemas';
import type { AgedRow } from './domain/aging';
import type { OpenItem } from './data/open-items';
import type { PaymentInput, TradeDocView, TradeInput } from './data/trade-service';

export type { OpenItem, PaymentInput, TradeDocView, TradeInput, AgedRow };
import type { ImportOutcome } from './data/io-service';
import type { AccountsDashboard } from './data/dashboard';
import type { TaxSummary } from './data/tax-summary';
export type { TaxSummary };
export type { AccountsDashboard };
export type { ImportOutcome };
import type { AccountingDocRow, LedgerRow } from './data/ledger-projection';
import type { BankingRpcMethods } from './banking-contract';

/**
 * The Accounts module's part of the RPC map (core/rpc/contract.ts merges it). Amounts are
 * minor units; report amounts are in the company's base currency.
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

export interface DocListResult {
  rows: AccountingDocRow[];
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
  /** Income minus expenses not yet closed into retained earnings. */
  currentEarnings: number;
  compareCurrentEarnings?: number;
  totalAssets: number;
  totalLiabilitiesAndEquity: number;
}

export interface GeneralLedgerPage {
  account: { code: string; name: string; kind: Account['kind'] };
  from: string;
  to: string;
  opening: number;
  rows: (LedgerRow & { balance: number })[];
  total: number;
  closing: number;
}

export interface AccountsRpcMethods extends BankingRpcMethods {
  'accounts.getSetup': { params: void; result: LedgerSetupStatus };
  /** Creates the starter chart, tax codes and ledger settings for a new company. */
  'accounts.setupStarterChart': { params: void; result: LedgerSetupStatus };
  'accounts.listAccounts': { params: void; result: Account[] };
  'accounts.saveAccount': { params: { id?: string; fields: Partial<AccountFields> & Pick<AccountFields, 'code' | 'name' | 'kind' | 'subtype'> }; result: Account };
  'accounts.listTaxCodes': { params: void; result: TaxCode[] };
  'accounts.listParties': { params: void; result: Party[] };
  'accounts.saveJournalDraft': { params: JournalInput; result: JournalEntry };
  'accounts.discardDraft': { params: { id: string }; result: void };
  'accounts.postJournal': { params: JournalInput; result: JournalEntry };
  'accounts.reverseJournal': { params: { id: string; date: string; memo?: string }; result: JournalEntry };
  'accounts.getJournal': { params: { id: string }; result: JournalView };
  'accounts.listDocs': { params: DocListQuery; result: DocListResult };
  'accounts.setLockDate': { params: { lockDate: string | null }; result: LedgerSettings };
  'accounts.closeYear': { params: { yearEnd: string }; result: JournalEntry };
  'accounts.trialBalance': { params: ReportScope & { asOf: string }; result: TrialBalance };
  'accounts.profitAndLoss': { params: ReportScope & { from: string; to: string; compareFrom?: string; compareTo?: string }; result: ProfitAndLoss };
  'accounts.balanceSheet': { params: ReportScope & { asOf: string; compareAsOf?: string }; result: BalanceSheet };
  'accounts.saveParty': { params: { id?: string; fields: PartyFields }; result: Party };
  'accounts.saveTradeDraft': { params: TradeInput; result: TradeDoc };
  /** Issues an invoice, credit note, bill or supplier credit: numbered and posted in one write. */
  'accounts.issueTradeDoc': { params: TradeInput; result: TradeDoc };
  'accounts.getTradeDoc': { params: { id: string }; result: TradeDocView };
  'accounts.recordPayment': { params: PaymentInput; result: Payment };
  'accounts.openItems': { params: ReportScope & { side: 'sales' | 'purchase'; partyId?: string; asOf?: string }; result: OpenItem[] };
  'accounts.agedReport': { params: ReportScope & { side: 'sales' | 'purchase'; asOf: string }; result: AgedRow[] };
  /** All or nothing: any bad line and nothing is written; the outcome lists every problem with its line. */
  'accounts.importJournalCsv': { params: { csv: string }; result: ImportOutcome };
  'accounts.importChartCsv': { params: { csv: string }; result: ImportOutcome };
  'accounts.exportHledger': { params: ReportScope & { from?: string; to?: string }; result: string };
  'accounts.listRates': { params: void; result: CurrencyRate[] };
  'accounts.saveRate': { params: { date: string; currency: string; rate: string; source?: string }; result: CurrencyRate };
  /** The latest rate on or before the date (null when the table has none): forms prefill from it. */
  'accounts.rateFor': { params: { currency: string; date: string }; result: CurrencyRate | null };
  'accounts.taxSummary': { params: ReportScope & { from: string; to: string }; result: TaxSummary };
  'accounts.dashboard': { params: ReportScope & { asOf?: string }; result: AccountsDashboard };
  'accounts.generalLedger': { params: ReportScope & { account: string; from: string; to: string; offset?: number; limit?: number }; result: GeneralLedgerPage };
}
