import type { Contract, MethodsOf } from '../../core/rpc/define';
import { mutation, query } from '../../core/rpc/define';
import type { MatchSuggestion, ReconciliationSummary } from './domain/banking';
import type { CsvMapping } from './domain/banking-schemas';
import type { ImportProblem } from './domain/io/report';
import type { StatementCsvMapping } from './domain/io/statement-csv';

export type { CsvMapping, MatchSuggestion, ReconciliationSummary };

/**
 * Banking's part of the RPC map (the Accounts contract includes it): statement import and reconciliation. Amounts are minor
 * units of the bank account's currency (the base currency for now); positive = money in.
 */

export interface ImportStatementInput {
  /** Bank or cash account code. */
  account: string;
  fileName: string;
  text: string;
  /** For CSV: the columns the clerk confirmed. Remembered for the next import of this account. */
  mapping?: CsvMapping;
}

export type ImportStatementResult =
  /** A CSV with no remembered mapping: show the mapping dialog prefilled with `guess`. */
  | {
      kind: 'needs-mapping';
      needsMapping: true;
      header: string[];
      guess: Partial<StatementCsvMapping>;
      problems: ImportProblem[];
    }
  /** Nothing was written; every problem is listed with its line. */
  | { kind: 'refused'; problems: ImportProblem[] }
  | {
      kind: 'imported';
      /** null when every line had been imported before. */
      statementId: string | null;
      imported: number;
      /** Lines already imported from an earlier, overlapping statement. */
      skipped: number;
      warnings: ImportProblem[];
      /** A file for several bank accounts: what went to each (routed by IBAN or account number). */
      accounts?: ImportedStatement[];
    };

export interface ImportedStatement {
  account: string;
  name: string;
  statementId: string | null;
  imported: number;
  skipped: number;
}

export interface BankLineView {
  id: string;
  statementId: string;
  date: string;
  amount: number;
  description: string;
  reference: string;
  counterparty: string;
  matchId: string | null;
}

export interface BookLineView {
  /** Ledger row id `<docId>#<line>`. */
  id: string;
  docId: string;
  docType: string;
  number: string;
  date: string;
  /** Debit − credit on the bank account. */
  amount: number;
  memo: string;
  reference: string;
}

export interface MatchView {
  id: string;
  note: string;
  createdAt: string;
  createdBy: string;
  statementLines: BankLineView[];
  ledgerLines: BookLineView[];
}

export interface ReconciliationView {
  account: { code: string; name: string; currency: string };
  /** Every statement line in the period, matched or not, by date. */
  statementLines: BankLineView[];
  /** Entries on the bank account in the books that no match covers yet. */
  unmatchedBook: BookLineView[];
  /** One per unmatched statement line, best first. */
  suggestions: { statementLine: string; suggestions: MatchSuggestion[] }[];
  matches: MatchView[];
  /** Date the book balance is taken at: the period end, else the latest statement's date. */
  asOf: string;
  summary: ReconciliationSummary;
}

/** The first lines of a CSV statement split into cells under its header, for the column dialog. */
export interface StatementPreview {
  header: string[];
  rows: string[][];
}

export interface StatementSummary {
  id: string;
  account: string;
  format: 'csv' | 'ofx' | 'camt053';
  fileName: string;
  currency: string;
  statementDate: string;
  openingBalance: number | null;
  closingBalance: number | null;
  lines: number;
  from: string;
  to: string;
  createdAt: string;
  createdBy: string;
}

/** A reconciliation compares the statement with the books: it is derived from both. */
const RECONCILIATION = [
  'bankStatement',
  'bankMatch',
  'journalEntry',
  'payment',
  'tradeDoc',
  'account',
  'index',
] as const;

export const bankingContract = {
  /** All or nothing: a bad file writes nothing; lines imported before are skipped. */
  'banking.importStatement': mutation<ImportStatementInput, ImportStatementResult>()({
    writes: ['bankStatement', 'bankImportProfile'],
  }),
  'banking.reconciliation': query<
    { account: string; from?: string; to?: string },
    ReconciliationView
  >()({ reads: RECONCILIATION }),
  /** Refused with the difference when the two sides do not add up. */
  'banking.match': mutation<
    { account: string; statementLines: string[]; ledgerLines: string[]; note?: string },
    { matchId: string }
  >()({
    writes: ['bankMatch'],
  }),
  'banking.unmatch': mutation<{ matchId: string }, void>()({ writes: ['bankMatch'] }),
  /** Posts bank vs contra on the line's date and matches the entry to the line. */
  'banking.createEntry': mutation<
    { account: string; statementLine: string; contraAccount: string; memo?: string },
    { entryId: string; number: string; matchId: string }
  >()({ writes: ['journalEntry', 'bankMatch'] }),
  'banking.listStatements': query<{ account?: string }, StatementSummary[]>()({
    reads: ['bankStatement'],
  }),
  /** Parses in the worker, not on the UI thread; reads no documents, so nothing is cached. */
  'banking.previewStatement': mutation<{ text: string; rows?: number }, StatementPreview>()({
    writes: [],
  }),
} satisfies Contract;

export type BankingContract = typeof bankingContract;
export type BankingMethods = MethodsOf<BankingContract>;
