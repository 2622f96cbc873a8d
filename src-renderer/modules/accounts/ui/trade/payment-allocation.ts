/** Which documents a receipt or payment can settle, and the oldest-first fill the core also uses. */

export interface AllocatableItem {
  docId: string;
  date: string;
  kind: 'invoice' | 'credit';
  currency: string;
  open: number;
  status: string;
}

/** Documents money can settle: invoices/bills in the payment's currency with something open, oldest first (the core's order). */
export function allocatable<T extends AllocatableItem>(items: readonly T[], currency: string): T[] {
  return items
    .filter(
      (i) => i.kind === 'invoice' && i.currency === currency && i.open > 0 && i.status !== 'paid',
    )
    .sort((a, b) =>
      a.date < b.date
        ? -1
        : a.date > b.date
          ? 1
          : a.docId < b.docId
            ? -1
            : a.docId > b.docId
              ? 1
              : 0,
    );
}

/** Fills allocations oldest first until the amount runs out; what is left stays on account. */
export function fillOldestFirst(
  amount: number,
  items: readonly Pick<AllocatableItem, 'docId' | 'open'>[],
): Record<string, number> {
  const out: Record<string, number> = {};
  let left = Math.max(0, amount);
  for (const item of items) {
    if (left <= 0) break;
    if (item.open <= 0) continue;
    const take = Math.min(item.open, left);
    out[item.docId] = take;
    left -= take;
  }
  return out;
}
