import type { Table } from 'dexie';
import type { IndexDb, Projection } from '../../../core/index/index-db';
import { postingHeader, postingsByType } from '../../../core/postings/posting';
import type { DocListRow, LedgerLineView } from '../rpc-contract';

/**
 * The ledger projection (DESIGN §4): one row per posted ledger line, running aggregates per
 * account, branch and month, and the open-item facts receivables and payables are derived
 * from. Ledger lines come from every type that declares postings (core/postings), whichever
 * module registers it: a pay run or a stock move lands here with no edit to Accounts. Lines and aggregates change in the same Dexie transaction as the checkpoint, so a
 * report over years reads a few hundred aggregate rows, never millions of lines.
 */
// At a million ledger lines each index entry is a write per line, so lines keep one index: by
// account and date (general ledger, reconciliation, and the partial months at a report's edges,
// read per account: report-sums.ts). A document's rows are found by their id prefix
// (`<docId>#…`, see rowsOfDocs), so no table keeps a separate index by document.
export const LEDGER_STORES = {
  ledgerLines: 'id, [account+date]',
  balances: '[account+branch+month], month, account',
  tradeItems: 'docId, partyId, [side+dueDate], creditFor',
  allocations: 'id, documentId',
  accountingDocs: 'id, [type+date], [type+status+date], reverses',
  taxLines: 'id, date',
};

/** Rows whose id is `<docId>#<suffix>` for any of `docIds`, read off the primary key. */
export function rowsOfDocs<T>(table: Table<T, string>, docIds: string[]) {
  return table.where(':id').inAnyRange(
    [...new Set(docIds)].sort().map((id) => [`${id}#`, `${id}#\uffff`]),
    { includeLowers: true, includeUppers: true },
  );
}

/** Net and tax per tax code of one issued document, base currency, signed (credits negative). */
export interface TaxLineRow {
  id: string;
  docId: string;
  date: string;
  branch: string;
  side: 'sales' | 'purchase';
  code: string;
  rateBp: number;
  net: number;
  tax: number;
}

/** One row per accounting document, drafts included: what the lists and search read — the contract's list row as stored. */
export type AccountingDocRow = DocListRow;

/** One posted ledger line as stored: the contract's general-ledger line. */
export type LedgerRow = LedgerLineView;

export interface BalanceRow {
  account: string;
  branch: string;
  /** YYYY-MM */
  month: string;
  debit: number;
  credit: number;
  /** Number of ledger lines: a general ledger counts its rows from these, not line by line. */
  lines: number;
}

export interface TradeItemRow {
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
}

export interface AllocationRow {
  id: string;
  paymentId: string;
  documentId: string;
  /** In the payment's currency, minor units. */
  amount: number;
  date: string;
}

export function ledgerTables(index: IndexDb) {
  return {
    lines: index.table('ledgerLines') as Table<LedgerRow, string>,
    balances: index.table('balances') as Table<BalanceRow, [string, string, string]>,
    tradeItems: index.table('tradeItems') as Table<TradeItemRow, string>,
    allocations: index.table('allocations') as Table<AllocationRow, string>,
    docs: index.table('accountingDocs') as Table<AccountingDocRow, string>,
    taxLines: index.table('taxLines') as Table<TaxLineRow, string>,
  };
}

/** The accounting documents Accounts lists (drafts included); what posts is the registry's business. */
const ACCOUNTING_TYPES = new Set(['journalEntry', 'tradeDoc', 'payment']);

export const monthOf = (date: string) => date.slice(0, 7);

