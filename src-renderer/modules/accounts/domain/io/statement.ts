import type { ImportProblem } from './report';

/** One line of a bank statement, whatever format it came in. */
export interface StatementLine {
  /** Booking date, YYYY-MM-DD. */
  date: string;
  /** Minor units of the statement currency; positive = money in. */
  amount: number;
  description: string;
  reference: string;
  counterparty: string;
  /** Running balance after this line when the bank gives one. */
  balanceAfter: number | null;
  /**
   * Stable id for de-duplication when statements overlap: the bank's FITID or AcctSvcrRef,
   * else a hash of date + amount + description + occurrence index ("h:…").
   */
  externalId: string;
}

export interface StatementMeta {
  /** Account number or IBAN as the bank wrote it; '' when the format has none. */
  accountId: string;
  iban: string | null;
  /** OFX BANKID (routing number, sort code) when the file gives one. */
  bankId?: string;
  currency: string;
  openingBalance: number | null;
  closingBalance: number | null;
  /** Date of the closing balance, or the statement end. */
  closingDate: string | null;
  periodStart: string | null;
  periodEnd: string | null;
}

export type StatementImportResult =
  | { ok: true; items: StatementLine[]; warnings: ImportProblem[]; meta: StatementMeta }
  | { ok: false; problems: ImportProblem[] };

export function emptyMeta(currency: string): StatementMeta {
  return {
    accountId: '',
    iban: null,
    currency,
    openingBalance: null,
    closingBalance: null,
    closingDate: null,
    periodStart: null,
    periodEnd: null,
  };
}

export type StatementFormat = 'ofx' | 'camt053' | 'csv';

/** Sniffs the first bytes so the import screen can pick the reader before asking the clerk. */
export function detectStatementFormat(text: string): StatementFormat {
  const head = text.slice(0, 4000);
  if (/OFXHEADER|<OFX>/i.test(head)) return 'ofx';
  if (/camt\.053|<BkToCstmrStmt/.test(head)) return 'camt053';
  return 'csv';
}
