import type { ModuleContext } from '../../../core/module-context';
import { formatQty } from '../domain/quantity';
import type { LockedPeriodMoveRow } from '../rpc-contract';
import { cachedItems, cachedWarehouses } from './repos';
import { stockTables } from './stock-rows';

/**
 * Moves dated in a locked period that the lock missed (stock-lock.ts), as an exception list like
 * negative stock: they are valued the day after the lock, and the clerk should know why.
 */
export async function lockedPeriodMoves(
  s: ModuleContext,
  q: { branch?: string | null },
): Promise<LockedPeriodMoveRow[]> {
  await s.settle();
  const t = stockTables(s.index);
  // Only such rows carry `lockedOut`, so its index holds just them.
  const rows = (await t.lines.where('lockedOut').above('').toArray()).filter(
    (r) => !q.branch || r.branch === q.branch,
  );
  const [items, warehouses] = await Promise.all([cachedItems(s), cachedWarehouses(s)]);
  const item = new Map(items.map((i) => [i._id, i]));
  const code = new Map(warehouses.map((w) => [w._id, w.code]));
  return rows
    .map((r) => ({
      moveId: r.moveId,
      date: r.date,
      valuedOn: r.order.slice(0, 10),
      lockDate: r.lockedOut!,
      kind: r.kind,
      reference: r.reference,
      item: r.item,
      sku: item.get(r.item)?.sku ?? '',
      name: item.get(r.item)?.name ?? '(item not on this device yet)',
      warehouse: r.warehouse,
      warehouseCode: code.get(r.warehouse) ?? '',
      branch: r.branch,
      qty: formatQty(r.qty),
      value: r.value,
    }))
    .sort((a, b) =>
      a.date !== b.date ? (a.date < b.date ? -1 : 1) : a.moveId < b.moveId ? -1 : 1,
    );
}
