import type { SchemaRegistry } from '../db/schema-registry';

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

/**
 * What the ledger reads of a posting document besides its lines. By convention a posting
 * document carries these fields itself (every accounting document does, and so must a pay run
 * or a stock move): `date` (YYYY-MM-DD, the month its lines count in), and optionally `number`,
 * `currency` (of the document amounts) and `memo` (for lines without their own).
 */
export interface PostingHeader {
  date: string;
  number: string;
  currency: string;
  memo: string;
  branch: string;
}

export function postingHeader(doc: Record<string, unknown>): PostingHeader {
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  return {
    date: text(doc.date),
    number: text(doc.number),
    currency: text(doc.currency),
    memo: text(doc.memo),
    branch: text(doc.branch),
  };
}

/** A type's postings function, as the ledger projection calls it (on documents the registry decoded). */
export type PostingsOf = (doc: Record<string, unknown>) => PostingLine[];

/**
 * Every type that declares postings, with its function: what the ledger reads. Looked up once
 * per batch, so the ledger's inner loop is one map read per change whatever module posts it.
 */
export function postingsByType(registry: SchemaRegistry): Map<string, PostingsOf> {
  const out = new Map<string, PostingsOf>();
  for (const type of registry.postingTypes()) {
    const postings = registry.require(type).postings;
    if (postings) out.set(type, postings as unknown as PostingsOf);
  }
  return out;
}
