import { OutpostError } from '../../../core/errors';
import { MASTER_DB } from '../../../core/db/names';
import type { ModuleContext } from '../../../core/module-context';
import {
  INVENTORY_SETTINGS_ID,
  type InventorySettings,
  type Item,
  type PriceList,
  type ReorderRule,
  type StockMove,
  type Warehouse,
} from '../domain/schemas';

/** Inventory's documents: master data on master, stock moves on this device's branch database. */
export function inventoryRepos(s: ModuleContext) {
  return {
    items: s.repository<Item>(MASTER_DB, 'item'),
    warehouses: s.repository<Warehouse>(MASTER_DB, 'warehouse'),
    reorderRules: s.repository<ReorderRule>(MASTER_DB, 'reorderRule'),
    priceLists: s.repository<PriceList>(MASTER_DB, 'priceList'),
    settings: s.repository<InventorySettings>(MASTER_DB, 'inventorySettings'),
    moves: s.repository<StockMove>(s.homeBranchDbName, 'stockMove'),
  };
}

/** Items and warehouses are read on every save: cached until master changes. */
export const cachedItems = (s: ModuleContext) =>
  s.cachedMaster('inventory.items', () => inventoryRepos(s).items.list());
export const cachedWarehouses = (s: ModuleContext) =>
  s.cachedMaster('inventory.warehouses', () => inventoryRepos(s).warehouses.list());

export async function loadInventorySettings(s: ModuleContext): Promise<InventorySettings | null> {
  try {
    return await inventoryRepos(s).settings.get(INVENTORY_SETTINGS_ID);
  } catch (e) {
    if (e instanceof OutpostError && e.code === 'not-found') return null;
    throw e;
  }
}
