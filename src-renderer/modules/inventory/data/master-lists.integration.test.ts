import { afterEach, describe, expect, it } from 'vitest';
import type { TestDevice } from '../../../core/testing/node-core';
import { inventoryCompany } from '../testing/setup';

/** Reorder rules and price lists: what they name must exist, each once; refusals write nothing. */
let device: TestDevice | null = null;
afterEach(async () => {
  await device?.close();
  device = null;
});

describe('reorder rules and price lists', () => {
  it('keeps one reorder rule per item and warehouse, for stock items only', async () => {
    const c = await inventoryCompany();
    device = c.d;
    const rule = await c.d.call('inventory.saveReorderRule', {
      fields: { item: c.beans, warehouse: c.main, level: '10', quantity: '24' },
    });
    await expect(
      c.d.call('inventory.saveReorderRule', {
        fields: { item: c.beans, warehouse: c.main, level: '5', quantity: '12' },
      }),
    ).rejects.toThrow(
      'BEAN-1KG already has a reorder rule in NYC-MAIN (reorder at 10). Change that one instead. The reorder rule was not saved.',
    );
    const roasting = await c.d.call('inventory.saveItem', {
      fields: { sku: 'SVC-ROAST', name: 'Roasting service', kind: 'service', baseUnit: 'hour' },
    });
    await expect(
      c.d.call('inventory.saveReorderRule', {
        fields: { item: roasting._id, warehouse: c.main, level: '1', quantity: '1' },
      }),
    ).rejects.toThrow('Choose a stock item for the reorder rule. The reorder rule was not saved.');
    await c.d.call('inventory.saveReorderRule', {
      id: rule._id,
      fields: { item: c.beans, warehouse: c.main, level: '6', quantity: '24' },
    });
    expect((await c.d.call('inventory.listReorderRules', undefined)).map((r) => r.level)).toEqual([
      '6',
    ]);
  });

  it('refuses a second list of the same name and an item priced twice', async () => {
    const c = await inventoryCompany();
    device = c.d;
    await c.d.call('inventory.savePriceList', {
      fields: { name: 'Retail USD', currency: 'USD', prices: [{ item: c.beans, price: 1899 }] },
    });
    await expect(
      c.d.call('inventory.savePriceList', { fields: { name: 'retail usd', currency: 'USD' } }),
    ).rejects.toThrow(
      'There is already a price list called Retail USD. The price list was not saved.',
    );
    await expect(
      c.d.call('inventory.savePriceList', {
        fields: {
          name: 'Wholesale USD',
          currency: 'USD',
          prices: [
            { item: c.beans, price: 1450 },
            { item: c.beans, price: 1400 },
          ],
        },
      }),
    ).rejects.toThrow(
      'Line 2: BEAN-1KG is already priced on this list. The price list was not saved.',
    );
    expect((await c.d.call('inventory.listPriceLists', undefined)).map((p) => p.name)).toEqual([
      'Retail USD',
    ]);
  });
});
