import type { Table } from 'dexie';
import type { IndexDb, Projection } from '../../../core/index/index-db';
import type { DerivedPosting } from '../../../core/postings/derived';
import {
  postingHeader,
  postingsByType,
  type PostingHeader,
  type PostingLine,
} from '../../../core/postings/posting';
import {
  LEDGER_STORES,
  ledgerTables,
  rowsOfDocs,
  type AccountingDocRow,
  type AllocationRow,
  type StoredLine,
  type TaxLineRow,
  type TradeItemRow,
} from './ledger-rows';
import { AggregateDeltas } from './ledger-rollups';

export * from './ledger-rows';

/**
 * The ledger projection (DESIGN §4): every posting document's lines, running aggregates per
 * account, branch and month, and the open-item facts receivables and payables are derived
 * from. Ledger lines come from every type that declares postings (core/postings), whichever
 * module registers it: a pay run or a stock move lands here with no edit to Accounts. Lines and
 * aggregates change in the same Dexie transaction as the checkpoint, so a report over years
 * reads a few hundred aggregate rows, never millions of lines. How lines are stored: ledger-rows.ts.
 */

/** The accounting documents Accounts lists (drafts included); what posts is the registry's business. */
const ACCOUNTING_TYPES = new Set(['journalEntry', 'tradeDoc', 'payment']);

export const ledgerProjection: Projection = {
  stores: LEDGER_STORES,
  applyDerived,
  async apply(index, db, changes, { registry }) {
    const t = ledgerTables(index);
    const deltas = new AggregateDeltas();
    const bump: Bump = (...a) => deltas.bump(...a);

    // Batched: one query and one bulk write per table for the whole batch, not per document.
    const postings = postingsByType(registry);
    const relevant = changes.filter((c) => postings.has(c.type) || ACCOUNTING_TYPES.has(c.type));
    if (relevant.length === 0) return;
    // A document's only revision has contributed nothing yet (its change is processed once:
    // rows and checkpoint share a transaction), so only the others are looked up — most of a
    // large initial sync is first revisions. The projector says which (`fresh`): a first
    // revision alone is not enough once a forged sibling has come and gone (DESIGN §10).
    const seen = relevant.filter((c) => !(c.doc && c.fresh));
    const ids = seen.map((c) => c.id);
    // Take back whatever these documents contributed before: their row holds their lines.
    if (ids.length) takeBack(await t.docs.bulkGet(ids), bump);
    const tradeIds = seen.filter((c) => c.type === 'tradeDoc').map((c) => c.id);
    if (tradeIds.length) {
      await t.tradeItems.bulkDelete(tradeIds);
      await rowsOfDocs(t.taxLines, tradeIds).delete();
    }
    const paymentIds = seen.filter((c) => c.type === 'payment').map((c) => c.id);
    if (paymentIds.length) await rowsOfDocs(t.allocations, paymentIds).delete();

    const docRows: AccountingDocRow[] = [];
    const gone: string[] = [];
    const taxRows: TaxLineRow[] = [];
    const itemRows: TradeItemRow[] = [];
    const allocationRows: AllocationRow[] = [];
    for (const { id, type, doc } of relevant) {
      const lines = doc ? (postings.get(type)?.(doc) ?? []) : [];
      // A deleted document, or one of another module that posts nothing (now), keeps no row.
      if (!doc || (lines.length === 0 && !ACCOUNTING_TYPES.has(type))) {
        gone.push(id);
        continue;
      }
      const row = docRow(id, type, db, doc);
      const d = doc;
      if (lines.length > 0) withLines(row, postingHeader(doc), lines, bump);
      docRows.push(row);

      if (type === 'tradeDoc') {
        const sign = d.kind === 'credit' ? -1 : 1;
        const breakdown =
          (d.taxBreakdown as
            { code: string; rateBp: number; baseNet: number; baseTax: number }[] | undefined) ?? [];
        for (const b of breakdown) {
          taxRows.push({
            id: `${id}#${b.code}`,
            docId: id,
            date: String(d.date),
            branch: row.branch,
            side: d.side as 'sales' | 'purchase',
            code: b.code,
            rateBp: b.rateBp,
            net: sign * b.baseNet,
            tax: sign * b.baseTax,
          });
        }
        itemRows.push({
          docId: id,
          db,
          side: d.side as 'sales' | 'purchase',
          kind: d.kind as 'invoice' | 'credit',
          number: row.number,
          partyId: String(d.partyId),
          date: String(d.date),
          dueDate: String(d.dueDate),
          currency: String(d.currency),
          rate: String(d.rate),
          gross: (d.totals as { gross: number }).gross,
          creditFor: (d.creditFor as string | null) ?? null,
          branch: row.branch,
        });
      }
      if (type === 'payment') {
        const allocations = (d.allocations as { documentId: string; amount: number }[]) ?? [];
        allocations.forEach((a, i) =>
          allocationRows.push({
            id: `${id}#${i}`,
            paymentId: id,
            documentId: a.documentId,
            amount: a.amount,
            date: String(d.date),
          }),
        );
      }
    }
    // Every write is handed to IndexedDB at once, not one table after another: the database
    // works through them while this thread is free (the next batch is being prepared), rather
    // than idling between steps. Old rows were removed above, before any of these adds.
    const writes: Promise<unknown>[] = [];
    if (gone.length) writes.push(t.docs.bulkDelete(gone));
    if (docRows.length) writes.push(t.docs.bulkPut(docRows));
    if (taxRows.length) writes.push(t.taxLines.bulkAdd(taxRows));
    if (itemRows.length) writes.push(t.tradeItems.bulkPut(itemRows));
    if (allocationRows.length) writes.push(t.allocations.bulkAdd(allocationRows));
    if (deltas.size > 0) writes.push(deltas.write(t.balances, t.rollups));
    writes.push(noteLedgerTypes(t.ledgerTypes, docRows));
    await Promise.all(writes);
  },
};

