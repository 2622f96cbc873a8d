import type { Table } from 'dexie';
import { OutpostError } from '../../../core/errors';
import type { IndexDb, Projection } from '../../../core/index/index-db';
import type { ModuleContext } from '../../../core/module-context';
import { MOVE_KINDS, type MoveKind, type StockMove } from '../domain/move-schema';
import { cachedItems, cachedWarehouses } from './repos';
import { endOfDay, stockTables } from './stock-rows';

/**
 * Past stock moves as a list (newest first): one small row per move in the index, so the list
 * pages and counts off an IndexedDB index however many years of moves a branch has, and never
 * reads the moves themselves. The date of a move comes first in each key and its id (a ULID,
 * so the order it was saved in) second, which keeps a day's moves in a stable order.
 */
export const MOVE_LIST_STORES = {
  stockMoveList: 'id, [branch+date+id], [branch+kind+date+id]',
};

export interface MoveListRow {
  id: string;
  branch: string;
  date: string;
  kind: MoveKind;
  /** The series number (NYC-A-GR-000012); '' for a move saved before moves were numbered. */
  number: string;
  reference: string;
  memo: string;
  warehouse: string;
  toWarehouse: string | null;
  /** Item ids in the order of the lines, each once. */
  items: string[];
  lines: number;
  corrects: string | null;
}

export function moveListTable(index: IndexDb): Table<MoveListRow, string> {
  return index.table('stockMoveList') as Table<MoveListRow, string>;
}

function rowOf(m: StockMove): MoveListRow {
  return {
    id: m._id,
    branch: m.branch,
    date: m.date,
    kind: m.kind,
    number: m.number ?? '',
    reference: m.reference ?? '',
    memo: m.memo ?? '',
    warehouse: m.warehouse,
    toWarehouse: m.toWarehouse ?? null,
    items: [...new Set(m.lines.map((l) => l.item))],
    lines: m.lines.length,
    corrects: m.corrects ?? null,
  };
}

export const moveListProjection: Projection = {
  stores: MOVE_LIST_STORES,
  async apply(index, _db, changes) {
    const ours = changes.filter((c) => c.type === 'stockMove');
    if (!ours.length) return;
    const t = moveListTable(index);
    const gone = ours.filter((c) => !c.doc).map((c) => c.id);
    if (gone.length) await t.bulkDelete(gone);
    const rows = ours.flatMap((c) => (c.doc ? [rowOf(c.doc as unknown as StockMove)] : []));
    if (rows.length) await t.bulkPut(rows);
  },
};

export interface MoveListQuery {
  /** The branch code whose moves to list. */
  branch: string;
  kind?: MoveKind | null;
  /** First and last day, inclusive; absent: open-ended. */
  from?: string | null;
  to?: string | null;
  /** Only moves with a line of this item. */
  item?: string | null;
  offset?: number;
  limit?: number;
}

/** One past move as the list shows it: names, not ids. */
export interface MoveListEntry {
  id: string;
  date: string;
  kind: MoveKind;
  number: string;
  reference: string;
  memo: string;
  /** "NYC-MAIN Brooklyn main store", "→ NYC-BACK Back room" for a move between warehouses. */
  where: string;
  /** "BEAN-1KG Coffee beans 1 kg", "BEAN-1KG Coffee beans 1 kg and 2 more items". */
  what: string;
  corrects: boolean;
}

export interface MoveListResult {
  rows: MoveListEntry[];
  total: number;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const newestFirst = (a: MoveListRow, b: MoveListRow) =>
  a.date === b.date ? (a.id < b.id ? 1 : -1) : a.date < b.date ? 1 : -1;

/** A page of a branch's past moves, newest first, filtered by kind, days and item. */
export async function listMoves(s: ModuleContext, q: MoveListQuery): Promise<MoveListResult> {
  const refuse = (m: string): never => {
    throw new OutpostError('validation', m);
  };
  if (!q.branch) refuse('Choose the branch whose moves to list.');
  if (q.kind && !(MOVE_KINDS as readonly string[]).includes(q.kind))
    refuse('Choose a kind of move from the list.');
  for (const d of [q.from, q.to]) if (d && !DAY.test(d)) refuse('Use a date like 2026-03-31.');
  if (q.from && q.to && q.from > q.to) refuse('The first day is after the last day. Swap them.');
  await s.settle();
  const t = moveListTable(s.index);
  const from = q.from ?? '';
  const to = q.to ?? '\uffff';
  const offset = Math.max(0, q.offset ?? 0);
  const limit = Math.min(Math.max(1, q.limit ?? 100), 1000);
  let page: MoveListRow[];
  let total: number;
  if (q.item) {
    // An item's moves come from the stock projection's lines of that item (its ledger), so the
    // filter reads that item's history only, never every move of the branch.
    const st = stockTables(s.index);
    const keys = (await st.keys.where('item').equals(q.item).toArray()).filter(
      (k) => k.branch === q.branch,
    );
    const ids = new Set<string>();
    for (const k of keys) {
      const lines = await st.lines
        .where('[key+order]')
        .between([k.key, from], [k.key, q.to ? endOfDay(q.to) : '\uffff'], true, true)
        .toArray();
      for (const l of lines) ids.add(l.moveId);
    }
    // Transfers move stock too but are listed on their own pages: only stock moves are rows here.
    const rows = (await t.bulkGet([...ids])).filter(
      (r): r is MoveListRow => !!r && (!q.kind || r.kind === q.kind),
    );
    rows.sort(newestFirst);
    total = rows.length;
    page = rows.slice(offset, offset + limit);
  } else {
    const coll = q.kind
      ? t
          .where('[branch+kind+date+id]')
          .between([q.branch, q.kind, from, ''], [q.branch, q.kind, to, '\uffff'], true, true)
      : t.where('[branch+date+id]').between([q.branch, from, ''], [q.branch, to, '\uffff']);
    total = await coll.clone().count();
    page = await coll.reverse().offset(offset).limit(limit).toArray();
  }
  return { total, rows: await named(s, page) };
}

async function named(s: ModuleContext, rows: MoveListRow[]): Promise<MoveListEntry[]> {
  const [items, warehouses] = await Promise.all([cachedItems(s), cachedWarehouses(s)]);
  const item = new Map(items.map((i) => [i._id, `${i.sku} ${i.name}`]));
  const wh = new Map(warehouses.map((w) => [w._id, `${w.code} ${w.name}`]));
  return rows.map((r) => {
    const first = item.get(r.items[0] ?? '') ?? 'An item not on this device';
    const more = r.items.length - 1;
    return {
      id: r.id,
      date: r.date,
      kind: r.kind,
      number: r.number ?? '',
      reference: r.reference,
      memo: r.memo,
      where: `${wh.get(r.warehouse) ?? 'A warehouse not on this device'}${
        r.toWarehouse ? ` → ${wh.get(r.toWarehouse) ?? 'a warehouse not on this device'}` : ''
      }`,
      what: more > 0 ? `${first} and ${more} more item${more === 1 ? '' : 's'}` : first,
      corrects: r.corrects !== null,
    };
  });
}
