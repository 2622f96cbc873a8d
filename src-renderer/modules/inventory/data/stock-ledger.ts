import type { Table } from 'dexie';
import type { IndexDb, ProjectedChange } from '../../../core/index/index-db';
import type { DerivedPostings } from '../../../core/postings/derived';
import type { PostingLine } from '../../../core/postings/posting';
import { INVENTORY_SETTINGS_ID } from '../domain/master-schema';
import {
  missingStockAccounts,
  stockAccountsOf,
  stockPostings,
  type PostedMoveKind,
  type StockAccountField,
} from '../domain/stock-postings';
import type { TransferDispatch, TransferReceipt } from '../domain/transfer-schemas';
import { dayAfter } from './stock-lock';
import {
  endOfDay,
  stockTables,
  type StockItemRow,
  type StockLineRow,
  type StockLockRow,
} from './stock-rows';
import { closingShortValue, valuedStockMoves } from './stock-valued';

/**
 * Stock moves into the ledger (derived postings, core/postings/derived.ts). A move's value is
 * known only after the fold, inside the index transaction, where PouchDB must not be awaited
 * (the transaction would commit): so the accounts the rules need are projected too — each
 * item's own on `stockItems`, Inventory settings' and the company's base currency on one
 * `stockPosting` row — and so are each transfer's dispatch and receipts (`stockTransfers`), for
 * the receipt that closes a transfer short.
 */

type Fields = Record<StockAccountField, string>;

export interface StockPostingRow {
  id: 'accounts';
  fields: Fields;
  /** The company's base currency, the currency of every stock posting ('' until known). */
  currency: string;
}

export interface StockTransferRow {
  id: string;
  dispatch: TransferDispatch | null;
  receipts: TransferReceipt[];
  receiptIds: string[];
}

const FIELDS: StockAccountField[] = [
  'inventoryAccount',
  'cogsAccount',
  'grniAccount',
  'goodsInTransitAccount',
  'interBranchAccount',
  'stockAdjustmentAccount',
];

function tables(index: IndexDb) {
  return {
    ...stockTables(index),
    posting: index.table('stockPosting') as Table<StockPostingRow, string>,
    transfers: index.table('stockTransfers') as Table<StockTransferRow, string>,
  };
}

const text = (v: unknown) => (typeof v === 'string' ? v : '');
const moveOf = (rowId: string) => rowId.slice(0, rowId.indexOf('#'));

/** What a batch must post again (see followPostingInputs). */
export interface Repost {
  moves: Set<string>;
  /**
   * The accounts changed: every move posts again, even with accounts missing (then to take
   * back what it posted). Otherwise, with accounts missing, nothing is posted so nothing is
   * worked out: a company that does not keep stock in the books pays nothing for it.
   */
  all: boolean;
  /** The batch's own moves and every row each has now, as folded: nothing to read back. */
  ownRows?: ReadonlyMap<string, readonly StockLineRow[]>;
  /** Moves whose first revision ever is in this batch: they never posted, nothing to take back. */
  firstPosting?: ReadonlySet<string>;
  /** Item rows the batch has read already (absent: not in the index). */
  items?: ReadonlyMap<string, StockItemRow | undefined>;
}

/**
 * Follows what the postings depend on besides the fold: the accounts (settings, company,
 * items) and the transfers. Returns the moves whose postings must be worked out again.
 */
