import type { TradeStatus } from './domain/allocation';
import type { Account } from './domain/schemas';

/**
 * What the Accounts reports send a screen (trial balance, P&L, balance sheet, general ledger,
 * open items, tax summary, year-end close status). Declared apart from the index's rows, so
 * the index may change what it stores without changing what a screen is sent; rpc-contract.ts
 * re-exports them, so importers keep one address.
 */

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
