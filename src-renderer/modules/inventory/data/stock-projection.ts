import type { Projection } from '../../../core/index/index-db';
import type { Item } from '../domain/schemas';
import { rowsOfStockDocs, STOCK_DOC_TYPES } from './transfer-rows';
import { followLock, place } from './stock-lock';
import { followPostingInputs, postStockMoves } from './stock-ledger';
import { MonthDeltas, STOCK_MONTH_STORES } from './stock-months';
import { StockFold } from './stock-fold';
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
  async apply(index, db, changes, { derived, dbOf }) {
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
    // A document's only revision ever has no rows yet: nothing to look up for it.
    const seen = moves.filter((c) => !c.fresh).map((c) => c.id);
    if (seen.length) {
      const old = await rowsOfMoves(t.lines, seen).toArray();
      for (const r of old) {
        touch(r.key, r.order);
        months.remove(r);
      }
      if (old.length) await t.lines.bulkDelete(old.map((r) => r.id));
    }
    const fresh = moves.length ? await rowsOfStockDocs(t, moves) : [];
    const created = new Map(moves.map((c) => [c.id, c.doc?.createdAt]));
    for (const r of fresh) {
      const at = created.get(r.moveId);
      if (typeof at === 'string') r.createdAt = at;
      place(r, lock);
      touch(r.key, r.order);
    }

    // Every touched key is re-folded at once (stock-fold.ts), so their reads travel together. A
    // receiver that read its sender's old cost in the same wave is touched again by the sender
    // (its cost changed) and re-folded in the next wave.
    const fold = new StockFold(index, months, repost.moves);
    await fold.add(dirty, fresh);
    while (dirty.size) {
      const wave = [...dirty];
      dirty.clear();
      for (const n of await fold.wave(wave)) touch(n.key, n.order);
    }
    await fold.finish();
    await months.flush(index);
    // The batch's own moves post from the rows just folded, not read back: every row such a move
    // has now is among `fresh` (its old ones went above), valued by the fold.
    const ownRows = new Map<string, StockLineRow[]>(moves.map((c) => [c.id, []]));
    const listed = new Set<string>();
    for (const r of fresh)
      if (!listed.has(r.id)) {
        listed.add(r.id);
        ownRows.get(r.moveId)?.push(fold.valued.get(r.id) ?? r);
      }
    const firstPosting = new Set(moves.filter((c) => c.fresh).map((c) => c.id));
    const known = { ownRows, firstPosting, items: fold.itemRows };
    await postStockMoves(index, db, { ...repost, ...known }, derived, dbOf);
  },
};

export { stockKey };