export async function followPostingInputs(
  index: IndexDb,
  changes: readonly ProjectedChange[],
  /** The lock steps before this batch: a move the lock (un)froze posts on another day. */
  lockBefore: StockLockRow | undefined,
): Promise<Repost> {
  const t = tables(index);
  const again = new Set<string>();
  let all = false;

  const lockNow = await t.lock.get('lock');
  if (JSON.stringify(lockNow) !== JSON.stringify(lockBefore)) {
    // Every row the old or new lock could have moved: up to the day after the latest lock date.
    const dates = [lockBefore, lockNow].flatMap((l) => [
      l?.date ?? '',
      ...(l?.steps ?? []).map((s) => s.date),
    ]);
    const latest = dates.sort().at(-1);
    if (latest)
      for (const id of await t.lines
        .where('order')
        .belowOrEqual(endOfDay(dayAfter(latest)))
        .primaryKeys())
        again.add(moveOf(id));
  }

  const company = changes.find((c) => c.type === 'company' && c.doc);
  const settings = changes.find((c) => c.id === INVENTORY_SETTINGS_ID);
  if (company || settings) {
    const old = await t.posting.get('accounts');
    const fields = settings
      ? (Object.fromEntries(FIELDS.map((f) => [f, text(settings.doc?.[f])])) as Fields)
      : (old?.fields ?? (Object.fromEntries(FIELDS.map((f) => [f, ''])) as Fields));
    const row: StockPostingRow = {
      id: 'accounts',
      fields,
      currency: company ? text(company.doc?.baseCurrency) : (old?.currency ?? ''),
    };
    if (JSON.stringify(row) !== JSON.stringify(old)) {
      await t.posting.put(row);
      all = true;
      // Every move posts again: one large batch, but the accounts are chosen once or twice in
      // a company's life, and the ledger must never keep lines on an account no longer chosen.
      for (const id of await t.lines.toCollection().primaryKeys()) again.add(moveOf(id));
      for (const tr of await t.transfers.toArray()) for (const r of tr.receiptIds) again.add(r);
    }
  }

  const items = changes.filter((c) => c.type === 'item' && c.doc);
  if (items.length) {
    const rows = await t.items.bulkGet(items.map((c) => c.id));
    for (const [i, c] of items.entries()) {
      const row = rows[i];
      const inventoryAccount = text(c.doc!.inventoryAccount);
      const cogsAccount = text(c.doc!.expenseAccount);
      if (
        row &&
        (row.inventoryAccount ?? '') === inventoryAccount &&
        (row.cogsAccount ?? '') === cogsAccount
      )
        continue;
      const method = row?.method ?? (c.doc!.valuation === 'average' ? 'average' : 'fifo');
      await t.items.put({ id: c.id, method, inventoryAccount, cogsAccount });
      // Only the item's own moves change where they post.
      for (const k of await t.keys.where('item').equals(c.id).toArray())
        for (const id of await t.lines
          .where('[key+order]')
          .between([k.key, ''], [k.key, '\uffff'], true, true)
          .primaryKeys())
          again.add(moveOf(id));
    }
  }

  const transferIds = new Set(
    changes.flatMap((c) =>
      c.type === 'transferDispatch'
        ? [c.id]
        : c.type === 'transferReceipt' && c.doc
          ? [text(c.doc.transfer)]
          : [],
    ),
  );
  if (transferIds.size) {
    const known = new Map(
      (await t.transfers.bulkGet([...transferIds])).flatMap((r) => (r ? [[r.id, r]] : [])),
    );
    for (const id of transferIds) {
      const row = known.get(id) ?? { id, dispatch: null, receipts: [], receiptIds: [] };
      for (const c of changes) {
        if (c.id === id) row.dispatch = (c.doc as unknown as TransferDispatch | null) ?? null;
        else if (c.type === 'transferReceipt' && c.doc && text(c.doc.transfer) === id)
          row.receipts = [
            ...row.receipts.filter((r) => r._id !== c.id),
            c.doc as unknown as TransferReceipt,
          ];
      }
      row.receiptIds = row.receipts.map((r) => r._id);
      known.set(id, row);
      // Which receipt closes the transfer, and for how much, may change with any of its facts.
      for (const r of row.receiptIds) again.add(r);
    }
    await t.transfers.bulkPut([...known.values()]);
  }
  return { moves: again, all };
}

const MEMO: Record<PostedMoveKind, string> = {
  receipt: 'Goods receipt',
  delivery: 'Delivery',
  adjustment: 'Stock adjustment',
  count: 'Stock count',
  internal: 'Move between warehouses',
  transferDispatch: 'Transfer sent',
  transferReceipt: 'Transfer received',
};

/**
 * Works out what each of `moveIds` posts now and hands it to the ledger (`derived`). A move
 * posts nothing while an account it needs is not chosen (the Inventory pages say which): the
 * index must never stop for it, and choosing the accounts posts every move again.
 */
