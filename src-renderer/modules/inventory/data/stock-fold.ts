import type { IndexDb } from '../../../core/index/index-db';
import { applyMove, EMPTY_STATE, type ValuationMethod } from '../domain/valuation';
import type { MonthDeltas } from './stock-months';
import { stockTables, type StockItemRow, type StockKeyRow, type StockLineRow } from './stock-rows';

type Before = Pick<StockLineRow, 'order' | 'state' | 'qtyAfter' | 'valueAfter'>;

/**
 * The re-folds of one batch of the stock projection (stock-projection.ts), wave by wave. Each
 * wave reads what all its keys need together (their rows, the items' methods, the sending rows
 * of internal moves), folds them in memory and writes them in one go, so a batch costs a few
 * round trips instead of several per item × warehouse.
 *
 * Each key row keeps the order of its last row (`last`). A batch whose rows of a key all come
 * after it (an initial sync, a clerk's new move) folds them straight from memory, starting from
 * that one row read by id: the key's range is not read, and its new rows are written once,
 * valued. A key row of an index built before `last` was kept folds the long way once.
 */
export class StockFold {
  private readonly t: ReturnType<typeof stockTables>;
  private readonly keyRows = new Map<string, StockKeyRow | undefined>();
  private readonly changedKeys = new Set<string>();
  private readonly methods = new Map<string, ValuationMethod>();
  /** The item rows read for the methods, kept for the ledger postings of the same batch. */
  readonly itemRows = new Map<string, StockItemRow | undefined>();
  /** The batch's new rows of keys folded from memory, not written yet, by key and by id. */
  private readonly pending = new Map<string, StockLineRow[]>();
  private readonly pendingById = new Map<string, StockLineRow>();
  /** Every row this batch folded, as last valued (what the index holds once the batch ends). */
  readonly valued = new Map<string, StockLineRow>();

  constructor(
    index: IndexDb,
    private readonly months: MonthDeltas,
    /** Collects the moves whose rows now have another value: their postings change. */
    private readonly revalued: Set<string>,
  ) {
    this.t = stockTables(index);
  }

  private async loadKeys(keys: Iterable<string>): Promise<void> {
    const missing = [...new Set(keys)].filter((k) => !this.keyRows.has(k));
    if (!missing.length) return;
    const rows = await this.t.keys.bulkGet(missing);
    missing.forEach((k, i) => this.keyRows.set(k, rows[i]));
  }

  private fromMemory(key: string, from: string): boolean {
    const last = this.keyRows.get(key)?.last;
    return last !== undefined && from > last;
  }

  /**
   * Takes the batch's new rows once every key it touches is known (`dirty`: key → the earliest
   * order that changed). A key seen for the first time gets its row; the new rows of keys that
   * fold from memory wait for their fold, the others are written now for the fold to read.
   */
  async add(dirty: ReadonlyMap<string, string>, fresh: readonly StockLineRow[]): Promise<void> {
    await this.loadKeys([...dirty.keys(), ...fresh.map((r) => r.key)]);
    const now = new Map<string, StockLineRow>();
    for (const r of fresh) {
      if (!this.keyRows.get(r.key)) {
        const { key, item, warehouse, branch } = r;
        this.keyRows.set(key, { key, item, warehouse, branch, qty: 0, value: 0, last: '' });
        this.changedKeys.add(key);
      }
      if (this.fromMemory(r.key, dirty.get(r.key) ?? '')) {
        const old = this.pendingById.get(r.id);
        const list = this.pending.get(r.key) ?? [];
        // The same row twice in a batch: the later one stands, as a second put would leave it.
        this.pending.set(r.key, old ? list.map((x) => (x === old ? r : x)) : [...list, r]);
        this.pendingById.set(r.id, r);
      } else now.set(r.id, r);
    }
    if (now.size) await this.t.lines.bulkPut([...now.values()]);
  }

