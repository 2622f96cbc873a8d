import { OutpostError } from '../../../core/errors';
import type { ModuleContext } from '../../../core/module-context';
import type { Item, Warehouse } from '../domain/schemas';
import { cachedItems, cachedWarehouses } from './repos';
import { stockTables, type StockKeyRow } from './stock-rows';

/** What the newer stock reports share: names for ids, the keys in scope, checked dates. */

export const NOT_HERE = '(item not on this device yet)';

export async function names(s: ModuleContext) {
  const [items, warehouses] = await Promise.all([cachedItems(s), cachedWarehouses(s)]);
  return {
    item: new Map<string, Item>(items.map((i) => [i._id, i])),
    warehouse: new Map<string, Warehouse>(warehouses.map((w) => [w._id, w])),
  };
}

export type Names = Awaited<ReturnType<typeof names>>;

/** The item and warehouse words of one report row. */
export function described(n: Names, k: { item: string; warehouse: string }) {
  const item = n.item.get(k.item);
  return {
    sku: item?.sku ?? '',
    name: item?.name ?? NOT_HERE,
    unit: item?.baseUnit ?? '',
    warehouseCode: n.warehouse.get(k.warehouse)?.code ?? '',
  };
}

/** Every item × warehouse of a branch (or all), optionally one warehouse: after the index settles. */
export async function keysInScope(
  s: ModuleContext,
  q: { branch?: string | null; warehouse?: string | null },
): Promise<StockKeyRow[]> {
  await s.settle();
  const t = stockTables(s.index);
  const keys = q.branch
    ? await t.keys.where('branch').equals(q.branch).toArray()
    : await t.keys.toArray();
  return keys.filter((k) => !q.warehouse || k.warehouse === q.warehouse);
}

const ISO = /^\d{4}-\d{2}-\d{2}$/;

/** A date the report can use, or a refusal saying which one is wrong. */
export function checkedDate(value: unknown, words: string): string {
  if (typeof value !== 'string' || !ISO.test(value) || Number.isNaN(Date.parse(value)))
    throw new OutpostError('validation', `Choose ${words} (a date like 2026-03-31).`);
  return value;
}

/** Whole days from `a` to `b` (both YYYY-MM-DD). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(b) - Date.parse(a)) / 86_400_000);
}

export const bySkuThenWarehouse = (
  a: { sku: string; warehouseCode: string },
  b: { sku: string; warehouseCode: string },
) =>
  a.sku !== b.sku
    ? a.sku < b.sku
      ? -1
      : 1
    : a.warehouseCode < b.warehouseCode
      ? -1
      : a.warehouseCode > b.warehouseCode
        ? 1
        : 0;