export async function postStockMoves(
  index: IndexDb,
  db: string,
  { moves, all, ownRows, firstPosting, items: read }: Repost,
  derived: DerivedPostings,
  // Where other databases' moves live (the index's catalog, with what a bulk catch-up queued).
  dbOf: (ids: readonly string[]) => Promise<Map<string, string>> = (ids) => catalogDbs(index, ids),
): Promise<void> {
  const ids = [...moves];
  if (ids.length === 0) return;
  const t = tables(index);
  const setup = await t.posting.get('accounts');
  const complete = !!setup && missingStockAccounts(setup.fields).length === 0;
  if (!complete && !all) return;
  // The batch's own moves live in `db` (the batch comes from it): only others are looked up.
  const elsewhere = ownRows ? ids.filter((id) => !ownRows.has(id)) : ids;
  // Only a transfer receipt can close a transfer (and take its number from it).
  const receipts = ids.filter((id) => id.startsWith('transferReceipt:'));
  const [valued, catalog, transfers] = await Promise.all([
    valuedStockMoves(index, ids, ownRows).catch((e: unknown) => {
      console.error(`Stock moves could not be valued for the ledger: ${String(e)}`);
      return null;
    }),
    elsewhere.length ? dbOf(elsewhere) : new Map<string, string>(),
    receipts.length ? t.transfers.where('receiptIds').anyOf(receipts).toArray() : [],
  ]);
  if (!valued) return;
  const itemIds = [...new Set(valued.flatMap((m) => m.lines.map((l) => l.item)))];
  const unread = read ? itemIds.filter((id) => !read.has(id)) : itemIds;
  const fetched = unread.length ? await t.items.bulkGet(unread) : [];
  const rows = [...(read ?? []).values(), ...fetched];
  const items = rows.flatMap((r) =>
    r
      ? [
          {
            _id: r.id,
            inventoryAccount: r.inventoryAccount ?? '',
            expenseAccount: r.cogsAccount ?? '',
          },
        ]
      : [],
  );
  const accounts = stockAccountsOf(setup?.fields ?? {}, items);
  const closing = new Map<string, { shortValue: number; fromBranch: string }>();
  for (const tr of transfers) {
    if (!tr.dispatch) continue;
    const c = closingShortValue(tr.dispatch, tr.receipts);
    if (c.closedBy) closing.set(c.closedBy, c);
  }

  for (const [i, move] of valued.entries()) {
    const id = ids[i]!;
    const close = closing.get(id);
    if (move.kind === 'transferReceipt' && close) {
      move.shortValue = close.shortValue;
      move.fromBranch = close.fromBranch;
      if (!move.date) {
        const doc = transfers.flatMap((tr) => tr.receipts).find((r) => r._id === id);
        move.date = doc?.date ?? '';
        move.valuedOn = move.date;
        move.reference = transferNumber(transfers, id);
        move.branch = close.fromBranch;
      }
    }
    let lines: PostingLine[] = [];
    if (complete && move.date)
      try {
        lines = stockPostings(move, accounts);
      } catch (e) {
        // A rule that cannot post (a receipt that does not say where from) posts nothing.
        console.error(`Stock move ${id} cannot post: ${String(e)}`);
      }
    derived.set({
      ...(firstPosting?.has(id) ? { first: true } : {}),
      sourceId: id,
      type: id.slice(0, id.indexOf(':')),
      db: catalog.get(id) ?? db,
      header: {
        // The day the valuation counts it, so the books and the valuation agree on every day.
        date: move.valuedOn,
        number: move.reference,
        currency: setup?.currency ?? '',
        memo: MEMO[move.kind],
        branch: move.branch,
      },
      lines,
    });
  }
}

async function catalogDbs(index: IndexDb, ids: readonly string[]) {
  const rows = await index.catalog.bulkGet([...ids]);
  return new Map(rows.flatMap((c) => (c ? [[c.id, c.db] as const] : [])));
}

function transferNumber(transfers: readonly StockTransferRow[], receiptId: string): string {
  return transfers.find((tr) => tr.receiptIds.includes(receiptId))?.dispatch?.number ?? '';
}
