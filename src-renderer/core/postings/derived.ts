import { baseTotals } from './balance';
import type { PostingHeader, PostingLine } from './posting';

/**
 * Postings a projection works out rather than a document declaring them (issue 12): what a
 * stock move is worth is only known once the valuation has folded every earlier move of its
 * item, and a back-dated receipt changes it for moves already posted. The projection that
 * knows the value hands its postings here inside the index transaction, and the projection
 * that keeps the ledger applies them in the same transaction, so the ledger and the valuation
 * never disagree, not even between two batches.
 *
 * A type posts either by declaring `postings` (a fact whose lines are in the document) or from
 * a projection through this, never both: each source document has one set of ledger lines.
 */
export interface DerivedPosting {
  /** The document the lines belong to (the stock move): the ledger opens it from a line. */
  sourceId: string;
  /** Its type, as the registry knows it. */
  type: string;
  /** The database it lives in. */
  db: string;
  header: PostingHeader;
  /** Base currency; none means the source posts nothing (any more). */
  lines: PostingLine[];
  /**
   * The source's first revision ever is in this batch, so it never posted: the ledger has
   * nothing of it to take back and need not look (a rebuild or a large sync is mostly these).
   */
  first?: boolean;
}

/**
 * One index batch's derived postings: the last set for a source wins (a fold may value a move
 * twice in one batch). Unbalanced sets are not taken: the ledger must add up, so the batch keeps
 * the source's previous lines and the refusal is kept for the caller to report.
 */
export class DerivedPostings {
  private readonly bySource = new Map<string, DerivedPosting>();
  readonly refused: { sourceId: string; difference: number }[] = [];

  /** Replaces what `p.sourceId` posts. */
  set(p: DerivedPosting): boolean {
    const { debit, credit } = baseTotals(p.lines);
    if (debit !== credit) {
      this.refused.push({ sourceId: p.sourceId, difference: debit - credit });
      return false;
    }
    this.bySource.set(p.sourceId, p);
    return true;
  }

  get size(): number {
    return this.bySource.size;
  }

  list(): DerivedPosting[] {
    return [...this.bySource.values()];
  }
}
