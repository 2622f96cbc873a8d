import { formatMoney } from '../../../../core/format';
import { formatQuantity } from '../../../../ui/inputs/number-format';
import { parseQty } from '../../domain/quantity';
import type { TransferView } from '../../rpc-contract';

/** A transfer's state in a storeroom clerk's words. */
export function statusWords(t: Pick<TransferView, 'status' | 'closedShort'>): string {
  if (t.closedShort) return 'Closed, some goods short';
  return {
    dispatched: 'On the way',
    partlyReceived: 'Partly received',
    received: 'Received',
  }[t.status];
}

export const qty = (q: string, unit?: string, locale?: string) =>
  `${formatQuantity(q, 4, locale)}${unit ? ` ${unit}` : ''}`;

export const money = (minor: number, currency: string, locale?: string) =>
  currency ? formatMoney(minor, currency, locale) : '';

/** What the receiving clerk has typed against what is still on the way, in words, or null. */
export function overReceipt(
  lines: readonly { line: number; sku: string; inTransit: string; unit: string }[],
  entered: Record<number, string | null>,
): string | null {
  for (const l of lines) {
    const got = entered[l.line];
    if (got && (parseQty(got) ?? 0) > (parseQty(l.inTransit) ?? 0))
      return `Line ${l.line + 1} (${l.sku}): ${got} ${l.unit} entered, but only ${l.inTransit} ${l.unit} ${l.inTransit === '1' ? 'is' : 'are'} still on the way. Enter what arrived, at most what is on the way.`;
  }
  return null;
}
