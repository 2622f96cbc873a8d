import { OutpostError } from '../../../core/errors';
import { parseOrThrow } from '../../../core/db/validation';
import { COMPANY_WIDE } from '../../../core/org/schemas';
import type { ModuleContext } from '../../../core/module-context';
import {
  priceListFieldsSchema,
  reorderRuleFieldsSchema,
  type PriceList,
  type ReorderRule,
} from '../domain/schemas';
import { cachedItems, cachedWarehouses, inventoryRepos } from './repos';

/** Reorder rules and price lists (master): what they name must exist, each once. */

const refuse = (message: string, fields?: Record<string, string>): never => {
  throw new OutpostError('validation', message, fields);
};

/** One rule per item × warehouse: saving a second one for the pair is refused, naming the first. */
export async function saveReorderRule(
  s: ModuleContext,
  input: { id?: string; fields: unknown },
): Promise<ReorderRule> {
  const f = parseOrThrow(reorderRuleFieldsSchema, input.fields, 'The reorder rule was not saved.');
  const item = (await cachedItems(s)).find((i) => i._id === f.item);
  if (!item || item.kind !== 'stock')
    refuse('Choose a stock item for the reorder rule. The reorder rule was not saved.', {
      item: 'Not a stock item.',
    });
  const warehouse = (await cachedWarehouses(s)).find((w) => w._id === f.warehouse);
  if (!warehouse)
    refuse('Choose a warehouse for the reorder rule. The reorder rule was not saved.', {
      warehouse: 'Unknown warehouse.',
    });
  const r = inventoryRepos(s).reorderRules;
  const clash = (await r.list()).find(
    (x) => x.item === f.item && x.warehouse === f.warehouse && x._id !== input.id,
  );
  if (clash)
    refuse(
      `${item!.sku} already has a reorder rule in ${warehouse!.code} (reorder at ${clash.level}). Change that one instead. The reorder rule was not saved.`,
    );
  return input.id ? r.update(input.id, f) : r.create(f, COMPANY_WIDE);
}

export async function listReorderRules(s: ModuleContext): Promise<ReorderRule[]> {
  return inventoryRepos(s).reorderRules.list();
}

/** Price list names are unique; each item is priced once per list. */
export async function savePriceList(
  s: ModuleContext,
  input: { id?: string; fields: unknown },
): Promise<PriceList> {
  const f = parseOrThrow(priceListFieldsSchema, input.fields, 'The price list was not saved.');
  const r = inventoryRepos(s).priceLists;
  const clash = (await r.list()).find(
    (p) => p.name.toLowerCase() === f.name.toLowerCase() && p._id !== input.id,
  );
  if (clash)
    refuse(`There is already a price list called ${clash.name}. The price list was not saved.`, {
      name: 'This name is already used.',
    });
  const items = new Map((await cachedItems(s)).map((i) => [i._id, i]));
  const seen = new Set<string>();
  f.prices.forEach((p, n) => {
    const item = items.get(p.item);
    if (!item)
      refuse(`Line ${n + 1}: choose an item from the catalogue. The price list was not saved.`);
    if (seen.has(p.item))
      refuse(
        `Line ${n + 1}: ${item!.sku} is already priced on this list. The price list was not saved.`,
      );
    seen.add(p.item);
  });
  return input.id ? r.update(input.id, f) : r.create(f, COMPANY_WIDE);
}

export async function listPriceLists(s: ModuleContext): Promise<PriceList[]> {
  return (await inventoryRepos(s).priceLists.list()).sort((a, b) => a.name.localeCompare(b.name));
}
