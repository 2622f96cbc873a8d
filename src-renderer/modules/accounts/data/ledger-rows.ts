import type { Table } from 'dexie';
import type { IndexDb } from '../../../core/index/index-db';
import type { DocListRow, LedgerLineView } from '../rpc-contract';
import { ROLLUP_STORES, rollupTable } from './ledger-rollups';

/**
 * How the ledger sits in the index (DESIGN §4, issue 11 item 18). A posting document is ONE
 * row holding its lines, found by account and date through a multi-entry key per account it
 * touches; running aggregates per account, branch and month sit beside it. At a million ledger
 * lines every IndexedDB row and index entry is a write per line, and an import of 100,000 lines
 * waits on those writes: one row per entry (with one key per account) writes about half of what
 * a row per line with its own key did, and every line still comes out as the same
 * `<docId>#<line index>` row the reports, reconciliation and bank matches use.
 */
export const LEDGER_STORES = {
  accountingDocs: 'id, [type+date], [type+status+date], reverses, *accountDates',
  // One account's months (a general ledger's opening); reports read the rollups instead.
  balances: '[account+branch+month]',
  ...ROLLUP_STORES,
  tradeItems: 'docId, partyId, [side+dueDate], creditFor',
  allocations: 'id, documentId',
  taxLines: 'id, date',
  /** The types that have ledger lines (a handful): a report's edge days read each one's rows by date. */
  ledgerTypes: 'type',
};

/**
 * One line as stored inside its document's row. What equals the document's own value is left
 * out (the line's branch, its document-currency amounts in a base-currency document, an empty
 * memo or party): most lines repeat them, and every byte is written again at each compaction.
 */
export interface StoredLine {
  account: string;
  debit: number;
  credit: number;
  docDebit?: number;
  docCredit?: number;
  branch?: string;
  party?: string;
  memo?: string;
}

/**
 * One row per accounting document (drafts included: what the lists and search read, the
 * contract's list row) and per document of any other type that posts. `lines` are its posted
 * ledger lines; `accountDates` holds `[account, date]` once per account they touch.
 */
export interface AccountingDocRow extends DocListRow {
  lines?: StoredLine[];
  accountDates?: [string, string][];
}

/** One posted ledger line as readers see it: the contract's general-ledger line. */
export type LedgerRow = LedgerLineView;

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

export const monthOf = (date: string) => date.slice(0, 7);

/** The ledger lines of one stored document, in line order, as readers see them. */
export function linesOfRow(row: AccountingDocRow): LedgerRow[] {
  return (row.lines ?? []).map((l, i) => ({
    id: `${row.id}#${i}`,
    docId: row.id,
    docType: row.type,
    db: row.db,
    number: row.number,
    date: row.date,
    account: l.account,
    branch: l.branch ?? row.branch,
    party: l.party ?? null,
    memo: l.memo ?? row.memo,
    debit: l.debit,
    credit: l.credit,
    docDebit: l.docDebit ?? l.debit,
    docCredit: l.docCredit ?? l.credit,
    currency: row.currency,
  }));
}

/** `<docId>#<index>` → [docId, index]; null for anything else. */
function splitLineId(id: string): [string, number] | null {
  const at = id.lastIndexOf('#');
  const n = Number(id.slice(at + 1));
  return at > 0 && Number.isInteger(n) && n >= 0 ? [id.slice(0, at), n] : null;
}

const inclusive = { includeLowers: true, includeUppers: true };

/**
 * The ledger lines, read off the document rows: by account and date (general ledger,
 * reconciliation, a report's partial months), by line id (bank matches), by document.
 */
export class LedgerLines {
  constructor(
    private readonly docs: Table<AccountingDocRow, string>,
    private readonly types: Table<{ type: string }, string>,
  ) {}

  /**
   * Every line dated from..to: each type's documents off `[type+date]`, side by side, so a
   * document is read once however many accounts it touches (a trial balance's edge days).
   */
  async between(from: string, to: string): Promise<LedgerRow[]> {
    const types = (await this.types.toArray()).map((t) => t.type);
    const parts = await Promise.all(
      types.map((type) =>
        this.docs.where('[type+date]').between([type, from], [type, to], true, true).toArray(),
      ),
    );
    return parts.flat().flatMap(linesOfRow);
  }

