import { countOf, formatCount } from '../../../../core/format';
import { parseQty, QTY_SCALE } from '../../domain/quantity';
import type { Item, StockMove } from '../../domain/schemas';
import type { LabelItemChoice } from '../LabelsDialog';

/** The labels sheet refuses more than this per item (data/labels.ts MAX_COPIES). */
export const RECEIPT_LABEL_CAP = 1000;

/**
 * One label per base unit received, per item, in the order the receipt lists them. A line in a
 * larger unit (a case of 12) labels each piece; a part unit (2.5 kg) still gets its own label,
 * so every unit on the shelf carries one. Above the cap the count stops there and `note` says
 * so, because a sheet of thousands is never what a clerk meant to print by accident.
 */
export function receiptLabels(
  move: Pick<StockMove, 'lines'>,
  items: readonly Pick<Item, '_id' | 'sku' | 'name'>[],
  locale?: string,
): { choices: LabelItemChoice[]; note: string | null } {
  const units = new Map<string, number>();
  for (const l of move.lines) {
    const scaled = parseQty(l.qty);
    const factor = Number(l.factor);
    if (scaled === null || !(factor > 0)) continue;
    units.set(l.item, (units.get(l.item) ?? 0) + (scaled / QTY_SCALE) * factor);
  }
  const capped: string[] = [];
  const choices: LabelItemChoice[] = [];
  for (const [id, base] of units) {
    const item = items.find((i) => i._id === id);
    if (!item || base <= 0) continue;
    // A float product like 0.1 × 30 lands a hair above 3: round that away before going up.
    const whole = Math.max(1, Math.ceil(Math.round(base * QTY_SCALE) / QTY_SCALE));
    if (whole > RECEIPT_LABEL_CAP)
      capped.push(`${item.sku} (${countOf(whole, 'unit', 'units', locale)})`);
    choices.push({
      id,
      sku: item.sku,
      name: item.name,
      copies: Math.min(whole, RECEIPT_LABEL_CAP),
    });
  }
  const note = capped.length
    ? `One print makes at most ${formatCount(RECEIPT_LABEL_CAP, locale)} labels of an item, so ${capped.join(', ')} ${capped.length === 1 ? 'is' : 'are'} set to ${formatCount(RECEIPT_LABEL_CAP, locale)}. Print the rest in another run.`
    : null;
  return { choices, note };
}
