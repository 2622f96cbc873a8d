import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestDevice } from '../../../core/testing/node-core';
import { beansFields, inventoryCompany } from '../testing/setup';
import { loadStockAccounts } from './settings-accounts';

/**
 * The accounts stock moves post to, chosen in Inventory settings: each must be in Accounts'
 * chart and of the kind its rule needs; a wrong one is refused in words and nothing changes.
 */
let d: TestDevice;
let beans: string;

const chosen = {
  inventoryAccount: '1300',
  cogsAccount: '5100',
  grniAccount: '2150',
  goodsInTransitAccount: '1350',
  interBranchAccount: '1900',
  stockAdjustmentAccount: '5300',
};

beforeAll(async () => {
  const c = await inventoryCompany();
  d = c.d;
  beans = c.beans;
  await d.call('accounts.setupStarterChart', undefined);
  // Acme keeps goods in transit and between branches under codes of its own.
  for (const [code, name, kind, subtype, parentCode] of [
    ['1350', 'Goods in transit', 'asset', 'inventory', '1000'],
    ['1900', 'Between branches', 'asset', 'current-asset', '1000'],
  ] as const)
    await d.call('accounts.saveAccount', { fields: { code, name, kind, subtype, parentCode } });
});
afterAll(async () => {
  await d?.close();
});

describe('stock posting accounts in Inventory settings', () => {
  it('saves accounts of the right kind, and a policy change keeps them', async () => {
    await d.call('inventory.saveSettings', { negativeStock: 'refuse', ...chosen });
    await d.call('inventory.saveSettings', { negativeStock: 'warn' });
    expect(await d.call('inventory.getSettings', undefined)).toMatchObject({
      negativeStock: 'warn',
      ...chosen,
    });
  });

  it("takes the starter chart's own stock accounts as they come", async () => {
    const starter = {
      inventoryAccount: '1300',
      cogsAccount: '5100',
      grniAccount: '2150',
      goodsInTransitAccount: '1310',
      interBranchAccount: '1320',
      stockAdjustmentAccount: '5300',
      priceDifferenceAccount: '5400',
    };
    await d.call('inventory.saveSettings', { negativeStock: 'refuse', ...starter });
    expect(await d.call('inventory.getSettings', undefined)).toMatchObject(starter);
    await d.call('inventory.saveSettings', { negativeStock: 'refuse', ...chosen });
  });

  it('refuses an account of the wrong kind, a group, or one not in the chart, changing nothing', async () => {
    const before = await d.call('inventory.getSettings', undefined);
    await expect(
      d.call('inventory.saveSettings', { ...chosen, grniAccount: '1300' }),
    ).rejects.toThrow(
      'Goods received not billed: 1300 Inventory is not a liability account. Choose another account. The inventory settings were not saved.',
    );
    await expect(
      d.call('inventory.saveSettings', { ...chosen, cogsAccount: '5000' }),
    ).rejects.toThrow('5000 Cost of sales only totals other accounts');
    await expect(
      d.call('inventory.saveSettings', { ...chosen, stockAdjustmentAccount: '5999' }),
    ).rejects.toThrow('Stock adjustments and shortages: there is no account 5999 in the chart');
    expect(await d.call('inventory.getSettings', undefined)).toEqual(before);
  });
});

describe('the accounts the postings use', () => {
  it('are the settings, with an item’s own inventory and cost accounts first', async () => {
    await d.call('inventory.saveSettings', chosen);
    const mugs = await d.call('inventory.saveItem', {
      fields: {
        ...beansFields('fifo'),
        sku: 'MUG-350',
        name: 'Stoneware mug 350 ml',
        barcodes: [],
        inventoryAccount: '1350',
        expenseAccount: '5300',
      },
    });
    const { accounts, missing } = await loadStockAccounts(d.core.session()!);
    expect(missing).toEqual([]);
    expect(accounts).toMatchObject({ grni: '2150', defaultInventory: '1300', defaultCogs: '5100' });
    expect(accounts.items.get(mugs._id)).toEqual({ inventory: '1350', cogs: '5300' });
    expect(accounts.items.get(beans)).toEqual({ inventory: '', cogs: '' });
  });
});
