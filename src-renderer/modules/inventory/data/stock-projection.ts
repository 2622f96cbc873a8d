import type { IndexDb, Projection } from '../../../core/index/index-db';
import { applyMove, EMPTY_STATE, type ValuationMethod } from '../domain/valuation';
import type { Item } from '../domain/schemas';
import { rowsOfStockDocs, STOCK_DOC_TYPES } from './transfer-rows';
import { followLock, place } from './stock-lock';
import { followPostingInputs, postStockMoves } from './stock-ledger';
import { MonthDeltas, STOCK_MONTH_STORES } from './stock-months';
import { rowsOfMoves, stockKey, stockTables, STOCK_STORES, type StockLineRow } from './stock-rows';

/**
 * Stock on hand and valuation as a projection (DESIGN §10): the same on every device whatever
 * order moves arrive in. A batch first swaps the rows of the moves it carries, then re-folds
 * each touched item × warehouse from the earliest position that changed, starting from the
 * state stored on the row before it — so a back-dated receipt costs the moves after it in that
 * one fold, not the whole history. The receiving side of a move between warehouses arrives
 * with the cost the sending side left with, so re-valuing the sender re-values the receiver.
 */
export const stockProjection: Projection = {
  stores: { ...STOCK_STORES, ...STOCK_MONTH_STORES },
  async apply(index, db, changes, { derived }) {
    const t = stockTables(index);
    const months = new MonthDeltas();
    const dirty = new Map<string, string>();
    const touch = (key: string, order: string) => {
      const at = dirty.get(key);
      if (at === undefined || order < at) dirty.set(key, order);
    };

    // A new lock date moves the rows it concerns (stock-lock.ts) before this batch's moves land.
    const lockBefore = await t.lock.get('lock');
    const lock = await followLock(t, changes, touch, months);

    // The valuation method is master data; the fold of an item that changes method starts over.
    const items = changes.filter((c) => c.type === 'item');
    if (items.length) {
      const known = new Map(
        (await t.items.bulkGet(items.map((c) => c.id))).flatMap((r) =>
          r ? [[r.id, r.method]] : [],
        ),
      );
      for (const c of items) {
        const method = (c.doc as Item | null)?.valuation;
        if (!method || known.get(c.id) === method) continue;
        await t.items.put({ id: c.id, method });
        for (const k of await t.keys.where('item').equals(c.id).toArray()) touch(k.key, '');
      }
    }

    // The moves whose postings this batch changes (stock-ledger.ts): accounts, transfers, and
    // below, the batch's own moves and every row a re-fold values differently.
    const repost = await followPostingInputs(index, changes, lockBefore);

    // Transfer dispatches and receipts move stock too (transfer-rows.ts).
    const moves = changes.filter((c) => STOCK_DOC_TYPES.has(c.type));
    for (const c of moves) repost.moves.add(c.id);
    if (moves.length) {
      const old = await rowsOfMoves(
        t.lines,
        moves.map((c) => c.id),
      ).toArray();
      for (const r of old) {
        touch(r.key, r.order);
        months.remove(r);
      }
      if (old.length) await t.lines.bulkDelete(old.map((r) => r.id));
      const fresh = await rowsOfStockDocs(t, moves);
      const created = new Map(moves.map((c) => [c.id, c.doc?.createdAt]));
      for (const r of fresh) {
        const at = created.get(r.moveId);
        if (typeof at === 'string') r.createdAt = at;
        place(r, lock);
        touch(r.key, r.order);
      }
      if (fresh.length) {
        await t.lines.bulkPut(fresh);
        const existing = new Set(
          (await t.keys.bulkGet([...new Set(fresh.map((r) => r.key))])).flatMap((k) =>
            k ? [k.key] : [],
          ),
        );
        const added = new Map(
          fresh
            .filter((r) => !existing.has(r.key))
            .map((r) => [
              r.key,
              {
                key: r.key,
                item: r.item,
                warehouse: r.warehouse,
                branch: r.branch,
                qty: 0,
                value: 0,
              },
            ]),
        );
        if (added.size) await t.keys.bulkPut([...added.values()]);
      }
    }

    // Every touched key is re-folded at once, so their reads travel together instead of one
    // key's waiting on the last's. A receiver that read its sender's old cost in the same wave
    // is touched again by the sender (its cost changed) and re-folded in the next wave.
    while (dirty.size) {
      const wave = [...dirty];
      dirty.clear();
      const next = await Promise.all(
        wave.map(([key, from]) => revalue(index, key, from, months, repost.moves)),
      );
      for (const list of next) for (const n of list) touch(n.key, n.order);
    }
    await months.flush(index);
    await postStockMoves(index, db, repost, derived);
  },
};

/**
 * Re-folds one item × warehouse from `from` (an order; '' = the beginning). Returns the
 * receiving rows of internal moves whose arriving cost changed: their folds must follow.
 */
export async function revalue(
  index: IndexDb,
  key: string,
  from: string,
  months: MonthDeltas,
  /** Collects the moves whose rows now have another value: their postings change. */
  revalued?: Set<string>,
): Promise<{ key: string; order: string }[]> {
  const t = stockTables(index);
  const range = t.lines.where('[key+order]');
  const before = await range.between([key, ''], [key, from], true, false).last();
  const rows = await range.between([key, from], [key, '\uffff'], true, true).toArray();
  if (rows.length === 0) {
    // The last moves of this key went away: what is left is the state before them.
    await t.keys.update(key, { qty: before?.qtyAfter ?? 0, value: before?.valueAfter ?? 0 });
    return [];
  }
  const item = rows[0]!.item;
  const method: ValuationMethod = (await t.items.get(item))?.method ?? 'fifo';
  const sources = new Map(
    (await t.lines.bulkGet(rows.flatMap((r) => (r.from ? [r.from] : []))))
      .filter((r): r is StockLineRow => !!r)
      .map((r) => [r.id, r]),
  );
  let state = before?.state ?? EMPTY_STATE;
  let prev = { qty: before?.qtyAfter ?? 0, value: before?.valueAfter ?? 0 };
  const follow: string[] = [];
  for (const r of rows) {
    months.remove(r);
    const source = r.from ? sources.get(r.from) : undefined;
    const value = source ? -source.value : (r.inValue ?? undefined);
    const step = applyMove(method, state, { id: r.id, date: r.date, qty: r.qty, value });
    state = step.state;
    if (r.to && (!r.valued || r.value !== step.result.value)) follow.push(r.to);
    if (r.value !== step.result.value || r.cogsAdjustment !== step.result.cogsAdjustment)
      revalued?.add(r.moveId);
    r.value = step.result.value;
    r.cogsAdjustment = step.result.cogsAdjustment;
    r.qtyAfter = step.result.qtyAfter;
    r.valueAfter = step.result.valueAfter;
    r.wentNegative = step.result.wentNegative;
    r.state = state;
    r.valued = true;
    r.dQty = r.qtyAfter - prev.qty;
    r.dValue = r.valueAfter - prev.value;
    prev = { qty: r.qtyAfter, value: r.valueAfter };
    months.count(r);
  }
  await t.lines.bulkPut(rows);
  await t.keys.update(key, { qty: state.qty, value: state.value });
  const targets = follow.length ? await t.lines.bulkGet(follow) : [];
  return targets.filter((r): r is StockLineRow => !!r).map((r) => ({ key: r.key, order: r.order }));
}

export { stockKey };
