/**
 * The postings service's vocabulary (issue 10): a document type may declare what it posts to
 * the ledger. Core knows the shape of a ledger line, never which module posts it.
 */
export interface PostingLine {
  account: string;
  /** Document currency, minor units; one side is non-zero (or neither, on a base-only rounding line). */
  debit: number;
  credit: number;
  /** Base currency, minor units: what must balance. */
  baseDebit: number;
  baseCredit: number;
  /** Party id, for receivable and payable lines. */
  party?: string | null;
  memo?: string;
  /** Branch the line is booked to; the document's branch when absent. */
  branch?: string | null;
}

/** What a posting document exposes besides its lines (number, date, currency feed the ledger rows). */
export interface Postings<T> {
  /** The lines `doc` posts; none while it is a draft (only posted facts post, DESIGN §3). */
  lines(doc: T): PostingLine[];
}