export const ledgerProjection: Projection = {
  stores: LEDGER_STORES,
  async apply(index, db, changes, { registry }) {
    const t = ledgerTables(index);
    const deltas = new Map<string, BalanceRow>();
    const bump = (
      account: string,
      branch: string,
      month: string,
      debit: number,
      credit: number,
      lines: number,
    ) => {
      const key = `${account}\u0000${branch}\u0000${month}`;
      const cur = deltas.get(key) ?? { account, branch, month, debit: 0, credit: 0, lines: 0 };
      cur.debit += debit;
      cur.credit += credit;
      cur.lines += lines;
      deltas.set(key, cur);
    };

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
    // Take back whatever these documents contributed before.
    const old = ids.length ? await rowsOfDocs(t.lines, ids).toArray() : [];
    for (const r of old) bump(r.account, r.branch, monthOf(r.date), -r.debit, -r.credit, -1);
    if (old.length) await t.lines.bulkDelete(old.map((r) => r.id));
    const tradeIds = seen.filter((c) => c.type === 'tradeDoc').map((c) => c.id);
    if (tradeIds.length) {
      await t.tradeItems.bulkDelete(tradeIds);
      await rowsOfDocs(t.taxLines, tradeIds).delete();
    }
    const paymentIds = seen.filter((c) => c.type === 'payment').map((c) => c.id);
    if (paymentIds.length) await rowsOfDocs(t.allocations, paymentIds).delete();
    const gone = relevant.filter((c) => !c.doc && ACCOUNTING_TYPES.has(c.type)).map((c) => c.id);
    if (gone.length) await t.docs.bulkDelete(gone);

    const docRows: AccountingDocRow[] = [];
    const lineRows: LedgerRow[] = [];
    const taxRows: TaxLineRow[] = [];
    const itemRows: TradeItemRow[] = [];
    const allocationRows: AllocationRow[] = [];
    for (const { id, type, doc } of relevant) {
      if (!doc) continue;
      if (ACCOUNTING_TYPES.has(type)) docRows.push(docRow(id, type, db, doc));
      const lines = postings.get(type)?.(doc) ?? [];
      if (lines.length === 0) continue;
      const h = postingHeader(doc);
      const d = doc;
      lines.forEach((l, i) => {
        const row: LedgerRow = {
          id: `${id}#${i}`,
          docId: id,
          docType: type,
          db,
          number: h.number,
          date: h.date,
          account: l.account,
          branch: l.branch ?? h.branch,
          party: l.party ?? null,
          memo: l.memo || h.memo,
          debit: l.baseDebit,
          credit: l.baseCredit,
          docDebit: l.debit,
          docCredit: l.credit,
          currency: h.currency,
        };
        lineRows.push(row);
        bump(row.account, row.branch, monthOf(row.date), row.debit, row.credit, 1);
      });

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
            branch: h.branch,
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
          number: h.number,
          partyId: String(d.partyId),
          date: String(d.date),
          dueDate: String(d.dueDate),
          currency: String(d.currency),
          rate: String(d.rate),
          gross: (d.totals as { gross: number }).gross,
          creditFor: (d.creditFor as string | null) ?? null,
          branch: h.branch,
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
    if (docRows.length) writes.push(t.docs.bulkPut(docRows));
    if (lineRows.length) writes.push(t.lines.bulkAdd(lineRows));
    if (taxRows.length) writes.push(t.taxLines.bulkAdd(taxRows));
    if (itemRows.length) writes.push(t.tradeItems.bulkPut(itemRows));
    if (allocationRows.length) writes.push(t.allocations.bulkAdd(allocationRows));
    if (deltas.size > 0) writes.push(addToBalances(t.balances, deltas));
    await Promise.all(writes);
  },
};

/** Adds a batch's per-account, per-branch, per-month movements to the running aggregates. */
async function addToBalances(
  balances: Table<BalanceRow, [string, string, string]>,
  deltas: Map<string, BalanceRow>,
): Promise<void> {
  const keys = [...deltas.values()].map(
    (b) => [b.account, b.branch, b.month] as [string, string, string],
  );
  const existing = await balances.bulkGet(keys);
  const next = [...deltas.values()].map((delta, i) => {
    const cur = existing[i];
    return {
      ...delta,
      debit: (cur?.debit ?? 0) + delta.debit,
      credit: (cur?.credit ?? 0) + delta.credit,
      lines: (cur?.lines ?? 0) + delta.lines,
    };
  });
  await balances.bulkPut(next);
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
