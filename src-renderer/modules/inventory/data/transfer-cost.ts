import type { ModuleContext } from '../../../core/module-context';
import { formatQty, parseQty, QTY_SCALE } from '../domain/quantity';
import { applyMove, EMPTY_STATE, type ValuationState } from '../domain/valuation';
import { endOfDay, stockKey, stockTables } from './stock-rows';

/**
 * The unit cost each dispatch line leaves the source warehouse with: what the warehouse's own
 * valuation (FIFO layers or moving average, from the stock projection's state at the end of
 * the dispatch date) charges for taking that quantity out, per base unit, in minor units. Lines
 * of the same item follow each other, as the fold will take them. The caller never sets it, so
 * the destination receives the goods at the value they left with. `short` lists the lines that
 * take more than the warehouse held that day (for the company's negative-stock policy).
 */
export async function dispatchUnitCosts(
  s: ModuleContext,
  warehouse: string,
  date: string,
  lines: readonly { item: string; qty: string }[],
): Promise<{ costs: number[]; short: { item: string; qty: string; onHand: string }[] }> {
  await s.settle();
  const t = stockTables(s.index);
  const states = new Map<string, ValuationState>();
  const costs: number[] = [];
  const short: { item: string; qty: string; onHand: string }[] = [];
  for (const l of lines) {
    const key = stockKey(l.item, warehouse);
    const qty = parseQty(l.qty);
    if (!qty || qty <= 0) {
      costs.push(0); // the schema refuses the line with words
      continue;
    }
    let state = states.get(key);
    if (!state) {
      const before = await t.lines
        .where('[key+order]')
        .between([key, ''], [key, endOfDay(date)], true, true)
        .last();
      state = before?.state ?? EMPTY_STATE;
    }
    const method = (await t.items.get(l.item))?.method ?? 'fifo';
    if (state.qty < qty)
      short.push({ item: l.item, qty: l.qty, onHand: formatQty(Math.max(state.qty, 0)) });
    const step = applyMove(method, state, { id: 'dispatch', date, qty: -qty });
    states.set(key, step.state);
    costs.push(Math.round((-step.result.value * QTY_SCALE) / qty));
  }
  return { costs, short };
}