/** Keeps the (few) types that have ledger lines listed: readers by date go type by type. */
async function noteLedgerTypes(
  table: Table<{ type: string }, string>,
  rows: AccountingDocRow[],
): Promise<void> {
  const seen = new Set(rows.filter((r) => (r.lines?.length ?? 0) > 0).map((r) => r.type));
  if (seen.size === 0) return;
  const known = new Set((await table.toArray()).map((r) => r.type));
  const fresh = [...seen].filter((type) => !known.has(type));
  if (fresh.length) await table.bulkPut(fresh.map((type) => ({ type })));
}

type Bump = AggregateDeltas['bump'];

/** Puts a document's posted lines into its row, and their amounts into the aggregates. */
function withLines(row: AccountingDocRow, h: PostingHeader, lines: PostingLine[], bump: Bump) {
  const stored: StoredLine[] = [];
  const accounts = new Set<string>();
  for (const l of lines) {
    const line: StoredLine = { account: l.account, debit: l.baseDebit, credit: l.baseCredit };
    if (l.debit !== l.baseDebit) line.docDebit = l.debit;
    if (l.credit !== l.baseCredit) line.docCredit = l.credit;
    if (l.branch && l.branch !== h.branch) line.branch = l.branch;
    if (l.party) line.party = l.party;
    if (l.memo) line.memo = l.memo;
    stored.push(line);
    accounts.add(l.account);
    bump(l.account, l.branch || h.branch, h.date, l.baseDebit, l.baseCredit, 1);
  }
  row.lines = stored;
  row.accountDates = [...accounts].map((a) => [a, h.date]);
}

/** Takes back what stored rows contributed to the aggregates. */
function takeBack(rows: (AccountingDocRow | undefined)[], bump: Bump) {
  for (const r of rows)
    for (const l of r?.lines ?? [])
      bump(l.account, l.branch || r!.branch, r!.date, -l.debit, -l.credit, -1);
}

/**
 * Derived postings (a stock move's value, core/postings/derived.ts): the source's row is
 * replaced by one holding its new lines, or removed when it posts nothing now, and the
 * aggregates move by the difference, in the batch's transaction.
 */
async function applyDerived(index: IndexDb, postings: DerivedPosting[]): Promise<void> {
  const t = ledgerTables(index);
  const deltas = new AggregateDeltas();
  const bump: Bump = (...a) => deltas.bump(...a);
  const posted = postings.filter((p) => !p.first).map((p) => p.sourceId);
  if (posted.length) takeBack(await t.docs.bulkGet(posted), bump);
  const rows: AccountingDocRow[] = [];
  const gone: string[] = [];
  for (const p of postings) {
    if (p.lines.length === 0) {
      if (!p.first) gone.push(p.sourceId);
      continue;
    }
    const h = p.header;
    const row: AccountingDocRow = {
      id: p.sourceId,
      type: p.type,
      db: p.db,
      branch: h.branch,
      number: h.number,
      date: h.date,
      status: 'posted',
      memo: h.memo,
      reference: '',
      partyId: null,
      currency: h.currency,
      total: p.lines.reduce((n, l) => n + l.baseDebit, 0),
      side: null,
      kind: null,
      reverses: null,
      creditFor: null,
      createdBy: '',
    };
    withLines(row, h, p.lines, bump);
    rows.push(row);
  }
  await Promise.all([
    gone.length ? t.docs.bulkDelete(gone) : null,
    rows.length ? t.docs.bulkPut(rows) : null,
    deltas.size ? deltas.write(t.balances, t.rollups) : null,
    noteLedgerTypes(t.ledgerTypes, rows),
  ]);
}

function docRow(
  id: string,
  type: string,
  db: string,
  doc: Record<string, unknown>,
): AccountingDocRow {
  const lines = (doc.lines as { debit?: number }[] | undefined) ?? [];
  const total =
    type === 'journalEntry'
      ? lines.reduce((n, l) => n + (l.debit ?? 0), 0)
      : type === 'tradeDoc'
        ? ((doc.totals as { gross: number } | undefined)?.gross ?? 0)
        : Number(doc.amount ?? 0);
  return {
    id,
    type,
    db,
    branch: String(doc.branch ?? ''),
    number: String(doc.number ?? ''),
    date: String(doc.date ?? ''),
    status: String(doc.status ?? ''),
    memo: String(doc.memo ?? ''),
    reference: String(doc.reference ?? ''),
    partyId: (doc.partyId as string | undefined) ?? null,
    currency: String(doc.currency ?? ''),
    total,
    side: (doc.side as string | undefined) ?? null,
    kind: (doc.kind as string | undefined) ?? null,
    reverses: (doc.reverses as string | undefined) ?? null,
    creditFor: (doc.creditFor as string | undefined) ?? null,
    createdBy: String(doc.createdBy ?? ''),
  };
}