  /** Lines on `account` dated from..to, by date, then document, then line; `take` stops early. */
  async onAccount(
    account: string,
    from: string,
    to: string,
    opts: { branch?: string | null; take?: number } = {},
  ): Promise<LedgerRow[]> {
    const out: LedgerRow[] = [];
    const { branch, take } = opts;
    const keep = (l: LedgerRow) => l.account === account && (!branch || l.branch === branch);
    const range = this.docs
      .where('accountDates')
      .between([account, from], [account, to], true, true);
    if (take === undefined) {
      for (const row of await range.toArray())
        for (const l of linesOfRow(row)) if (keep(l)) out.push(l);
      return out;
    }
    await range
      .until(() => out.length >= take)
      .each((row) => {
        for (const l of linesOfRow(row)) if (keep(l)) out.push(l);
      });
    return out.slice(0, take);
  }

  /** Lines on any of `accounts` dated from..to, one plain range per account side by side. */
  async onAccounts(accounts: readonly string[], from: string, to: string): Promise<LedgerRow[]> {
    const parts = await Promise.all(accounts.map((a) => this.onAccount(a, from, to)));
    return parts.flat();
  }

  /** Whether any line is on `account`, however many there are. */
  async any(account: string): Promise<boolean> {
    const first = await this.docs
      .where('accountDates')
      .between([account, ''], [account, '\uffff'], true, true)
      .first();
    return first !== undefined;
  }

  /** Lines by id (`<docId>#<index>`), undefined where there is none. */
  async bulkGet(ids: readonly string[]): Promise<(LedgerRow | undefined)[]> {
    const parts = ids.map(splitLineId);
    const docIds = [...new Set(parts.flatMap((p) => (p ? [p[0]] : [])))];
    const rows = new Map(
      (await this.docs.bulkGet(docIds)).flatMap((r) => (r ? [[r.id, linesOfRow(r)] as const] : [])),
    );
    return parts.map((p) => (p ? rows.get(p[0])?.[p[1]] : undefined));
  }

  /** Every line of these documents, document by document. */
  async ofDocs(docIds: readonly string[]): Promise<LedgerRow[]> {
    const rows = await this.docs.bulkGet([...new Set(docIds)]);
    return rows.flatMap((r) => (r ? linesOfRow(r) : []));
  }

  /** Every line (tests and small books only). */
  async toArray(): Promise<LedgerRow[]> {
    const rows = await this.docs.filter((r) => (r.lines?.length ?? 0) > 0).toArray();
    return rows.flatMap(linesOfRow);
  }

  async count(): Promise<number> {
    return (await this.toArray()).length;
  }
}

export function ledgerTables(index: IndexDb) {
  const docs = index.table('accountingDocs') as Table<AccountingDocRow, string>;
  return {
    docs,
    lines: new LedgerLines(docs, index.table('ledgerTypes') as Table<{ type: string }, string>),
    ledgerTypes: index.table('ledgerTypes') as Table<{ type: string }, string>,
    balances: index.table('balances') as Table<BalanceRow, [string, string, string]>,
    rollups: rollupTable(index),
    tradeItems: index.table('tradeItems') as Table<TradeItemRow, string>,
    allocations: index.table('allocations') as Table<AllocationRow, string>,
    taxLines: index.table('taxLines') as Table<TaxLineRow, string>,
  };
}

/** Rows whose id is `<docId>#<suffix>` for any of `docIds`, read off the primary key. */
export function rowsOfDocs<T>(table: Table<T, string>, docIds: string[]) {
  return table.where(':id').inAnyRange(
    [...new Set(docIds)].sort().map((id) => [`${id}#`, `${id}#\uffff`]),
    inclusive,
  );
}

/** The list row of a document as the index stores it, without its ledger lines. */
export function listRow(row: AccountingDocRow): DocListRow {
  const { lines: _lines, accountDates: _keys, ...rest } = row;
  return rest;
}
