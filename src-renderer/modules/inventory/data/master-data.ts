import { OutpostError } from '../../../core/errors';
import { parseOrThrow } from '../../../core/db/validation';
import { COMPANY_WIDE } from '../../../core/org/schemas';
import type { ModuleContext } from '../../../core/module-context';
import {
  INVENTORY_SETTINGS_ID,
  inventorySettingsFieldsSchema,
  itemFieldsSchema,
  warehouseFieldsSchema,
  type InventorySettings,
  type Item,
  type Warehouse,
} from '../domain/schemas';
import { cachedItems, cachedWarehouses, inventoryRepos, loadInventorySettings } from './repos';
import { checkStockAccounts } from './settings-accounts';
import { stockTables } from './stock-rows';

/** Items, warehouses and the inventory settings (master): every rule checked before one write. */

export async function saveItem(
  s: ModuleContext,
  input: { id?: string; fields: unknown },
): Promise<Item> {
  const fields = parseOrThrow(itemFieldsSchema, input.fields, 'The item was not saved.');
  const units = new Set([fields.baseUnit]);
  for (const u of fields.units) {
    if (units.has(u.unit))
      throw new OutpostError(
        'validation',
        `The unit "${u.unit}" is listed twice. The item was not saved.`,
        {
          units: 'Each unit once.',
        },
      );
    units.add(u.unit);
  }
  const items = await cachedItems(s);
  const others = items.filter((i) => i._id !== input.id);
  const sameSku = others.find((i) => i.sku === fields.sku);
  if (sameSku)
    throw new OutpostError(
      'validation',
      `SKU ${fields.sku} is already used by ${sameSku.name}. The item was not saved.`,
      {
        sku: 'This SKU is already used.',
      },
    );
  const seen = new Set<string>();
  for (const code of fields.barcodes) {
    const owner = others.find((i) => i.barcodes.includes(code));
    if (owner || seen.has(code))
      throw new OutpostError(
        'validation',
        `Barcode ${code} is already used${owner ? ` by ${owner.sku} ${owner.name}` : ' twice on this item'}. The item was not saved.`,
        { barcodes: 'This barcode is already used.' },
      );
    seen.add(code);
  }
  const r = inventoryRepos(s).items;
  if (!input.id) return r.create(fields, COMPANY_WIDE);
  const current = await r.get(input.id);
  if (current.valuation !== fields.valuation) {
    await s.settle();
    const moved = await stockTables(s.index).keys.where('item').equals(input.id).count();
    if (moved)
      throw new OutpostError(
        'validation',
        `${current.sku} already has stock moves, so its valuation method stays ${current.valuation === 'fifo' ? 'FIFO' : 'moving average'}. Create a new item to value it another way. The item was not saved.`,
        { valuation: 'Fixed once the item has moves.' },
      );
  }
  return r.update(input.id, fields);
}

export async function saveWarehouse(
  s: ModuleContext,
  input: { id?: string; fields: unknown },
): Promise<Warehouse> {
  const fields = parseOrThrow(warehouseFieldsSchema, input.fields, 'The warehouse was not saved.');
  const branches = await s.branchList();
  if (!branches.some((b) => b.code === fields.branchCode))
    throw new OutpostError(
      'validation',
      `There is no branch ${fields.branchCode}. The warehouse was not saved.`,
      {
        branchCode: 'Choose one of the company’s branches.',
      },
    );
  const clash = (await cachedWarehouses(s)).find(
    (w) => w.code === fields.code && w._id !== input.id,
  );
  if (clash)
    throw new OutpostError(
      'validation',
      `Code ${fields.code} is already used by ${clash.name}. The warehouse was not saved.`,
      {
        code: 'This code is already used.',
      },
    );
  const r = inventoryRepos(s).warehouses;
  return input.id ? r.update(input.id, fields) : r.create(fields, COMPANY_WIDE);
}

export async function saveInventorySettings(
  s: ModuleContext,
  input: unknown,
): Promise<InventorySettings> {
  // A save that names only some settings (the negative-stock policy) keeps the others.
  const current = await loadInventorySettings(s);
  const given =
    current && input && typeof input === 'object'
      ? { ...pickSettings(current), ...(input as object) }
      : input;
  const fields = parseOrThrow(
    inventorySettingsFieldsSchema,
    given,
    'The inventory settings were not saved.',
  );
  await checkStockAccounts(s, fields);
  const r = inventoryRepos(s).settings;
  if (current) return r.update(INVENTORY_SETTINGS_ID, fields);
  await r.createMany([r.build(fields, COMPANY_WIDE, INVENTORY_SETTINGS_ID)]);
  return r.get(INVENTORY_SETTINGS_ID);
}

function pickSettings(current: InventorySettings): Record<string, unknown> {
  const keys = Object.keys(inventorySettingsFieldsSchema.shape);
  return Object.fromEntries(keys.map((k) => [k, current[k as keyof InventorySettings]]));
}

const words = (text: string) => text.trim().toLowerCase();

/** Items whose SKU, name or a barcode starts with (or, for names, contains) the search text. */
export async function listItems(
  s: ModuleContext,
  q: { search?: string; includeArchived?: boolean },
): Promise<Item[]> {
  const all = await cachedItems(s);
  const term = words(q.search ?? '');
  return all
    .filter((i) => q.includeArchived || !i.archived)
    .filter(
      (i) =>
        !term ||
        i.sku.toLowerCase().startsWith(term) ||
        i.name.toLowerCase().includes(term) ||
        i.barcodes.some((b) => b.toLowerCase() === term),
    )
    .sort((a, b) => (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0));
}

export async function listWarehouses(
  s: ModuleContext,
  q: { branch?: string | null },
): Promise<Warehouse[]> {
  return (await cachedWarehouses(s))
    .filter((w) => !q.branch || w.branchCode === q.branch)
    .sort((a, b) => (a.code < b.code ? -1 : 1));
}