  /**
   * Re-folds each key from its order (an order; '' = the beginning). Returns the receiving rows
   * of internal moves whose arriving cost changed: their folds must follow in the next wave.
   */
  async wave(entries: readonly [string, string][]): Promise<{ key: string; order: string }[]> {
    await this.loadKeys(entries.map(([k]) => k));
    // A key folding from memory starts from its last row, read by id (its order ends with it).
    const lastIds = entries.flatMap(([key, from]) => {
      const last = this.keyRows.get(key)?.last;
      return this.fromMemory(key, from) && last ? [last.slice(last.indexOf('|') + 1)] : [];
    });
    const lastRows = new Map(
      (lastIds.length ? await this.t.lines.bulkGet(lastIds) : []).flatMap((r) =>
        r ? [[r.order, r]] : [],
      ),
    );
    const range = this.t.lines.where('[key+order]');
    const plans = await Promise.all(
      entries.map(async ([key, from]) => {
        const last = this.keyRows.get(key)?.last;
        const before = last ? lastRows.get(last) : undefined;
        if (this.fromMemory(key, from) && (before || !last)) {
          const rows = (this.pending.get(key) ?? []).filter((r) => r.order >= from);
          rows.sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : 0));
          return { key, before, rows };
        }
        // Its last row is not where the key row says (never so, unless the index was damaged):
        // every new row of the key is written, and the key is read the long way.
        const held = this.pending.get(key);
        if (held) await this.t.lines.bulkPut(held);
        const [prior, rows] = await Promise.all([
          range.between([key, ''], [key, from], true, false).last(),
          range.between([key, from], [key, '\uffff'], true, true).toArray(),
        ]);
        return { key, before: prior as Before | undefined, rows };
      }),
    );
    await this.loadMethods(plans.flatMap((p) => (p.rows[0] ? [p.rows[0].item] : [])));
    const sources = await this.valuesOf(plans.flatMap((p) => p.rows.flatMap((r) => r.from ?? [])));

    const written: StockLineRow[] = [];
    const follow: string[] = [];
    for (const { key, before, rows } of plans) {
      this.pending.delete(key);
      for (const r of rows) this.pendingById.delete(r.id);
      this.fold(key, before, rows, sources, follow);
      written.push(...rows);
    }
    if (written.length) await this.t.lines.bulkPut(written);
    const targets = follow.length ? await this.t.lines.bulkGet(follow) : [];
    return targets.flatMap((r) => (r ? [{ key: r.key, order: r.order }] : []));
  }

  private fold(
    key: string,
    before: Before | undefined,
    rows: StockLineRow[],
    sources: ReadonlyMap<string, number>,
    follow: string[],
  ): void {
    const k = this.keyRows.get(key) ?? (rows[0] && keyRowOf(rows[0]));
    if (!k) return;
    let state = before?.state ?? EMPTY_STATE;
    let prev = { qty: before?.qtyAfter ?? 0, value: before?.valueAfter ?? 0 };
    // No rows: the last moves of this key went away, and what is left is the state before them.
    const method = rows[0] ? (this.methods.get(rows[0].item) ?? 'fifo') : 'fifo';
    for (const r of rows) {
      this.months.remove(r);
      const source = r.from ? sources.get(r.from) : undefined;
      const value = source !== undefined ? -source : (r.inValue ?? undefined);
      const step = applyMove(method, state, { id: r.id, date: r.date, qty: r.qty, value });
      state = step.state;
      if (r.to && (!r.valued || r.value !== step.result.value)) follow.push(r.to);
      if (r.value !== step.result.value || r.cogsAdjustment !== step.result.cogsAdjustment)
        this.revalued.add(r.moveId);
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
      this.months.count(r);
      this.valued.set(r.id, r);
    }
    const last = rows.at(-1)?.order ?? before?.order ?? '';
    this.keyRows.set(key, { ...k, qty: prev.qty, value: prev.value, last });
    this.changedKeys.add(key);
  }

  private async loadMethods(items: string[]): Promise<void> {
    const missing = [...new Set(items)].filter((i) => !this.methods.has(i));
    if (!missing.length) return;
    const rows = await this.t.items.bulkGet(missing);
    missing.forEach((id, i) => {
      this.methods.set(id, rows[i]?.method ?? 'fifo');
      this.itemRows.set(id, rows[i]);
    });
  }

  /** The value each sending row carries now (a new one not yet folded: 0, as stored). */
  private async valuesOf(ids: string[]): Promise<Map<string, number>> {
    const out = new Map<string, number>();
    const read: string[] = [];
    for (const id of new Set(ids)) {
      const held = this.pendingById.get(id);
      if (held) out.set(id, held.value);
      else read.push(id);
    }
    if (read.length)
      for (const r of await this.t.lines.bulkGet(read)) if (r) out.set(r.id, r.value);
    return out;
  }

  /** Writes the key rows the batch changed, and any new row no wave reached. */
  async finish(): Promise<void> {
    const left = [...this.pendingById.values()];
    if (left.length) await this.t.lines.bulkPut(left);
    const keys = [...this.changedKeys].flatMap((k) => this.keyRows.get(k) ?? []);
    if (keys.length) await this.t.keys.bulkPut(keys);
  }
}

function keyRowOf(r: StockLineRow): StockKeyRow {
  return { key: r.key, item: r.item, warehouse: r.warehouse, branch: r.branch, qty: 0, value: 0 };
}
